import SNACore

/// A partnership of any size, for benchmarks and scale tests.
///
/// People are spread over organisations of about `organisationSize` (sizes
/// uniform between half and one and a half times that); 90% respond. Each tie
/// is drawn as: a respondent chosen uniformly; with probability `withinShare`
/// a colleague in the same organisation, otherwise anyone outside it; a theme
/// chosen with weights (work most often, decision-making least). Exactly
/// `ties` distinct (respondent, contact, theme) ties are produced.
public struct PartnershipScenario: Sendable {
    /// The themes and their relative frequency in generated ties.
    public static let themeWeights: [(String, Double)] = [
        ("work", 0.30), ("informal", 0.18), ("expertise", 0.15), ("improvement", 0.12),
        ("innovation", 0.10), ("strategy", 0.09), ("decision-making", 0.06),
    ]

    /// The seed.
    public var seed: UInt64
    /// The number of people.
    public var people: Int
    /// The number of distinct ties.
    public var ties: Int
    /// The mean organisation size.
    public var organisationSize: Int
    /// The share of ties within the respondent's organisation.
    public var withinShare: Double

    /// Creates the scenario.
    public init(seed: UInt64, people: Int, ties: Int, organisationSize: Int = 20, withinShare: Double = 0.6) {
        self.seed = seed
        self.people = people
        self.ties = ties
        self.organisationSize = organisationSize
        self.withinShare = withinShare
    }

    /// The most people and ties the generator accepts.
    public static let maximumPeople = 10_000_000, maximumTies = 100_000_000

    /// Why the scenario cannot be generated, or `nil` when it can.
    public var problem: String? {
        guard (2...Self.maximumPeople).contains(people) else { return "the number of people must be between 2 and \(Self.maximumPeople)" }
        guard (0...Self.maximumTies).contains(ties) else { return "the number of ties must be between 0 and \(Self.maximumTies)" }
        guard (1...people).contains(organisationSize) else { return "the organisation size must be between 1 and the number of people (\(people))" }
        guard (0...1).contains(withinShare) else { return "the share of ties within organisations must be between 0 and 1" }
        // Ties available: 7 themes for every ordered pair of people (an upper bound; non-respondents name nobody).
        let pairs = Double(people) * Double(people - 1) * 7
        if Double(ties) > pairs / 2 { return "\(ties) ties are too many for \(people) people; at most \(Int(pairs / 2))" }
        return nil
    }

    /// Generates the survey. When the ties cannot all be placed (the
    /// organisations too small for the share asked inside them), it stops
    /// after a bounded number of attempts with fewer ties than asked.
    ///
    /// - Complexity: O(people + ties) expected.
    public func survey() -> SyntheticSurvey {
        precondition(problem == nil, problem ?? "")
        var random = SeededGenerator(seed: seed)
        var members: [SyntheticSurvey.Member] = []
        var organisationRanges: [Range<Int>] = []
        var memberOrganisation: [Int] = []
        let layers: [Layer] = [.strategic, .executive, .executive, .operational, .operational, .operational]
        while members.count < people {
            let low = max(1, organisationSize / 2), high = max(low, organisationSize * 3 / 2)
            let size = min(people - members.count, low + random.nextInt(below: high - low + 1))
            let number = organisationRanges.count + 1
            let organisation = "Organisation \(number)"
            let start = members.count
            for position in 1...size {
                members.append(.init(
                    name: "Officer \(position), \(organisation)", organisation: organisation,
                    sector: ["public", "voluntary", "private"][number % 3], layer: random.pick(layers),
                    responds: random.chance(0.9)))
                memberOrganisation.append(organisationRanges.count)
            }
            organisationRanges.append(start..<members.count)
        }
        let respondents = members.indices.filter { members[$0].responds }
        let cumulative = Self.themeWeights.reduce(into: [Double]()) { $0.append(($0.last ?? 0) + $1.1) }
        var seen = Set<UInt64>()
        var links: [SyntheticSurvey.Link] = []
        links.reserveCapacity(ties)
        let capacity = respondents.count * (members.count - 1) * Self.themeWeights.count
        let wanted = min(ties, capacity)
        var failedAttempts = 0
        while links.count < wanted && failedAttempts < 1_000 + 50 * wanted {
            let source = respondents[random.nextInt(below: respondents.count)]
            let range = organisationRanges[memberOrganisation[source]]
            var target: Int
            if range.count > 1 && random.chance(withinShare) {
                target = range.lowerBound + random.nextInt(below: range.count)
            } else if range.count < members.count {
                target = random.nextInt(below: members.count - range.count)
                if target >= range.lowerBound { target += range.count }
            } else {
                target = random.nextInt(below: members.count)
            }
            guard target != source else { failedAttempts += 1; continue }
            let roll = random.nextUnit() * cumulative.last!
            let theme = cumulative.firstIndex { roll < $0 } ?? cumulative.count - 1
            let key = (UInt64(source) << 35) | (UInt64(target) << 3) | UInt64(theme)
            guard seen.insert(key).inserted else { failedAttempts += 1; continue }
            links.append(.init(source: source, target: target, theme: Self.themeWeights[theme].0, strength: 1 + random.nextInt(below: 4)))
        }
        return SyntheticSurvey(members: members, links: links)
    }

    /// The files: survey.csv (long) and people.csv.
    public func files() -> [(name: String, contents: String)] {
        let survey = survey()
        return [("survey.csv", survey.longCSV()), ("people.csv", survey.peopleCSV())]
    }
}
