import SNACore
import SNAIO

/// What changed between two workshops on the same outcomes.
public struct DCAComparison: Sendable {
    /// A question's change.
    public struct Change: Sendable {
        /// The question.
        public var question: Instrument.Question
        /// Means before and after.
        public var before: Double?, after: Double?
        /// Ratings before and after.
        public var ratingBefore: RAGRating?, ratingAfter: RAGRating?

        /// after - before.
        public var change: Double? { before.flatMap { b in after.map { $0 - b } } }
    }

    /// One outcome's changes.
    public struct Outcome: Sendable {
        /// The outcome.
        public var outcome: String
        /// Every question's change, in order.
        public var changes: [Change]
        /// Questions whose mean rose by at least ``DCAComparison/threshold``.
        public var improved: [Change] { changes.filter { ($0.change ?? 0) >= DCAComparison.threshold - 1e-9 }.sorted { $0.change! > $1.change! } }
        /// Questions whose mean fell by at least the threshold.
        public var slipped: [Change] { changes.filter { ($0.change ?? 0) <= -DCAComparison.threshold + 1e-9 }.sorted { $0.change! < $1.change! } }
    }

    /// A change smaller than this (in mean score) is treated as no change.
    public static let threshold = 0.25

    /// Outcomes scored in both workshops.
    public var outcomes: [Outcome]
    /// Outcomes scored in only one of them.
    public var unmatched: [String]

    /// Compares two workshops, matching outcomes by name.
    public init(before: DCAScores, after: DCAScores) {
        var outcomes: [Outcome] = []
        var unmatched: [String] = []
        for later in after.outcomes {
            guard let earlier = before.outcomes.first(where: { NameKey.key($0.outcome) == NameKey.key(later.outcome) }) else {
                unmatched.append(later.outcome)
                continue
            }
            outcomes.append(Outcome(outcome: later.outcome, changes: later.questions.map { q in
                let old = earlier.question(q.question.id)
                return Change(question: q.question, before: old?.mean, after: q.mean, ratingBefore: old?.rating, ratingAfter: q.rating)
            }))
        }
        unmatched += before.outcomes.map(\.outcome).filter { name in !after.outcomes.contains { NameKey.key($0.outcome) == NameKey.key(name) } }
        self.outcomes = outcomes
        self.unmatched = unmatched
    }

    /// The comparison as text.
    public func text() -> String {
        var out = ""
        for outcome in outcomes {
            out += "Outcome: \(outcome.outcome)\n"
            var table = TextTable(header: ["#", "question", "before", "after", "change", "rating"])
            for change in outcome.changes {
                let rating = "\(change.ratingBefore?.rawValue ?? "-") -> \(change.ratingAfter?.rawValue ?? "-")"
                table.append([String(change.question.id), change.question.key, DCAScoreOutput.decimal(change.before),
                              DCAScoreOutput.decimal(change.after), DCAScoreOutput.signed(change.change), rating])
            }
            out += table.rendered(indent: "  ")
            out += "  Improved: " + (outcome.improved.isEmpty ? "none" : outcome.improved.map { "\($0.question.key) (\(DCAScoreOutput.signed($0.change)))" }.joined(separator: ", ")) + "\n"
            out += "  Slipped: " + (outcome.slipped.isEmpty ? "none" : outcome.slipped.map { "\($0.question.key) (\(DCAScoreOutput.signed($0.change)))" }.joined(separator: ", ")) + "\n\n"
        }
        if !unmatched.isEmpty { out += "Scored in one workshop only: \(unmatched.joined(separator: "; "))\n" }
        out += "Changes under \(DCAScoreOutput.decimal(Self.threshold)) in mean score are treated as no change.\n"
        return out
    }

    /// The comparison as JSON.
    public func json() -> JSONValue {
        .object([
            ("threshold", .number(Self.threshold)),
            ("outcomes", .array(outcomes.map { outcome in
                .object([
                    ("outcome", .string(outcome.outcome)),
                    ("questions", .array(outcome.changes.map { change in
                        .object([("id", .int(change.question.id)), ("key", .string(change.question.key)),
                                 ("before", .number(change.before)), ("after", .number(change.after)), ("change", .number(change.change)),
                                 ("rating_before", .string(change.ratingBefore?.rawValue)), ("rating_after", .string(change.ratingAfter?.rawValue))])
                    })),
                    ("improved", .array(outcome.improved.map { .int($0.question.id) })),
                    ("slipped", .array(outcome.slipped.map { .int($0.question.id) })),
                ])
            })),
            ("unmatched", .array(unmatched.map { .string($0) })),
        ])
    }
}
