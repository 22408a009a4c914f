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
    /// The pairs of organisations with a rated tie, by `from` then `to`
    /// (made when asked, from the flat table the summary keeps).
    public var organisationPairs: [OrganisationPairRating] {
        pairKeys.indices.map { position in
            OrganisationPairRating(from: Int(pairKeys[position] >> 32), to: Int(pairKeys[position] & 0xFFFF_FFFF),
                                   means: Array(pairMeans[(position * scores.count)..<((position + 1) * scores.count)]))
        }
    }
    /// The pairs of organisations with a rated tie, `from << 32 | to`, sorted.
    private let pairKeys: [Int64]
    /// Their means, ``scores`` of them per pair.
    private let pairMeans: [RatingMean]
    /// Per score: every rated tie (or pair, in `all`).
    public let overall: [RatingMean]
    /// Each rated directed pair of people's position in `pairValues`.
    private let pairPositions: [Int64: Int32]
    /// The pairs' values, ``scores`` of them per pair, NaN where not rated.
    private let pairValues: [Double]

    /// Sums up the ratings of `selection` in `network`.
    ///
    /// - Complexity: O(T · S) time for T ties and S scores, and O(P · S) memory for P rated pairs.
    public init(network: PartnershipNetwork, selection: ThemeSelection) {
        let set = network.ratingSet
        scores = set.scores
        let scoreCount = set.scores.count
        // Each directed pair's ratings per score, summed over its themes (in `all`), flat.
        var positions: [Int64: Int32] = [:]
        var sums: [Double] = [], counts: [Int32] = []
        var order: [Int64] = []
        for tie in network.ties {
            if case .theme(let index) = selection, tie.theme != index { continue }
            guard tie.ratings.contains(where: { $0 != nil }) else { continue }
            let key = Int64(tie.source) << 32 | Int64(tie.target)
            let position: Int
            if let known = positions[key] {
                position = Int(known)
            } else {
                position = order.count
                positions[key] = Int32(position)
                order.append(key)
                sums += repeatElement(0, count: scoreCount)
                counts += repeatElement(0, count: scoreCount)
            }
            for (score, value) in set.scoreValues(of: tie.ratings).enumerated() {
                if let value {
                    sums[position * scoreCount + score] += value
                    counts[position * scoreCount + score] += 1
                }
            }
        }
        let people = network.people.count, organisations = network.organisations.count
        var personReceived = [[RatingMean]](repeating: [RatingMean](repeating: RatingMean(), count: people), count: scoreCount)
        var personGiven = personReceived
        var organisationReceived = [[RatingMean]](repeating: [RatingMean](repeating: RatingMean(), count: organisations), count: scoreCount)
        var organisationGiven = organisationReceived
        var pairPosition: [Int64: Int] = [:]
        var unsortedMeans: [RatingMean] = []
        var overall = [RatingMean](repeating: RatingMean(), count: scoreCount)
        var pairValues = [Double](repeating: .nan, count: order.count * scoreCount)
        let organisationOf = network.people.indices.map { network.organisation(ofPerson: $0) }
        for (position, key) in order.enumerated() {
            let source = Int(key >> 32), target = Int(key & 0xFFFF_FFFF)
            let a = organisationOf[source], b = organisationOf[target]
            var pairStart: Int?
            if let a, let b {
                let pairKey = Int64(a) << 32 | Int64(b)
                if let known = pairPosition[pairKey] {
                    pairStart = known * scoreCount
                } else {
                    pairPosition[pairKey] = unsortedMeans.count / max(scoreCount, 1)
                    pairStart = unsortedMeans.count
                    unsortedMeans += repeatElement(RatingMean(), count: scoreCount)
                }
            }
            for score in 0..<scoreCount {
                let count = counts[position * scoreCount + score]
                guard count > 0 else { continue }
                let value = sums[position * scoreCount + score] / Double(count)
                pairValues[position * scoreCount + score] = value
                personGiven[score][source].add(value)
                personReceived[score][target].add(value)
                overall[score].add(value)
                if a != b {
                    if let a { organisationGiven[score][a].add(value) }
                    if let b { organisationReceived[score][b].add(value) }
                }
                if let pairStart { unsortedMeans[pairStart + score].add(value) }
            }
        }
        self.personReceived = personReceived
        self.personGiven = personGiven
        self.organisationReceived = organisationReceived
        self.organisationGiven = organisationGiven
        self.overall = overall
        self.pairPositions = positions
        self.pairValues = pairValues
        let sortedPairs = pairPosition.keys.sorted()
        pairKeys = sortedPairs
        var pairMeans: [RatingMean] = []
        pairMeans.reserveCapacity(unsortedMeans.count)
        for key in sortedPairs {
            let start = pairPosition[key]! * scoreCount
            pairMeans += unsortedMeans[start..<(start + scoreCount)]
        }
        self.pairMeans = pairMeans
    }

    /// Each score's value for the tie `source -> target` between people (the
    /// mean over its themes in `all`), or `nil` when the tie was not rated.
    public func values(from source: Int, to target: Int) -> [Double?]? {
        guard let position = pairPositions[Int64(source) << 32 | Int64(target)] else { return nil }
        let start = Int(position) * scores.count
        return pairValues[start..<(start + scores.count)].map { $0.isNaN ? nil : $0 }
    }

    /// The ratings people of organisation `from` gave people of `to`, or `nil` when none.
    ///
    /// - Complexity: O(log P) for P rated pairs of organisations.
    public func pair(from: Int, to: Int) -> OrganisationPairRating? {
        let key = Int64(from) << 32 | Int64(to)
        var low = 0, high = pairKeys.count
        while low < high {
            let middle = (low + high) / 2
            if pairKeys[middle] < key { low = middle + 1 } else { high = middle }
        }
        guard low < pairKeys.count, pairKeys[low] == key else { return nil }
        return OrganisationPairRating(from: from, to: to, means: Array(pairMeans[(low * scores.count)..<((low + 1) * scores.count)]))
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
