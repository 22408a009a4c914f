import Foundation
import GRDB
import SNAAssessments
import SNACore

/// One workshop: an outcome scored with one instrument, open until the facilitator closes it.
public struct Workshop: Sendable {
    /// Its row id.
    public var id: Int64
    /// The short code participants type to join.
    public var code: String
    /// The Local Area Agreement outcome.
    public var outcome: String
    /// The scored questions.
    public var instrument: Instrument
    /// When it was made.
    public var created: Date
    /// When the facilitator closed it, if they have.
    public var closed: Date?
    /// Whether answers can still change.
    public var isOpen: Bool { closed == nil }
}

/// One person who joined a workshop.
public struct WorkshopParticipant: Sendable {
    /// Their row id.
    public var id: Int64
    /// The workshop.
    public var workshopID: Int64
    /// Their own link's token.
    public var token: String
    /// Their name, as they typed it.
    public var name: String
    /// Their organisation, if given.
    public var organisation: String?
    /// Their layer, if given.
    public var layer: Layer?
}

/// One participant's answer to one question, as saved.
public struct SavedAnswer: Sendable, Equatable {
    /// The question's number.
    public var question: Int
    /// The score or "don't know".
    public var answer: Answer
    /// Their comment, if any.
    public var comment: String?
}

/// Why a join was refused.
public enum JoinRefusal: Error, Equatable {
    /// Someone has joined under the same name already.
    case nameTaken(String)
    /// The facilitator has closed the workshop.
    case closed
}

/// The workshop's reads and writes. Every write is one transaction, and a
/// caller acknowledges a participant only after it returns.
public struct WorkshopStore: Sendable {
    let database: ServerDatabase

    /// A store on `database`.
    public init(database: ServerDatabase) { self.database = database }

    /// Opens a workshop for `outcome` with a new join code.
    public func create(outcome: String, instrument: Instrument = .deliveryChain) async throws -> Workshop {
        let json = String(decoding: try JSONEncoder().encode(instrument), as: UTF8.self)
        let now = Date()
        return try await database.pool.write { db in
            // Codes are unique; a clash (one in hundreds of millions) draws again.
            var code = Tokens.joinCode()
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM workshop WHERE code = ?", arguments: [code]) ?? false { code = Tokens.joinCode() }
            try db.execute(sql: "INSERT INTO workshop (code, outcome, instrument, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [code, outcome, json, now.timeIntervalSince1970])
            return Workshop(id: db.lastInsertedRowID, code: code, outcome: outcome, instrument: instrument, created: now, closed: nil)
        }
    }

    private static func workshop(_ row: Row) throws -> Workshop {
        let instrument = try JSONDecoder().decode(Instrument.self, from: Data((row["instrument"] as String).utf8))
        let closed: Double? = row["closed_at"]
        return Workshop(id: row["id"], code: row["code"], outcome: row["outcome"], instrument: instrument,
                        created: Date(timeIntervalSince1970: row["created_at"]), closed: closed.map(Date.init(timeIntervalSince1970:)))
    }

    /// The workshop with row id `id`.
    public func workshop(id: Int64) async throws -> Workshop? {
        try await database.pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM workshop WHERE id = ?", arguments: [id]).map(Self.workshop) }
    }

    /// The workshop whose join code is `code` (as typed: case and spaces do not matter).
    public func workshop(code: String) async throws -> Workshop? {
        let code = Tokens.normalisedCode(code)
        guard code.count == 6 else { return nil }
        return try await database.pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM workshop WHERE code = ?", arguments: [code]).map(Self.workshop) }
    }

    /// Every workshop, newest first, with how many have joined.
    public func all() async throws -> [(workshop: Workshop, participants: Int)] {
        try await database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT w.*, (SELECT COUNT(*) FROM participant p WHERE p.workshop_id = w.id) AS joined FROM workshop w ORDER BY w.id DESC")
                .map { (try Self.workshop($0), $0["joined"]) }
        }
    }

    /// Adds a participant and returns them with their new token.
    public func join(_ workshopID: Int64, name: String, organisation: String?, layer: Layer?) async throws -> WorkshopParticipant {
        let token = Tokens.random(), key = NameKey.key(name)
        return try await database.pool.write { db in
            guard let closed = try Row.fetchOne(db, sql: "SELECT closed_at FROM workshop WHERE id = ?", arguments: [workshopID]),
                  (closed["closed_at"] as Double?) == nil else { throw JoinRefusal.closed }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM participant WHERE workshop_id = ? AND name_key = ?", arguments: [workshopID, key]) ?? false {
                throw JoinRefusal.nameTaken(name)
            }
            try db.execute(sql: "INSERT INTO participant (workshop_id, token, name, name_key, organisation, layer, joined_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [workshopID, token, name, key, organisation, layer?.rawValue, Date().timeIntervalSince1970])
            return WorkshopParticipant(id: db.lastInsertedRowID, workshopID: workshopID, token: token, name: name, organisation: organisation, layer: layer)
        }
    }

