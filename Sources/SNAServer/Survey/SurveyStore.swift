import Foundation
import GRDB
import SNACore
import SNAIO

/// One network survey: the partnership's people, the standard themes, and
/// optionally strength and tie ratings.
public struct NetworkSurvey: Sendable {
    /// Its row id.
    public var id: Int64
    /// The title the coordinator gave.
    public var title: String
    /// Whether each tie asks how often.
    public var asksStrength: Bool
    /// The rating preset each tie asks, if any.
    public var ratingPreset: String?
    /// The people file as uploaded.
    public var peopleCSV: String
    /// When it was closed, if it has been.
    public var closed: Date?
    /// Whether respondents can still change answers.
    public var isOpen: Bool { closed == nil }
    /// The rating items asked.
    public var ratings: RatingSet { ratingPreset.flatMap { RatingSet.presets[$0] } ?? .none }
}

/// One person a survey is sent to.
public struct SurveyRespondent: Sendable {
    /// Their row id.
    public var id: Int64
    /// The survey.
    public var surveyID: Int64
    /// Their name, as the people file gives it.
    public var name: String
    /// Their organisation.
    public var organisation: String?
    /// Their link's token.
    public var token: String
    /// When they last saved.
    public var saved: Date?
    /// When they submitted.
    public var submitted: Date?
}

/// One tie a respondent named.
public struct NamedTie: Sendable, Equatable {
    /// The theme's id.
    public var theme: String
    /// The person on the list, when one was picked.
    public var contactID: Int64?
    /// What they typed for someone not on the list.
    public var freeText: String?
    /// How often, when asked.
    public var strength: Int?
    /// The tie's ratings by item id.
    public var ratings: [String: Int]

    /// A tie.
    public init(theme: String, contactID: Int64? = nil, freeText: String? = nil, strength: Int? = nil, ratings: [String: Int] = [:]) {
        self.theme = theme
        self.contactID = contactID
        self.freeText = freeText
        self.strength = strength
        self.ratings = ratings
    }
}

/// A name typed for someone not on the list, for the coordinator to match.
public struct UnlistedName: Sendable {
    /// The tie's row id.
    public var tieID: Int64
    /// Who typed it.
    public var respondent: String
    /// The theme.
    public var theme: String
    /// What they typed.
    public var text: String
    /// The person the coordinator matched it to, if any.
    public var matched: String?
}

/// The network survey's reads and writes; each write is one transaction.
public struct SurveyStore: Sendable {
    let database: ServerDatabase

    /// A store on `database`.
    public init(database: ServerDatabase) { self.database = database }

