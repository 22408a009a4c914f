import Foundation
import SNACore
import SNAIO

/// `snatool dca score` output: text for a terminal (per outcome, then a
/// question × outcome heat map), JSON (docs/dca.md) and CSV.
public struct DCAScoreOutput: Sendable {
    /// The scores.
    public var scores: DCAScores

    /// Creates the output.
    public init(scores: DCAScores) { self.scores = scores }

    var instrument: Instrument { scores.instrument }

    static func decimal(_ value: Double?, places: Int = 2) -> String {
        value.map { String(format: "%.\(places)f", $0) } ?? "-"
    }

    static func signed(_ value: Double?) -> String {
        value.map { String(format: "%+.2f", $0) } ?? "-"
    }

    // MARK: Text

    /// The scores as text.
    public func text() -> String {
        var out = ""
        for outcome in scores.outcomes {
            let layers = Layer.allCases.compactMap { layer in outcome.layers[layer].map { "\($0) \(layer.rawValue)" } }
            out += "Outcome: \(outcome.outcome)\n"
            out += "Participants: \(outcome.participants.count)\(layers.isEmpty ? "" : " (\(layers.joined(separator: ", ")))")"
            out += "; overall \(Self.decimal(outcome.overall)) \(outcome.overallRating.map { "(\($0.rawValue))" } ?? "")\n\n"
            var table = TextTable(header: ["#", "question", "n", "mean", "median", "sd", "min", "max", "dk", "rating", "strat.", "oper.", "gap", "contested"],
                                  alignments: [.right, .left, .right, .right, .right, .right, .right, .right, .right, .left, .right, .right, .right, .left])
            for id in outcome.priorities {
                let q = outcome.question(id)!
                table.append([
                    String(id), q.question.key, String(q.n), Self.decimal(q.mean), Self.decimal(q.median, places: 1), Self.decimal(q.standardDeviation),
                    q.minimum.map(String.init) ?? "-", q.maximum.map(String.init) ?? "-", String(q.dontKnow),
                    q.rating.map { $0.rawValue.uppercased() } ?? "-", Self.decimal(q.layerMeans[.strategic]), Self.decimal(q.layerMeans[.operational]),
                    Self.signed(q.gap), q.contested ? "yes" : "",
                ])
            }
            out += "Questions, weakest first:\n" + table.rendered(indent: "  ")
            // Every weak link (scored, not green), weakest first: the rule docs/dca.md states.
            let weakest = outcome.weakest(outcome.questions.count)
            if !weakest.isEmpty {
                let label = weakest.count == 1 ? "1 question not green" : "\(weakest.count) questions not green"
                out += "  The chain is weakest at (\(label)): " + weakest.map { "\($0.question.key) (\(Self.decimal($0.mean)))" }.joined(separator: ", ") + ".\n"
            }
            let gaps = outcome.questions.filter { ($0.gap ?? 0) >= DCAScores.notableGap }.map(\.question.key)
            if !gaps.isEmpty { out += "  Operational staff score these well below strategic leads: \(gaps.joined(separator: ", ")).\n" }
            out += "\n"
        }
        if scores.outcomes.count > 1 { out += heatMapText() }
        out += "Ratings: red below \(Self.decimal(instrument.rating.redBelow, places: 1)), amber below \(Self.decimal(instrument.rating.amberBelow, places: 1)), green otherwise. Contested: sd ≥ \(Self.decimal(DCAScores.contestedDeviation, places: 1)) or scores from \(instrument.scale.points.first!.value) to \(instrument.scale.points.last!.value). Gap: strategic mean minus operational mean.\n"
        return out
    }

    /// Question × outcome means with ratings, in text.
    public func heatMapText() -> String {
        var table = TextTable(header: ["question"] + scores.outcomes.indices.map { "outcome \($0 + 1)" })
        for question in instrument.questions {
            table.append(["\(question.id) \(question.key)"] + scores.outcomes.map { outcome in
                let q = outcome.question(question.id)!
                return q.mean.map { "\(Self.decimal($0)) \(q.rating!.rawValue.prefix(1).uppercased())" } ?? "-"
            })
        }
        var out = "Heat map (mean score; R red, A amber, G green)\n" + table.rendered(indent: "  ")
        for (index, outcome) in scores.outcomes.enumerated() { out += "  outcome \(index + 1): \(outcome.outcome)\n" }
        return out + "\n"
    }

    // MARK: JSON

    /// The scores as JSON.
    public func json() -> JSONValue {
        .object([
            ("instrument", .string(instrument.id)),
            ("thresholds", .object([("red_below", .number(instrument.rating.redBelow)), ("amber_below", .number(instrument.rating.amberBelow)),
                                    ("contested_sd", .number(DCAScores.contestedDeviation))])),
            ("outcomes", .array(scores.outcomes.map { outcome in
                .object([
                    ("outcome", .string(outcome.outcome)),
                    ("participants", .int(outcome.participants.count)),
                    ("layers", .object(Layer.allCases.map { ($0.rawValue, .int(outcome.layers[$0] ?? 0)) })),
                    ("overall", .number(outcome.overall)),
                    ("overall_rating", .string(outcome.overallRating?.rawValue)),
                    ("questions", .array(outcome.questions.map { q in
                        .object([
                            ("id", .int(q.question.id)), ("key", .string(q.question.key)), ("text", .string(q.question.text)),
                            ("n", .int(q.n)), ("mean", .number(q.mean)), ("median", .number(q.median)),
                            ("min", q.minimum.map { .int($0) } ?? .null), ("max", q.maximum.map { .int($0) } ?? .null),
                            ("sd", .number(q.standardDeviation)), ("dont_know", .int(q.dontKnow)), ("rating", .string(q.rating?.rawValue)),
                            ("layer_means", .object(Layer.allCases.map { ($0.rawValue, .number(q.layerMeans[$0])) })),
                            ("gap", .number(q.gap)), ("contested", .bool(q.contested)),
                            ("distribution", .array(q.distribution(points: instrument.scale.points.map(\.value)).map { .int($0) })),
                            ("comments", .array(q.comments.map { .object([("participant", .string($0.participant)), ("comment", .string($0.text))]) })),
                        ])
                    })),
                    ("priorities", .array(outcome.priorities.map { .int($0) })),
                ])
            })),
        ])
    }

    // MARK: CSV

    /// One row per outcome and question.
    public func csv() -> String {
        var writer = CSVWriter(header: ["outcome", "id", "key", "question", "n", "mean", "median", "min", "max", "sd", "dont_know", "rating",
                                        "strategic_mean", "executive_mean", "operational_mean", "gap", "contested", "priority"])
        for outcome in scores.outcomes {
            for q in outcome.questions {
                writer.append([
                    .text(outcome.outcome), .integer(q.question.id), .text(q.question.key), .text(q.question.text), .integer(q.n),
                    .number(q.mean), .number(q.median), q.minimum.map { .integer($0) } ?? .number(nil), q.maximum.map { .integer($0) } ?? .number(nil),
                    .number(q.standardDeviation), .integer(q.dontKnow), .text(q.rating?.rawValue ?? ""),
                    .number(q.layerMeans[.strategic]), .number(q.layerMeans[.executive]), .number(q.layerMeans[.operational]),
                    .number(q.gap), .text(q.contested ? "true" : "false"),
                    .integer((outcome.priorities.firstIndex(of: q.question.id) ?? 0) + 1),
                ])
            }
        }
        return writer.output
    }
}