    private static func participant(_ row: Row) -> WorkshopParticipant {
        WorkshopParticipant(id: row["id"], workshopID: row["workshop_id"], token: row["token"], name: row["name"],
                            organisation: row["organisation"], layer: (row["layer"] as String?).flatMap(Layer.init(rawValue:)))
    }

    /// The participant whose link carries `token`.
    public func participant(token: String) async throws -> WorkshopParticipant? {
        guard Tokens.isWellFormed(token) else { return nil }
        return try await database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM participant WHERE token = ?", arguments: [token]).map(Self.participant)
        }
    }

    /// Everyone who joined `workshopID`, in the order they joined.
    public func participants(_ workshopID: Int64) async throws -> [WorkshopParticipant] {
        try await database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM participant WHERE workshop_id = ? ORDER BY id", arguments: [workshopID]).map(Self.participant)
        }
    }

    /// One participant's saved answers.
    public func answers(of participantID: Int64) async throws -> [SavedAnswer] {
        try await database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM workshop_answer WHERE participant_id = ? ORDER BY question", arguments: [participantID]).map(Self.answer)
        }
    }

    private static func answer(_ row: Row) -> SavedAnswer {
        let score: Int? = row["score"]
        return SavedAnswer(question: row["question"], answer: score.map(Answer.score) ?? .dontKnow, comment: row["comment"])
    }

    /// Replaces a participant's answers with `answers`, in one transaction,
    /// unless the workshop has closed (then nothing changes and `false` is returned).
    public func save(_ answers: [SavedAnswer], for participant: WorkshopParticipant) async throws -> Bool {
        let now = Date().timeIntervalSince1970
        return try await database.pool.write { db in
            let closed = try Double.fetchOne(db, sql: "SELECT closed_at FROM workshop WHERE id = ?", arguments: [participant.workshopID])
            guard closed == nil else { return false }
            try db.execute(sql: "DELETE FROM workshop_answer WHERE participant_id = ?", arguments: [participant.id])
            for answer in answers {
                let score: Int?
                switch answer.answer {
                case .score(let value): score = value
                case .dontKnow: score = nil
                }
                try db.execute(sql: "INSERT INTO workshop_answer (participant_id, question, score, dont_know, comment, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [participant.id, answer.question, score, score == nil, answer.comment, now])
            }
            return true
        }
    }

    /// Every answer of the workshop as the DCA scoring reads it.
    public func responses(_ workshop: Workshop) async throws -> [DCAResponse] {
        try await database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.name, p.organisation, p.layer, a.question, a.score, a.comment FROM workshop_answer a
                JOIN participant p ON p.id = a.participant_id WHERE p.workshop_id = ? ORDER BY p.id, a.question
                """, arguments: [workshop.id]).map { row in
                let score: Int? = row["score"]
                return DCAResponse(outcome: workshop.outcome, participant: row["name"], organisation: row["organisation"],
                                   layer: (row["layer"] as String?).flatMap(Layer.init(rawValue:)), question: row["question"],
                                   answer: score.map(Answer.score) ?? .dontKnow, comment: row["comment"])
            }
        }
    }

    /// Deletes the workshop with its participants, scores, comments and agreed actions.
    public func delete(_ workshopID: Int64) async throws {
        try await database.pool.write { db in try db.execute(sql: "DELETE FROM workshop WHERE id = ?", arguments: [workshopID]) }
    }

    /// Closes the workshop (`open: false`) or opens it again.
    public func setOpen(_ workshopID: Int64, _ open: Bool) async throws {
        try await database.pool.write { db in
            try db.execute(sql: "UPDATE workshop SET closed_at = ? WHERE id = ?", arguments: [open ? nil : Date().timeIntervalSince1970, workshopID])
        }
    }

    /// Records an action the room agreed for one question.
    public func addAction(_ action: AgreedAction, to workshopID: Int64) async throws {
        try await database.pool.write { db in
            try db.execute(sql: "INSERT INTO agreed_action (workshop_id, question, action, owner, due) VALUES (?, ?, ?, ?, ?)",
                           arguments: [workshopID, action.question, action.action, action.owner, action.due])
        }
    }

    /// Removes an agreed action.
    public func removeAction(_ actionID: Int64, from workshopID: Int64) async throws {
        try await database.pool.write { db in
            try db.execute(sql: "DELETE FROM agreed_action WHERE id = ? AND workshop_id = ?", arguments: [actionID, workshopID])
        }
    }

    /// The agreed actions, with their row ids, in the order they were agreed.
    public func actions(_ workshop: Workshop) async throws -> [(id: Int64, action: AgreedAction)] {
        try await database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM agreed_action WHERE workshop_id = ? ORDER BY id", arguments: [workshop.id]).map { row in
                (row["id"], AgreedAction(outcome: workshop.outcome, question: row["question"], action: row["action"], owner: row["owner"], due: row["due"]))
            }
        }
    }
}