    /// Makes a survey for everyone in `people` (a network read by `PeopleRoster`), each with a new token.
    public func create(title: String, people: PartnershipNetwork, peopleCSV: String, asksStrength: Bool, ratingPreset: String?) async throws -> NetworkSurvey {
        let now = Date().timeIntervalSince1970
        return try await database.pool.write { db in
            try db.execute(sql: "INSERT INTO survey (title, ask_strength, ratings, people_csv, created_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [title, asksStrength, ratingPreset, peopleCSV, now])
            let id = db.lastInsertedRowID
            for person in people.people {
                try db.execute(sql: "INSERT INTO survey_person (survey_id, name, organisation, token) VALUES (?, ?, ?, ?)",
                               arguments: [id, person.name, person.organisation, Tokens.random()])
            }
            return NetworkSurvey(id: id, title: title, asksStrength: asksStrength, ratingPreset: ratingPreset, peopleCSV: peopleCSV, closed: nil)
        }
    }

    private static func survey(_ row: Row) -> NetworkSurvey {
        let closed: Double? = row["closed_at"]
        return NetworkSurvey(id: row["id"], title: row["title"], asksStrength: row["ask_strength"], ratingPreset: row["ratings"],
                             peopleCSV: row["people_csv"], closed: closed.map(Date.init(timeIntervalSince1970:)))
    }

    private static func respondent(_ row: Row) -> SurveyRespondent {
        let saved: Double? = row["saved_at"], submitted: Double? = row["submitted_at"]
        return SurveyRespondent(id: row["id"], surveyID: row["survey_id"], name: row["name"], organisation: row["organisation"], token: row["token"],
                                saved: saved.map(Date.init(timeIntervalSince1970:)), submitted: submitted.map(Date.init(timeIntervalSince1970:)))
    }

    /// The survey with row id `id`.
    public func survey(id: Int64) async throws -> NetworkSurvey? {
        try await database.pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM survey WHERE id = ?", arguments: [id]).map(Self.survey) }
    }

    /// Every survey, newest first, with how many people it has and how many submitted.
    public func all() async throws -> [(survey: NetworkSurvey, people: Int, submitted: Int)] {
        try await database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.*, (SELECT COUNT(*) FROM survey_person p WHERE p.survey_id = s.id) AS people,
                (SELECT COUNT(*) FROM survey_person p WHERE p.survey_id = s.id AND p.submitted_at IS NOT NULL) AS submitted
                FROM survey s ORDER BY s.id DESC
                """).map { (Self.survey($0), $0["people"], $0["submitted"]) }
        }
    }

    /// The respondent whose link carries `token`, with their survey.
    public func respondent(token: String) async throws -> (SurveyRespondent, NetworkSurvey)? {
        guard Tokens.isWellFormed(token) else { return nil }
        return try await database.pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM survey_person WHERE token = ?", arguments: [token]) else { return nil }
            let respondent = Self.respondent(row)
            guard let survey = try Row.fetchOne(db, sql: "SELECT * FROM survey WHERE id = ?", arguments: [respondent.surveyID]).map(Self.survey) else { return nil }
            return (respondent, survey)
        }
    }

    /// Everyone the survey is sent to, in the people file's order.
    public func respondents(_ surveyID: Int64) async throws -> [SurveyRespondent] {
        try await database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM survey_person WHERE survey_id = ? ORDER BY id", arguments: [surveyID]).map(Self.respondent)
        }
    }

    /// The ties a respondent has saved.
    public func ties(of respondentID: Int64) async throws -> [NamedTie] {
        try await database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM survey_tie WHERE respondent_id = ? ORDER BY id", arguments: [respondentID]).map(Self.tie)
        }
    }

    private static func tie(_ row: Row) -> NamedTie {
        let ratings = (row["ratings"] as String?).flatMap { try? JSONDecoder().decode([String: Int].self, from: Data($0.utf8)) } ?? [:]
        return NamedTie(theme: row["theme"], contactID: row["contact_id"], freeText: row["free_text"], strength: row["strength"], ratings: ratings)
    }

    /// What a save did.
    public enum SaveResult: Sendable, Equatable {
        /// Committed.
        case saved
        /// The survey is closed: nothing changed.
        case closed
        /// A picked contact is not one of this survey's people: nothing changed.
        case unknownContact
    }

    /// Replaces a respondent's ties with `ties` in one transaction; `submit` also marks them as having answered.
    public func save(_ ties: [NamedTie], for respondent: SurveyRespondent, submit: Bool) async throws -> SaveResult {
        let now = Date().timeIntervalSince1970
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try await database.pool.write { db in
            guard try Double.fetchOne(db, sql: "SELECT closed_at FROM survey WHERE id = ?", arguments: [respondent.surveyID]) == nil else { return .closed }
            let members = Set(try Int64.fetchAll(db, sql: "SELECT id FROM survey_person WHERE survey_id = ?", arguments: [respondent.surveyID]))
            guard ties.allSatisfy({ $0.contactID.map(members.contains) ?? true }) else { return .unknownContact }
            // Matches the coordinator made for typed names survive the respondent saving again.
            let matches = Dictionary(try Row.fetchAll(db, sql: "SELECT free_text, matched_id FROM survey_tie WHERE respondent_id = ? AND matched_id IS NOT NULL",
                                                       arguments: [respondent.id]).map { (NameKey.key($0["free_text"] as String), $0["matched_id"] as Int64) },
                                     uniquingKeysWith: { first, _ in first })
            try db.execute(sql: "DELETE FROM survey_tie WHERE respondent_id = ?", arguments: [respondent.id])
            for tie in ties {
                let ratings = tie.ratings.isEmpty ? nil : String(decoding: try encoder.encode(tie.ratings), as: UTF8.self)
                try db.execute(sql: "INSERT INTO survey_tie (respondent_id, theme, contact_id, free_text, matched_id, strength, ratings) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               arguments: [respondent.id, tie.theme, tie.contactID, tie.freeText, tie.freeText.flatMap { matches[NameKey.key($0)] },
                                           tie.strength, ratings])
            }
            if submit {
                try db.execute(sql: "UPDATE survey_person SET saved_at = ?, submitted_at = ? WHERE id = ?", arguments: [now, now, respondent.id])
            } else {
                try db.execute(sql: "UPDATE survey_person SET saved_at = ? WHERE id = ?", arguments: [now, respondent.id])
            }
            return .saved
        }
    }

    /// The names typed for people not on the list.
    public func unlisted(_ surveyID: Int64) async throws -> [UnlistedName] {
        try await database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT t.id, r.name AS respondent, t.theme, t.free_text, m.name AS matched FROM survey_tie t
                JOIN survey_person r ON r.id = t.respondent_id LEFT JOIN survey_person m ON m.id = t.matched_id
                WHERE r.survey_id = ? AND t.free_text IS NOT NULL ORDER BY t.free_text, r.name
                """, arguments: [surveyID]).map { UnlistedName(tieID: $0["id"], respondent: $0["respondent"], theme: $0["theme"], text: $0["free_text"], matched: $0["matched"]) }
        }
    }

    /// Matches every tie naming `text` (as typed, loosely) in the survey to `personID`, or clears the match (`nil`).
    public func match(_ surveyID: Int64, text: String, to personID: Int64?) async throws {
        try await database.pool.write { db in
            if let personID {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM survey_person WHERE id = ? AND survey_id = ?", arguments: [personID, surveyID]) ?? false else { return }
            }
            let key = NameKey.key(text)
            let rows = try Row.fetchAll(db, sql: "SELECT t.id, t.free_text FROM survey_tie t JOIN survey_person r ON r.id = t.respondent_id WHERE r.survey_id = ? AND t.free_text IS NOT NULL", arguments: [surveyID])
            for row in rows where NameKey.key(row["free_text"] as String) == key {
                try db.execute(sql: "UPDATE survey_tie SET matched_id = ? WHERE id = ?", arguments: [personID, row["id"] as Int64])
            }
        }
    }

    /// Deletes the survey with its people, links and answers.
    public func delete(_ surveyID: Int64) async throws {
        try await database.pool.write { db in try db.execute(sql: "DELETE FROM survey WHERE id = ?", arguments: [surveyID]) }
    }

    /// Closes the survey (`open: false`) or opens it again.
    public func setOpen(_ surveyID: Int64, _ open: Bool) async throws {
        try await database.pool.write { db in
            try db.execute(sql: "UPDATE survey SET closed_at = ? WHERE id = ?", arguments: [open ? nil : Date().timeIntervalSince1970, surveyID])
        }
    }

    /// The submitted answers in the long layout `snatool analyse` reads: one
    /// row per tie (respondent, organisations, contact, theme, strength,
    /// ratings), and a row with no contact for a respondent who named nobody.
    /// Typed names go out as typed unless the coordinator matched them.
    public func longCSV(_ survey: NetworkSurvey) async throws -> String {
        let items = survey.ratings.items.map(\.id)
        return try await database.pool.read { db in
            var writer = CSVWriter(header: ["respondent", "respondent_org", "contact", "contact_org", "theme", "strength"] + items)
            let people = Dictionary(try Row.fetchAll(db, sql: "SELECT id, name, organisation FROM survey_person WHERE survey_id = ?", arguments: [survey.id])
                .map { ($0["id"] as Int64, (name: $0["name"] as String, organisation: $0["organisation"] as String?)) }, uniquingKeysWith: { first, _ in first })
            let respondents = try Int64.fetchAll(db, sql: "SELECT id FROM survey_person WHERE survey_id = ? AND submitted_at IS NOT NULL ORDER BY id", arguments: [survey.id])
            for id in respondents {
                let who = people[id]!
                let ties = try Row.fetchAll(db, sql: "SELECT * FROM survey_tie WHERE respondent_id = ? ORDER BY id", arguments: [id])
                if ties.isEmpty {
                    writer.append([.text(who.name), .text(who.organisation ?? ""), "", "", "", ""] + items.map { _ in "" })
                }
                for row in ties {
                    let tie = Self.tie(row)
                    let matched: Int64? = row["matched_id"]
                    let contact = (tie.contactID ?? matched).flatMap { people[$0] }
                    writer.append([.text(who.name), .text(who.organisation ?? ""), .text(contact?.name ?? tie.freeText ?? ""), .text(contact?.organisation ?? ""),
                                   .text(tie.theme), .text(tie.strength.map(String.init) ?? "")] + items.map { .text(tie.ratings[$0].map(String.init) ?? "") })
                }
            }
            return writer.output
        }
    }
}
