import Foundation
import SNACore
import SNAIO

/// A delivery chain workshop set against the partnership's survey
/// (`dca score --survey`, docs/dca.md): which organisations were in the room,
/// the partners central to the outcome's network who were not (suggested
/// invitees), participants' organisations weakly linked to the others in the
/// room or absent from decision-making, and the communication and
/// shared-plan scores beside the ties observed between the organisations in the room.
///
/// The outcome's network is the organisations in the room and every
/// organisation tied to one of them in the relevant themes. Ties count once
/// per theme they appear in, in either direction, between people of different
/// organisations.
public struct DCANetwork: Sendable {
    /// One participating organisation, as the survey sees it.
    public struct RoomOrganisation: Sendable, Equatable {
        /// The organisation's name, as the survey spells it (or the responses, when it is not in the survey).
        public let name: String
        /// Whether the survey has it.
        public let inSurvey: Bool
        /// The participants from it.
        public let participants: Int
        /// The mean of its participants' shared-plan (question 4) scores, or `nil`.
        public let sharedPlan: Double?
        /// The mean of its participants' communication (question 6) scores, or `nil`.
        public let communication: Double?
        /// How many of the other organisations in the room (and in the survey) it has a tie with, in the relevant themes.
        public let linkedInRoom: Int
        /// Its ties with the other organisations in the room, in the relevant themes.
        public let tiesInRoom: Double
        /// Its decision-making ties with any other organisation, or `nil` when the survey has no decision-making theme.
        public let decisionTies: Double?
        /// Whether it is tied to fewer than half of the other organisations in the room.
        public let weaklyLinked: Bool
    }

    /// A partner of the outcome's network who was not in the room.
    public struct Invitee: Sendable, Equatable {
        /// The organisation's name.
        public let name: String
        /// Its ties with the organisations in the room, in the relevant themes.
        public let tiesWithRoom: Double
        /// How many of the organisations in the room it is tied to.
        public let linkedInRoom: Int
        /// Its ties with every other organisation, in the relevant themes.
        public let ties: Double
    }

    /// One outcome's workshop against the network.
    public struct Outcome: Sendable, Equatable {
        /// The outcome (a report anonymised replaces people's names in it).
        public var outcome: String
        /// The participating organisations, in the order of the responses.
        public let room: [RoomOrganisation]
        /// Partners of the outcome's network not in the room, most tied to the room first.
        public let invitees: [Invitee]
        /// Pairs of organisations in the room (and in the survey) with a tie in the relevant themes.
        public let pairsTied: Int
        /// All pairs of organisations in the room and in the survey.
        public let pairs: Int
        /// The mean shared-plan score of all participants, or `nil`.
        public let sharedPlan: Double?
        /// The mean communication score of all participants, or `nil`.
        public let communication: Double?
    }

    /// The themes judged (ids), in the survey's order.
    public let themes: [String]
    /// One entry per outcome of the responses.
    public var outcomes: [Outcome]

    /// The themes used when none are named: work, strategy and decision-making, those the survey has (else all of its themes).
    public static let defaultThemes = ["work", "strategy", "decision-making"]

