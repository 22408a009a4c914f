/// One item respondents rate each named tie on (trust, value, frequency ...),
/// with the scale its answers must lie on.
public struct RatingItem: Hashable, Sendable {
    /// The id used in outputs, e.g. `trust` or `trust_openness`.
    public let id: String
    /// The label for people, e.g. "Trust: openness".
    public let label: String
    /// The lowest value on the scale.
    public let minimum: Double
    /// The highest value on the scale.
    public let maximum: Double
    /// Further header spellings that name the item's column (its id is always one).
    public let spellings: [String]

    /// Creates an item rated from `minimum` to `maximum`.
    public init(id: String, label: String? = nil, minimum: Double, maximum: Double, spellings: [String] = []) {
        self.id = id
        self.label = label ?? id
        self.minimum = minimum
        self.maximum = maximum
        self.spellings = spellings
    }

    /// Whether a value lies on the scale.
    public func accepts(_ value: Double) -> Bool { value.isFinite && value >= minimum && value <= maximum }

    /// The middle of the scale (2.5 on a 1-4 scale).
    public var midpoint: Double { (minimum + maximum) / 2 }

    /// The scale as written, e.g. "1-4".
    public var scaleText: String { "\(Self.number(minimum))-\(Self.number(maximum))" }

    /// A number without a needless ".0", as scales and ratings are written in messages.
    public static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// A figure made from a tie's ratings: one item, or a measure that is the
/// mean of several items (the preset's `trust` is the mean of openness,
/// reliability and shared mission).
public struct RatingScore: Hashable, Sendable {
    /// The id used in outputs (`trust`, `trust_openness`).
    public let id: String
    /// The label for people.
    public let label: String
    /// The items it is the mean of, as positions in ``RatingSet/items``.
    public let items: [Int]
    /// The lowest value it can take.
    public let minimum: Double
    /// The highest value it can take.
    public let maximum: Double

    /// The middle of its scale.
    public var midpoint: Double { (minimum + maximum) / 2 }
}

/// A measure declared as the mean of several items.
public struct RatingMeasure: Hashable, Sendable {
    /// The measure's id, e.g. `trust`.
    public let id: String
    /// Its label.
    public let label: String
    /// The ids of the items it is the mean of.
    public let items: [String]

    /// Creates a measure.
    public init(id: String, label: String? = nil, items: [String]) {
        self.id = id
        self.label = label ?? id
        self.items = items
    }
}

/// The items a survey rates each tie on, and the measures made from them.
///
/// A tie's measure is the mean of the items of it the respondent rated
/// (an item left empty is left out; no rated item, no value).
public struct RatingSet: Hashable, Sendable {
    /// The preset's name, when the set is one (e.g. `partnership-trust-value`).
    public let name: String?
    /// The items, in the order outputs list them.
    public let items: [RatingItem]
    /// The measures made from the items.
    public let measures: [RatingMeasure]
    /// Every figure outputs report: each item, then each measure.
    public let scores: [RatingScore]
    private let lookup: [String: Int]

    /// No ratings: the survey asks for none.
    public static let none = RatingSet(name: nil, items: [], measures: [], scores: [], lookup: [:])

    /// Whether the set has no items.
    public var isEmpty: Bool { items.isEmpty }

    private init(name: String?, items: [RatingItem], measures: [RatingMeasure], scores: [RatingScore], lookup: [String: Int]) {
        self.name = name
        self.items = items
        self.measures = measures
        self.scores = scores
        self.lookup = lookup
    }

    /// Creates a set, checking that ids and spellings are distinct, scales are
    /// ordered and measures name items of the set.
    public init(name: String? = nil, items: [RatingItem], measures: [RatingMeasure] = []) throws(RatingSetError) {
        var lookup: [String: Int] = [:]
        var ids = Set<String>()
        for (index, item) in items.enumerated() {
            guard item.minimum.isFinite, item.maximum.isFinite, item.minimum < item.maximum else {
                throw .badScale(item: item.id)
            }
            guard ids.insert(item.id).inserted else { throw .duplicateID(item.id) }
            for spelling in [item.id, item.label] + item.spellings {
                let key = NameKey.label(spelling)
                guard !key.isEmpty else { throw .emptySpelling(item: item.id) }
                if let other = lookup[key], other != index { throw .ambiguousSpelling(spelling, items[other].id, item.id) }
                lookup[key] = index
            }
        }
        var scores = items.enumerated().map { index, item in
            RatingScore(id: item.id, label: item.label, items: [index], minimum: item.minimum, maximum: item.maximum)
        }
        for measure in measures {
            guard ids.insert(measure.id).inserted else { throw .duplicateID(measure.id) }
            var positions: [Int] = []
            for id in measure.items {
                guard let position = items.firstIndex(where: { $0.id == id }) else { throw .unknownItem(measure: measure.id, item: id) }
                positions.append(position)
            }
            guard !positions.isEmpty else { throw .unknownItem(measure: measure.id, item: "") }
            scores.append(RatingScore(id: measure.id, label: measure.label, items: positions,
                                      minimum: positions.map { items[$0].minimum }.min()!,
                                      maximum: positions.map { items[$0].maximum }.max()!))
        }
        self.init(name: name, items: items, measures: measures, scores: scores, lookup: lookup)
    }

    /// The position of the item a header names (its id, label or a spelling,
    /// compared as ``NameKey/label(_:)``), or `nil`.
    public func item(named header: String) -> Int? { lookup[NameKey.label(header)] }

