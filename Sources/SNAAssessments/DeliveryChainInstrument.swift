import Foundation

/// A scored questionnaire: questions, a scale and the rule that rates a mean
/// score. The delivery chain instrument is bundled as data
/// (Resources/delivery-chain.json), so the same engine can run others.
public struct Instrument: Codable, Sendable, Equatable {
    /// One point of the scale.
    public struct Point: Codable, Sendable, Equatable {
        /// The score.
        public var value: Int
        /// What it means, e.g. "partly in place".
        public var label: String
        /// Spellings accepted in response files.
        public var spellings: [String]
    }

    /// The answer scale.
    public struct Scale: Codable, Sendable, Equatable {
        /// The points, lowest first.
        public var points: [Point]
        /// Spellings of "don't know", counted separately.
        public var dontKnow: [String]

        enum CodingKeys: String, CodingKey {
            case points
            case dontKnow = "dont_know"
        }
    }

    /// Thresholds of the red/amber/green rating of a mean score.
    public struct Rating: Codable, Sendable, Equatable {
        /// Means below this are red.
        public var redBelow: Double
        /// Means below this (and not red) are amber; others green.
        public var amberBelow: Double

        enum CodingKeys: String, CodingKey {
            case redBelow = "red_below"
            case amberBelow = "amber_below"
        }
    }

    /// A question.
    public struct Question: Codable, Sendable, Equatable {
        /// The stable number, from 1.
        public var id: Int
        /// The stable short key, e.g. `shared-plan`.
        public var key: String
        /// The question as the source words it.
        public var text: String
        /// Suggested actions for a weak answer, with their source case study.
        public var actions: [String]
    }

    /// The instrument's id.
    public var id: String
    /// Its title.
    public var title: String
    /// Where the questions come from.
    public var source: String
    /// The scale.
    public var scale: Scale
    /// The rating thresholds.
    public var rating: Rating
    /// The questions, in order.
    public var questions: [Question]

    /// The twelve delivery chain questions of seed 004's Table 5, with a
    /// four-point scale and an action library from the Dorset and Gateshead
    /// case studies.
    public static let deliveryChain: Instrument = {
        guard let url = Bundle.module.url(forResource: "delivery-chain", withExtension: "json"),
              let data = try? Data(contentsOf: url),
              let instrument = try? JSONDecoder().decode(Instrument.self, from: data) else {
            fatalError("the bundled delivery-chain instrument is missing or malformed (a build problem)")
        }
        return instrument
    }()

    /// The question an answer file names: by number (`1`, `q1`, `Q 1`) or key
    /// (`shared-plan`, `Shared plan`).
    public func question(named raw: String) -> Question? {
        let label = Self.normalised(raw)
        if let number = Int(label) ?? Int(label.drop { $0 == "q" }.trimmingCharacters(in: .whitespaces)) {
            return questions.first { $0.id == number }
        }
        return questions.first { Self.normalised($0.key) == label }
    }

    /// A score from its spelling: a number or a label; `.dontKnow`; or `nil`.
    public func score(of raw: String) -> Answer? {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        if let value = Double(trimmed), trimmed.allSatisfy({ "0123456789.+-".contains($0) }) {
            guard value == value.rounded(), let point = scale.points.first(where: { Double($0.value) == value }) else { return nil }
            return .score(point.value)
        }
        let label = Self.normalised(raw)
        if scale.dontKnow.contains(where: { Self.normalised($0) == label }) { return .dontKnow }
        if let point = scale.points.first(where: { point in point.spellings.contains { Self.normalised($0) == label } }) {
            return .score(point.value)
        }
        return nil
    }

    /// The rating of a mean score.
    public func rate(_ mean: Double) -> RAGRating {
        mean < rating.redBelow ? .red : mean < rating.amberBelow ? .amber : .green
    }

    /// The label of a score, e.g. "partly in place".
    public func label(of value: Int) -> String { scale.points.first { $0.value == value }?.label ?? String(value) }

    static func normalised(_ text: String) -> String {
        var out = ""
        var space = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "'" || character == "?" {
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.append(character == "’" ? "'" : character)
            } else {
                space = true
            }
        }
        return out
    }
}

/// One participant's answer to one question.
public enum Answer: Sendable, Equatable {
    /// A point of the scale.
    case score(Int)
    /// "Don't know".
    case dontKnow
}

/// Red, amber or green.
public enum RAGRating: String, Sendable, Codable, CaseIterable {
    case red, amber, green
}
