/// A mean of ratings, with how many ratings it is the mean of.
public struct RatingMean: Sendable, Equatable {
    /// The sum of the ratings.
    public var sum: Double = 0
    /// How many ratings.
    public var count: Int = 0

    /// Creates an empty mean.
    public init() {}

    /// The mean, or `nil` without ratings.
    public var mean: Double? { count > 0 ? sum / Double(count) : nil }

    /// Adds a rating.
    public mutating func add(_ value: Double) {
        sum += value
        count += 1
    }

    /// Adds another mean's ratings.
    public mutating func add(_ other: RatingMean) {
        sum += other.sum
        count += other.count
    }
}

/// The ratings of one pair of organisations: what people of `from` gave people of `to`.
public struct OrganisationPairRating: Sendable, Equatable {
    /// The rating organisation, a position in ``PartnershipNetwork/organisations``.
    public let from: Int
    /// The rated organisation (the same as `from` for ratings inside one organisation).
    public let to: Int
    /// One mean per score of ``RatingSet/scores``.
    public let means: [RatingMean]
}

/// The tie ratings of one selection, summed up: per score (each item, then
/// each measure) the mean each person and organisation received and gave,
/// each organisation pair's mean, and the mean over all rated ties.
///
/// A rated tie counts once. In one theme that is each tie of the theme; in
/// `all`, each directed pair of people counts once, with the mean of its
/// themes' ratings (a pair rated 2 in work and 4 in strategy counts as one
/// rating of 3), so a pair tied in several themes does not weigh more.
/// An organisation's received and given means count ratings between its
/// people and people of other organisations (or of none); the pair table
/// also holds each organisation with itself.
public struct RatingSummary: Sendable {
    /// The scores, as ``RatingSet/scores``.
    public let scores: [RatingScore]
    /// Per score, per person: the ratings of ties the person was named in.
    public let personReceived: [[RatingMean]]
    /// Per score, per person: the ratings the person gave.
    public let personGiven: [[RatingMean]]
    /// Per score, per organisation: ratings its people received from people of other organisations.
    public let organisationReceived: [[RatingMean]]
    /// Per score, per organisation: ratings its people gave people of other organisations.
    public let organisationGiven: [[RatingMean]]
    /// The pairs of organisations with a rated tie, by `from` then `to`.
    public let organisationPairs: [OrganisationPairRating]
    /// Per score: every rated tie (or pair, in `all`).
    public let overall: [RatingMean]
    private let pairValues: [Int64: [Double?]]
    private let pairIndex: [Int64: Int]

    /// Sums up the ratings of `selection` in `network`.
    ///
    /// - Complexity: O(T · S) for T ties and S scores.
    public init(network: PartnershipNetwork, selection: ThemeSelection) {
        let set = network.ratingSet
        scores = set.scores
        let scoreCount = set.scores.count
        // Each directed pair's ratings per item, averaged over its themes in `all`.
        var perPair: [Int64: [RatingMean]] = [:]
        var order: [Int64] = []
        for tie in network.ties {
            if case .theme(let index) = selection, tie.theme != index { continue }
            guard tie.ratings.contains(where: { $0 != nil }) else { continue }
            let key = Int64(tie.source) << 32 | Int64(tie.target)
            let values = set.scoreValues(of: tie.ratings)
            if perPair[key] == nil {
                perPair[key] = [RatingMean](repeating: RatingMean(), count: scoreCount)
                order.append(key)
            }
            for (score, value) in values.enumerated() { if let value { perPair[key]![score].add(value) } }
        }
        let people = network.people.count, organisations = network.organisations.count
        var personReceived = [[RatingMean]](repeating: [RatingMean](repeating: RatingMean(), count: people), count: scoreCount)
        var personGiven = personReceived
        var organisationReceived = [[RatingMean]](repeating: [RatingMean](repeating: RatingMean(), count: organisations), count: scoreCount)
        var organisationGiven = organisationReceived
        var pairs: [Int64: [RatingMean]] = [:]
        var overall = [RatingMean](repeating: RatingMean(), count: scoreCount)
        var pairValues: [Int64: [Double?]] = [:]
        let organisationOf = network.people.indices.map { network.organisation(ofPerson: $0) }
        for key in order {
            let source = Int(key >> 32), target = Int(key & 0xFFFF_FFFF)
            let means = perPair[key]!
            let values = means.map(\.mean)
            pairValues[key] = values
            let a = organisationOf[source], b = organisationOf[target]
            for (score, value) in values.enumerated() {
                guard let value else { continue }
                personGiven[score][source].add(value)
                personReceived[score][target].add(value)
                overall[score].add(value)
                if a != b {
                    if let a { organisationGiven[score][a].add(value) }
                    if let b { organisationReceived[score][b].add(value) }
                }
            }
            if let a, let b {
                let pairKey = Int64(a) << 32 | Int64(b)
                var pair = pairs[pairKey] ?? [RatingMean](repeating: RatingMean(), count: scoreCount)
                for (score, value) in values.enumerated() { if let value { pair[score].add(value) } }
                pairs[pairKey] = pair
            }
        }
        self.personReceived = personReceived
        self.personGiven = personGiven
        self.organisationReceived = organisationReceived
        self.organisationGiven = organisationGiven
        self.overall = overall
        self.pairValues = pairValues
        let sortedPairs = pairs.keys.sorted()
        organisationPairs = sortedPairs.map { key in
            OrganisationPairRating(from: Int(key >> 32), to: Int(key & 0xFFFF_FFFF), means: pairs[key]!)
        }
        var pairIndex: [Int64: Int] = [:]
        for (position, key) in sortedPairs.enumerated() { pairIndex[key] = position }
        self.pairIndex = pairIndex
    }

    /// Each score's value for the tie `source -> target` between people (the
    /// mean over its themes in `all`), or `nil` when the tie was not rated.
    public func values(from source: Int, to target: Int) -> [Double?]? {
        pairValues[Int64(source) << 32 | Int64(target)]
    }

    /// The ratings people of organisation `from` gave people of `to`, or `nil` when none.
    public func pair(from: Int, to: Int) -> OrganisationPairRating? {
        pairIndex[Int64(from) << 32 | Int64(to)].map { organisationPairs[$0] }
    }
}

extension PartnershipNetwork {
    /// The tie ratings of a selection summed up, or `nil` when the survey asked for no ratings.
    public func ratingSummary(_ selection: ThemeSelection) -> RatingSummary? {
        ratingSet.isEmpty ? nil : RatingSummary(network: self, selection: selection)
    }

    /// The selection with this id (a theme's id, or `all`), or `nil`.
    public func selection(id: String) -> ThemeSelection? {
        if id == Theme.allID { return .all }
        return themes.firstIndex { $0.id == id }.map { .theme($0) }
    }
}