    /// The position of the score with this id, or `nil`.
    public func score(id: String) -> Int? { scores.firstIndex { $0.id == id } }

    /// Each score's value for a tie with these item ratings (one per item,
    /// `nil` where not rated): an item's own rating, or a measure's mean of
    /// the rated items.
    public func scoreValues(of ratings: [Double?]) -> [Double?] {
        scores.map { score in
            if score.items.count == 1 { return score.items[0] < ratings.count ? ratings[score.items[0]] : nil }
            let given = score.items.compactMap { $0 < ratings.count ? ratings[$0] : nil }
            return given.isEmpty ? nil : given.reduce(0, +) / Double(given.count)
        }
    }

    /// The trust and value measures partnership surveys commonly use, each
    /// item on a 1-4 scale: trust is the mean of openness, reliability and
    /// shared mission; value the mean of power and influence, resources, and
    /// level of involvement (docs/input-formats.md, "Tie ratings").
    public static let partnershipTrustValue: RatingSet = {
        func item(_ id: String, _ label: String, _ spellings: [String]) -> RatingItem {
            RatingItem(id: id, label: label, minimum: 1, maximum: 4, spellings: spellings)
        }
        let items = [
            item("trust_openness", "Trust: openness", ["openness", "open", "open to discussion", "trust openness"]),
            item("trust_reliability", "Trust: reliability", ["reliability", "reliable", "trust reliability"]),
            item("trust_mission", "Trust: shared mission", ["shared mission", "mission", "in support of mission", "trust shared mission"]),
            item("value_power", "Value: power and influence", ["power and influence", "power influence", "power", "influence", "value power and influence"]),
            item("value_resources", "Value: resources", ["resources", "resource contribution", "contributes resources", "value resource contribution"]),
            item("value_involvement", "Value: level of involvement", ["level of involvement", "involvement", "value level of involvement"]),
        ]
        let measures = [
            RatingMeasure(id: "trust", label: "Trust", items: ["trust_openness", "trust_reliability", "trust_mission"]),
            RatingMeasure(id: "value", label: "Value", items: ["value_power", "value_resources", "value_involvement"]),
        ]
        // The preset is valid by construction; a failure here is a programming error.
        return try! RatingSet(name: "partnership-trust-value", items: items, measures: measures)
    }()

    /// The presets by name.
    public static let presets: [String: RatingSet] = ["partnership-trust-value": partnershipTrustValue]

    /// A rating set declared inline: a preset's name, or comma-separated
    /// items, each `id`, optionally with a scale `:min-max` (default 1-5) and
    /// header spellings after `=` separated by `|`; e.g.
    /// `"trust:1-4,frequency:1-7=how often|contact frequency"`.
    public static func parse(declaration: String) throws(RatingSetError) -> RatingSet {
        let trimmed = NameKey.cleaned(declaration)
        if let preset = presets[trimmed.lowercased()] { return preset }
        var items: [RatingItem] = []
        for entry in declaration.split(separator: ",") {
            let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let head = parts[0].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let id = NameKey.cleaned(head[0])
            guard !id.isEmpty else {
                if parts.count > 1 || head.count > 1 { throw .emptySpelling(item: String(entry)) }
                continue
            }
            var minimum = 1.0, maximum = 5.0
            if head.count > 1 {
                let scale = NameKey.cleaned(head[1])
                // The maximum may itself be negative: split at the first '-' after the first character.
                let body = scale.dropFirst()
                guard let dash = body.firstIndex(of: "-"),
                      let low = Double(scale[scale.startIndex..<dash].trimmingSpaces),
                      let high = Double(scale[scale.index(after: dash)...].trimmingSpaces),
                      low.isFinite, high.isFinite, low < high
                else { throw .badScale(item: id) }
                (minimum, maximum) = (low, high)
            }
            let spellings = parts.count > 1
                ? parts[1].split(separator: "|").map { NameKey.cleaned($0) }.filter { !$0.isEmpty }
                : []
            items.append(RatingItem(id: id, label: id, minimum: minimum, maximum: maximum, spellings: spellings))
        }
        guard !items.isEmpty else { throw .empty }
        return try RatingSet(items: items)
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}

/// Why a rating set could not be created.
public enum RatingSetError: Error, Equatable, CustomStringConvertible {
    /// Two items accept the same header spelling.
    case ambiguousSpelling(String, String, String)
    /// An item or measure id used twice.
    case duplicateID(String)
    /// An empty id or spelling.
    case emptySpelling(item: String)
    /// A scale that is not two numbers, the first below the second.
    case badScale(item: String)
    /// A measure naming an item the set does not have.
    case unknownItem(measure: String, item: String)
    /// The declaration named no item.
    case empty

    /// The problem in plain English.
    public var description: String {
        switch self {
        case .ambiguousSpelling(let spelling, let a, let b):
            return "the spelling '\(spelling)' would name both rating '\(a)' and rating '\(b)'"
        case .duplicateID(let id): return "the rating '\(id)' is declared twice"
        case .emptySpelling(let item): return "'\(item)' has an empty rating id or spelling"
        case .badScale(let item):
            return "the scale of rating '\(item)' is not two numbers with the lower first, such as 1-4"
        case .unknownItem(let measure, let item):
            return "the measure '\(measure)' names '\(item)', which is no rating item of the set"
        case .empty:
            return "the rating declaration names no item (write a preset, \(RatingSet.presets.keys.sorted().joined(separator: ", ")), or items such as trust:1-4,value:1-4)"
        }
    }
}