    /// Sets `responses` against `network`.
    ///
    /// - Parameters:
    ///   - themes: the relevant theme ids; `nil` for ``defaultThemes``.
    ///   - invitees: at most this many suggested invitees per outcome.
    /// - Complexity: O(T + O²) for T ties and O organisations, per outcome.
    public init(responses: [DCAResponse], network: PartnershipNetwork, instrument: Instrument = .deliveryChain,
                themes: [String]? = nil, invitees: Int = 5) {
        let wanted = themes ?? Self.defaultThemes
        var themeIndices = network.themes.indices.filter { wanted.contains(network.themes[$0].id) }
        if themeIndices.isEmpty && themes == nil { themeIndices = Array(network.themes.indices) }
        self.themes = themeIndices.map { network.themes[$0].id }
        let relevant = Set(themeIndices)
        let decisionTheme = network.themes.firstIndex { $0.id == "decision-making" }
        // Ties between organisations: in the relevant themes (an unthemed survey's one relation counts), and in decision-making.
        var between: [Pair: Double] = [:]
        var decisions = [Double](repeating: 0, count: network.organisations.count)
        var degree = [Double](repeating: 0, count: network.organisations.count)
        for tie in network.ties {
            guard let a = network.organisation(ofPerson: tie.source), let b = network.organisation(ofPerson: tie.target), a != b else { continue }
            if tie.theme == nil || relevant.contains(tie.theme!) {
                between[Pair(a, b), default: 0] += 1
                degree[a] += 1
                degree[b] += 1
            }
            if let decisionTheme, tie.theme == decisionTheme {
                decisions[a] += 1
                decisions[b] += 1
            }
        }
        let sharedPlanID = instrument.questions.first { $0.key == "shared-plan" }?.id
        let communicationID = instrument.questions.first { $0.key == "communication" }?.id
        func mean(_ answers: [DCAResponse], _ id: Int?) -> Double? {
            let values = answers.filter { $0.question == id }.compactMap { answer -> Double? in
                if case .score(let value) = answer.answer { return Double(value) }
                return nil
            }
            return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
        }
        var outcomeOrder: [String] = []
        var byOutcome: [String: [DCAResponse]] = [:]
        for response in responses {
            if byOutcome[response.outcome] == nil { outcomeOrder.append(response.outcome) }
            byOutcome[response.outcome, default: []].append(response)
        }
        outcomes = outcomeOrder.map { outcome in
            let answers = byOutcome[outcome]!
            var names: [String] = []
            var participants: [String: Set<String>] = [:]
            for answer in answers {
                guard let organisation = answer.organisation.map(NameKey.cleaned), !organisation.isEmpty else { continue }
                let key = NameKey.key(organisation)
                if participants[key] == nil { names.append(organisation) }
                participants[key, default: []].insert(NameKey.key(answer.participant))
            }
            let indices = names.map { network.organisationIndex(named: $0) }
            let inRoom = Set(indices.compactMap { $0 })
            func ties(_ a: Int, _ b: Int) -> Double { between[Pair(a, b)] ?? 0 }
            let room: [RoomOrganisation] = zip(names, indices).map { name, index in
                let mine = answers.filter { $0.organisation.map(NameKey.key) == NameKey.key(name) }
                let others = inRoom.subtracting(index.map { [$0] } ?? [])
                let linked = index.map { o in others.filter { ties(o, $0) > 0 }.count } ?? 0
                let tiesInRoom = index.map { o in others.reduce(0) { $0 + ties(o, $1) } } ?? 0
                return RoomOrganisation(
                    name: index.map { network.organisations[$0].name } ?? name, inSurvey: index != nil,
                    participants: participants[NameKey.key(name)]?.count ?? 0,
                    sharedPlan: mean(mine, sharedPlanID), communication: mean(mine, communicationID),
                    linkedInRoom: linked, tiesInRoom: tiesInRoom,
                    decisionTies: index.flatMap { o in decisionTheme.map { _ in decisions[o] } },
                    weaklyLinked: index != nil && !others.isEmpty && Double(linked) < Double(others.count) / 2)
            }
            let outside = network.organisations.indices.filter { !inRoom.contains($0) }
            let candidates: [Invitee] = outside.compactMap { o in
                let withRoom = inRoom.reduce(0) { $0 + ties(o, $1) }
                guard withRoom > 0 else { return nil }
                return Invitee(name: network.organisations[o].name, tiesWithRoom: withRoom,
                               linkedInRoom: inRoom.filter { ties(o, $0) > 0 }.count, ties: degree[o])
            }
            let ranked = candidates.sorted { ($0.tiesWithRoom, $0.ties, $1.name) > ($1.tiesWithRoom, $1.ties, $0.name) }
            let sorted = inRoom.sorted()
            var tied = 0
            for (position, a) in sorted.enumerated() { for b in sorted[(position + 1)...] where ties(a, b) > 0 { tied += 1 } }
            return Outcome(outcome: outcome, room: room, invitees: Array(ranked.prefix(invitees)), pairsTied: tied,
                           pairs: sorted.count * (sorted.count - 1) / 2,
                           sharedPlan: mean(answers, sharedPlanID), communication: mean(answers, communicationID))
        }
    }

    /// An unordered pair of organisations.
    struct Pair: Hashable {
        let low: Int, high: Int
        init(_ a: Int, _ b: Int) { (low, high) = a < b ? (a, b) : (b, a) }
    }
}

// MARK: Output

