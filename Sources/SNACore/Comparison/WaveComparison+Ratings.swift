extension WaveComparison {
    /// How one rating score (an item such as `trust_openness`, or a measure
    /// such as `trust`) changed between the waves, over all themes
    /// (``RatingSummary`` of `all`: each rated pair of people counts once).
    public struct RatingChange: Sendable, Equatable {
        /// The score's id.
        public var id: String
        /// The score's label.
        public var label: String
        /// The mean of every rated tie before and after; `nil` where that wave rated none.
        public var before: Double?, after: Double?
        /// How many rated pairs of people each mean is over.
        public var ratedBefore: Int, ratedAfter: Int
        /// Organisations rated in both waves: the mean their people received
        /// from other organisations' people, largest fall first.
        public var organisations: [OrganisationRatingChange]
        /// Pairs of organisations rated in both waves (what `from`'s people
        /// gave `to`'s), largest fall first.
        public var organisationPairs: [OrganisationPairChange]

        /// Whether both waves rated ties on this score.
        public var inBothWaves: Bool { before != nil && after != nil }
    }

    /// The mean an organisation received on one score in each wave.
    public struct OrganisationRatingChange: Sendable, Equatable {
        /// The organisation, as the later wave writes it.
        public var name: String
        /// The mean received before and after.
        public var before: Double, after: Double
    }

    /// Each score either wave rates, in the later wave's order then the
    /// earlier's; organisations and pairs matched by name key.
    ///
    /// - Complexity: O(T + P · S) for T ties, P rated organisation pairs and S scores.
    static func ratingChanges(before: PartnershipNetwork, after: PartnershipNetwork) -> [RatingChange] {
        let earlier = before.ratingSummary(.all), later = after.ratingSummary(.all)
        var scores: [RatingScore] = later?.scores ?? []
        for score in earlier?.scores ?? [] where !scores.contains(where: { $0.id == score.id }) { scores.append(score) }
        return scores.map { score in
            let b = earlier?.scores.firstIndex { $0.id == score.id }, a = later?.scores.firstIndex { $0.id == score.id }
            let beforeMean = b.flatMap { earlier?.overall[$0] }, afterMean = a.flatMap { later?.overall[$0] }
            var change = RatingChange(id: score.id, label: score.label, before: beforeMean?.mean, after: afterMean?.mean,
                                      ratedBefore: beforeMean?.count ?? 0, ratedAfter: afterMean?.count ?? 0,
                                      organisations: [], organisationPairs: [])
            guard let earlier, let later, let b, let a, change.inBothWaves else { return change }
            var received: [String: Double] = [:]
            for (index, organisation) in before.organisations.enumerated() {
                if let mean = earlier.organisationReceived[b][index].mean { received[NameKey.key(organisation.name)] = mean }
            }
            change.organisations = after.organisations.enumerated().compactMap { index, organisation in
                guard let now = later.organisationReceived[a][index].mean, let then = received[NameKey.key(organisation.name)] else { return nil }
                return OrganisationRatingChange(name: organisation.name, before: then, after: now)
            }
            var pairs: [String: Double] = [:]
            for pair in earlier.organisationPairs {
                guard let mean = pair.means[b].mean else { continue }
                pairs[Self.pairKey(before.organisations[pair.from].name, before.organisations[pair.to].name)] = mean
            }
            change.organisationPairs = later.organisationPairs.compactMap { pair in
                let from = after.organisations[pair.from].name, to = after.organisations[pair.to].name
                guard let now = pair.means[a].mean, let then = pairs[Self.pairKey(from, to)] else { return nil }
                return OrganisationPairChange(from: from, to: to, before: then, after: now)
            }
            change.organisations.sort { ($0.after - $0.before, $0.name) < ($1.after - $1.before, $1.name) }
            change.organisationPairs.sort { ($0.after - $0.before, $0.from, $0.to) < ($1.after - $1.before, $1.from, $1.to) }
            return change
        }
    }

    /// One key for a directed pair of organisation names.
    private static func pairKey(_ from: String, _ to: String) -> String { NameKey.key(from) + "\u{1F}" + NameKey.key(to) }
}
