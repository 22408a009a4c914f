import Foundation
import SNACore

/// The scores of one question for one outcome.
public struct QuestionScore: Sendable {
    /// The question.
    public var question: Instrument.Question
    /// Numeric answers (don't-knows excluded).
    public var scores: [Int]
    /// "Don't know" answers.
    public var dontKnow: Int
    /// The mean, median, lowest and highest score; `nil` without scores.
    public var mean: Double?, median: Double?, minimum: Int?, maximum: Int?
    /// Sample standard deviation (n - 1); `nil` with fewer than two scores.
    public var standardDeviation: Double?
    /// Red, amber or green by the mean; `nil` without scores.
    public var rating: RAGRating?
    /// The mean score of each layer that answered.
    public var layerMeans: [Layer: Double]
    /// Strategic mean minus operational mean: positive when the front line
    /// sees less in place than the leaders; `nil` unless both answered.
    public var gap: Double?
    /// Whether participants disagree widely (see ``DCAScores/isContested(_:)``).
    public var contested: Bool
    /// Participants' comments.
    public var comments: [(participant: String, text: String)]

    /// The number of numeric answers.
    public var n: Int { scores.count }

    /// How many gave each score, lowest first.
    public func distribution(points: [Int]) -> [Int] { points.map { point in scores.filter { $0 == point }.count } }
}

/// The scores of one outcome's workshop.
public struct OutcomeScore: Sendable {
    /// The outcome.
    public var outcome: String
    /// The participants who scored it.
    public var participants: [String]
    /// Participants per layer.
    public var layers: [Layer: Int]
    /// Every question, in the instrument's order.
    public var questions: [QuestionScore]
    /// Question ids, weakest first: lowest mean, then widest disagreement;
    /// questions nobody scored come last.
    public var priorities: [Int]
    /// The mean of the questions' means.
    public var overall: Double?
    /// The rating of the overall figure.
    public var overallRating: RAGRating?

    /// The score of a question.
    public func question(_ id: Int) -> QuestionScore? { questions.first { $0.question.id == id } }

    /// The weakest links: scored questions that are not green, weakest first, at most `count`.
    public func weakest(_ count: Int) -> [QuestionScore] {
        Array(priorities.compactMap(question).filter { $0.rating != nil && $0.rating != .green }.prefix(count))
    }
}

/// Delivery chain scores: every outcome's questions with their statistics,
/// ratings, layer gaps, disagreement and priorities.
///
/// ```swift
/// let responses = try DCAResponseReader.read(path: "responses.csv")
/// let scores = DCAScores(responses: responses)
/// print(scores.outcomes[0].priorities)   // weakest question ids first
/// ```
public struct DCAScores: Sendable {
    /// Participants disagree widely when the scores' standard deviation is at
    /// least this...
    public static let contestedDeviation = 1.0
    /// ...or the scores span the whole scale (someone gave the lowest, someone the highest).
    public static func isContested(_ scores: [Int], deviation: Double?, scale: [Int]) -> Bool {
        guard let low = scale.min(), let high = scale.max() else { return false }
        return (deviation ?? 0) >= contestedDeviation || (scores.contains(low) && scores.contains(high))
    }

    /// A gap (strategic minus operational mean) this large is pointed out in the text output.
    public static let notableGap = 0.75

    /// The instrument scored.
    public var instrument: Instrument
    /// One entry per outcome, in order of first appearance.
    public var outcomes: [OutcomeScore]

    /// Scores `responses` with `instrument`'s questions and rating thresholds.
    public init(responses: [DCAResponse], instrument: Instrument = .deliveryChain) {
        self.instrument = instrument
        var order: [String] = []
        var byOutcome: [String: [DCAResponse]] = [:]
        for response in responses {
            let key = NameKey.key(response.outcome)
            if byOutcome[key] == nil { order.append(key) }
            byOutcome[key, default: []].append(response)
        }
        let points = instrument.scale.points.map(\.value)
        outcomes = order.map { key in
            let answers = byOutcome[key]!
            var participants: [String] = []
            var layerOf: [String: Layer] = [:]
            for answer in answers {
                if !participants.contains(answer.participant) { participants.append(answer.participant) }
                if let layer = answer.layer { layerOf[answer.participant] = layer }
            }
            var layers: [Layer: Int] = [:]
            for layer in layerOf.values { layers[layer, default: 0] += 1 }
            let questions = instrument.questions.map { question -> QuestionScore in
                let mine = answers.filter { $0.question == question.id }
                let scores = mine.compactMap { answer -> Int? in if case .score(let value) = answer.answer { return value } else { return nil } }
                let mean = scores.isEmpty ? nil : Double(scores.reduce(0, +)) / Double(scores.count)
                let sorted = scores.sorted()
                let median: Double? = sorted.isEmpty ? nil : sorted.count % 2 == 1 ? Double(sorted[sorted.count / 2])
                    : Double(sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
                var deviation: Double?
                if let mean, scores.count > 1 {
                    deviation = (scores.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(scores.count - 1)).squareRoot()
                }
                var layerMeans: [Layer: Double] = [:]
                for layer in Layer.allCases {
                    let values = mine.filter { $0.layer == layer }.compactMap { answer -> Int? in
                        if case .score(let value) = answer.answer { return value } else { return nil }
                    }
                    if !values.isEmpty { layerMeans[layer] = Double(values.reduce(0, +)) / Double(values.count) }
                }
                let gap = layerMeans[.strategic].flatMap { s in layerMeans[.operational].map { s - $0 } }
                return QuestionScore(
                    question: question, scores: scores, dontKnow: mine.filter { $0.answer == .dontKnow }.count,
                    mean: mean, median: median, minimum: sorted.first, maximum: sorted.last, standardDeviation: deviation,
                    rating: mean.map(instrument.rate), layerMeans: layerMeans, gap: gap,
                    contested: Self.isContested(scores, deviation: deviation, scale: points),
                    comments: mine.compactMap { answer in answer.comment.map { (answer.participant, $0) } })
            }
            let priorities = questions.sorted { a, b in
                switch (a.mean, b.mean) {
                case (nil, nil): return a.question.id < b.question.id
                case (nil, _): return false
                case (_, nil): return true
                case (let x?, let y?):
                    if x != y { return x < y }
                    let sa = a.standardDeviation ?? 0, sb = b.standardDeviation ?? 0
                    return sa != sb ? sa > sb : a.question.id < b.question.id
                }
            }.map(\.question.id)
            let means = questions.compactMap(\.mean)
            let overall = means.isEmpty ? nil : means.reduce(0, +) / Double(means.count)
            return OutcomeScore(outcome: answers[0].outcome, participants: participants, layers: layers, questions: questions,
                                priorities: priorities, overall: overall, overallRating: overall.map(instrument.rate))
        }
    }
}