extension DCANetwork {
    /// The comparison as text: per outcome, the room against the network.
    public func text(instrument: Instrument = .deliveryChain) -> String {
        func decimal(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "-" }
        func number(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value) }
        var out = "The workshop and the network (themes: \(themes.isEmpty ? "the survey's one relation" : themes.joined(separator: ", ")))\n\n"
        for outcome in outcomes {
            out += "Outcome: \(outcome.outcome)\n"
            let missing = outcome.room.filter { !$0.inSurvey }.map(\.name)
            out += "Organisations in the room: \(outcome.room.count)"
            out += missing.isEmpty ? ", all in the survey.\n" : "; not in the survey: \(missing.joined(separator: ", ")).\n"
            let others = max(outcome.room.filter(\.inSurvey).count - 1, 0)
            let rows = outcome.room.map { o -> [String] in
                var notes: [String] = []
                if !o.inSurvey { notes.append("not in the survey") }
                if o.weaklyLinked { notes.append("weakly linked") }
                if o.decisionTies == 0 { notes.append("absent from decision-making") }
                return [o.name, String(o.participants), decimal(o.sharedPlan), decimal(o.communication),
                        o.inSurvey ? "\(o.linkedInRoom) of \(others)" : "-", o.inSurvey ? number(o.tiesInRoom) : "-",
                        o.decisionTies.map(number) ?? "-", notes.joined(separator: ", ")]
            }
            // The note column only when some organisation has a note.
            let noted = rows.contains { !$0[7].isEmpty }
            var table = TextTable(header: ["organisation", "participants", "shared plan", "communication", "linked in room", "ties in room", "decision ties"] + (noted ? ["note"] : []),
                                  alignments: [.left, .right, .right, .right, .right, .right, .right] + (noted ? [.left] : []))
            for row in rows { table.append(noted ? row : Array(row.prefix(7))) }
            out += table.rendered(indent: "  ")
            let share = outcome.pairs > 0 ? String(format: " (%.0f%%)", Double(outcome.pairsTied) / Double(outcome.pairs) * 100) : ""
            out += "  Scored: shared plan \(decimal(outcome.sharedPlan)), communication \(decimal(outcome.communication)) (1 not in place ... 4 fully in place). "
            out += "Observed: \(outcome.pairsTied) of the \(outcome.pairs) pairs of organisations in the room are tied\(share).\n"
            let weak = outcome.room.filter(\.weaklyLinked).map(\.name)
            if !weak.isEmpty { out += "  Weakly linked to the others in the room (tied to fewer than half): \(weak.joined(separator: ", ")).\n" }
            let absent = outcome.room.filter { $0.decisionTies == 0 }.map(\.name)
            if !absent.isEmpty { out += "  In the room but absent from decision-making: \(absent.joined(separator: ", ")).\n" }
            if outcome.invitees.isEmpty {
                out += "  No partner outside the room is tied to the organisations in it.\n\n"
            } else {
                out += "  Partners central to the outcome's network who were not in the room (suggested invitees, most tied to the room first):\n"
                for (rank, invitee) in outcome.invitees.enumerated() {
                    out += "  \(rank + 1). \(invitee.name): \(number(invitee.tiesWithRoom)) ties with \(invitee.linkedInRoom) of the organisations in the room; \(number(invitee.ties)) ties in all.\n"
                }
                out += "\n"
            }
        }
        return out
    }

    /// The comparison as JSON (docs/dca.md).
    public func json() -> JSONValue {
        .object([
            ("themes", .array(themes.map { .string($0) })),
            ("outcomes", .array(outcomes.map { outcome in
                .object([
                    ("outcome", .string(outcome.outcome)),
                    ("room", .array(outcome.room.map { o in
                        .object([("organisation", .string(o.name)), ("in_survey", .bool(o.inSurvey)), ("participants", .int(o.participants)),
                                 ("shared_plan", o.sharedPlan.map { .number($0) } ?? .null), ("communication", o.communication.map { .number($0) } ?? .null),
                                 ("linked_in_room", .int(o.linkedInRoom)), ("ties_in_room", .number(o.tiesInRoom)),
                                 ("decision_ties", o.decisionTies.map { .number($0) } ?? .null), ("weakly_linked", .bool(o.weaklyLinked))])
                    })),
                    ("pairs_tied", .int(outcome.pairsTied)), ("pairs", .int(outcome.pairs)),
                    ("shared_plan", outcome.sharedPlan.map { .number($0) } ?? .null),
                    ("communication", outcome.communication.map { .number($0) } ?? .null),
                    ("invitees", .array(outcome.invitees.map { i in
                        .object([("organisation", .string(i.name)), ("ties_with_room", .number(i.tiesWithRoom)),
                                 ("linked_in_room", .int(i.linkedInRoom)), ("ties", .number(i.ties))])
                    })),
                ])
            })),
        ])
    }
}
