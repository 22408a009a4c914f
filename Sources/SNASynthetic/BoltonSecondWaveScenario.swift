import SNACore

/// The Bolton-style partnership surveyed again a year on (``BoltonScenario``
/// is the first wave): the same people and answers except for these designed
/// changes, so that `snatool compare` can be checked against them exactly.
///
/// 1. **A gatekeeper resolved by a new tie.** Fortalice reached the rest only
///    through its Partnership Manager; now its Project Worker and Victim
///    Support Bolton's Service Manager work together (`work`, named both
///    ways), and so do Fortalice's Project Worker and its other colleagues,
///    so the Partnership Manager's departure would cut nobody off.
/// 2. **Ties gained in a theme.** Three pairs of strategic leads now take
///    decisions together (`decision-making`), and Bolton Interfaith Council,
///    absent from decision-making before, joins it through its Partnership
///    Manager and the council's Community Safety Partnership Manager.
/// 3. **Ties lost in a theme.** Every `strategy` tie between Bolton Council
///    and Greater Manchester Police is gone, and every `innovation` tie of
///    Bolton Mediation Service's people, so that organisation leaves innovation.
/// 4. **People joining and leaving.** Age Concern Bolton's Volunteer
///    Coordinator has left (every tie to or from them is gone); Bolton at
///    Home has a new Community Safety Officer, who works with a housing
///    officer there and the council's anti-social behaviour officer (`work`,
///    named both ways).
/// 5. **Someone who only stopped answering.** The first Greater Manchester
///    Fire and Rescue Service respondent at the operational layer did not
///    answer this time: the ties they named are gone; others still name them.
///
/// 6. **Trust rated.** Every tie of this wave is rated on the three trust
///    items of the `partnership-trust-value` preset (openness, reliability,
///    shared mission; 1-4): 3 or 4 on each item, one item 2 on about one tie
///    in ten, except that Bolton Council's and Greater Manchester Police's
///    people rate each other 1 or 2 on every item (the partners that lost
///    their strategy ties no longer trust each other), and every tie naming
///    Bolton Lads and Girls Club's Partnership Manager, a gatekeeper, is
///    rated 1 or 2 (a gatekeeper who is little trusted).
///
/// Each added tie is named in both directions where its source answers the
/// survey (a tie is named by its respondent), so nobody starts answering.
public struct BoltonSecondWaveScenario: Sendable {
    /// The seed of the first wave, which the second starts from.
    public var seed: UInt64

    /// Creates the scenario.
    public init(seed: UInt64 = 1) { self.seed = seed }

    /// A tie by names and theme.
    public struct NamedLink: Sendable, Hashable {
        /// Who named the contact.
        public var source: String
        /// The contact.
        public var target: String
        /// The theme's id.
        public var theme: String
    }

    /// The changes made to the first wave.
    public struct Design: Sendable {
        /// Ties added, by name and theme (the new person's included).
        public var added: [NamedLink]
        /// Ties removed on purpose (strategy between council and police, Bolton Mediation Service's innovation).
        public var removed: [NamedLink]
        /// Who joined.
        public var joined: [String]
        /// Who left.
        public var left: [String]
        /// Who stopped answering.
        public var stoppedAnswering: [String]
        /// The gatekeeper whose departure no longer cuts anyone off.
        public var resolvedGatekeeper: String
    }

    static let fortaliceGatekeeper = "Partnership Manager, Fortalice"
    /// The gatekeeper whom the people tied to them trust little.
    public static let distrustedGatekeeper = "Partnership Manager, Bolton Lads and Girls Club"
    /// The organisations whose people rate each other low on trust.
    public static let lowTrustPair = ("Bolton Council", "Greater Manchester Police")
    static let leaver = "Volunteer Coordinator, Age Concern Bolton"
    static let newcomer = SyntheticSurvey.Member(name: "Community Safety Officer, Bolton at Home", organisation: "Bolton at Home",
                                                 sector: "housing", layer: .operational, responds: true)

    /// The ties the design adds, named both ways, by theme.
    static let addedPairs: [(String, String, String)] = [
        ("Project Worker, Fortalice", "Service Manager, Victim Support Bolton", "work"),
        ("Project Worker, Fortalice", "Chief Executive, Fortalice", "work"),
        ("Project Worker, Fortalice", "Service Manager, Fortalice", "work"),
        ("Project Worker, Fortalice", "Volunteer Coordinator, Fortalice", "work"),
        ("Director of Public Health, Bolton Primary Care Trust", "Chief Executive, Bolton at Home", "decision-making"),
        ("Borough Fire Commander, Greater Manchester Fire and Rescue Service", "Chief Executive, Bolton Community and Voluntary Services", "decision-making"),
        ("Area Manager, Greater Manchester Probation Trust", "Chief Executive, Jobcentre Plus Bolton", "decision-making"),
        ("Partnership Manager, Bolton Interfaith Council", "Community Safety Partnership Manager, Bolton Council", "decision-making"),
        (newcomer.name, "Housing Officer, Bolton at Home", "work"),
        (newcomer.name, "Anti-Social Behaviour Officer, Bolton Council", "work"),
    ]

    /// Both waves and the design that turns the first into the second.
    public func waves() -> (before: SyntheticSurvey, after: SyntheticSurvey, design: Design) {
        let before = BoltonScenario(seed: seed).survey()
        var members = before.members
        let index = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($0.element.name, $0.offset) })
        let stopped = members.firstIndex { $0.organisation == "Greater Manchester Fire and Rescue Service" && $0.layer == .operational && $0.responds }!
        let leaver = index[Self.leaver]!
        let council = "Bolton Council", police = "Greater Manchester Police", mediation = "Bolton Mediation Service"
        var removed: [NamedLink] = []
        var links = before.links.filter { link in
            let organisations = Set([members[link.source].organisation, members[link.target].organisation])
            if link.theme == "strategy" && organisations == [council, police] || link.theme == "innovation" && organisations.contains(mediation) {
                removed.append(NamedLink(source: members[link.source].name, target: members[link.target].name, theme: link.theme))
                return false
            }
            return link.source != leaver && link.target != leaver && link.source != stopped
        }
        members[stopped].responds = false
        // The leaver's place is taken by the newcomer, at the end of the roster.
        members.append(Self.newcomer)
        var positions = index
        positions[Self.newcomer.name] = members.count - 1
        var existing = Set(links.map { SyntheticSurvey.Link.Key(source: $0.source, target: $0.target, theme: $0.theme) })
        var added: [NamedLink] = []
        for (a, b, theme) in Self.addedPairs {
            for (source, target) in [(a, b), (b, a)] {
                let s = positions[source]!, t = positions[target]!
                guard members[s].responds, existing.insert(.init(source: s, target: t, theme: theme)).inserted else { continue }
                links.append(.init(source: s, target: t, theme: theme, strength: 2))
                added.append(NamedLink(source: source, target: target, theme: theme))
            }
        }
        // Trust, drawn in link order from a generator of its own, so the ties are those of the design above.
        var random = SeededGenerator(seed: seed &+ 0x7472_7573_74)
        let lowPair: Set<String> = [Self.lowTrustPair.0, Self.lowTrustPair.1]
        for position in links.indices {
            let source = members[links[position].source], target = members[links[position].target]
            let low = target.name == Self.distrustedGatekeeper
                || source.organisation != target.organisation && lowPair == [source.organisation, target.organisation]
            var items = (0..<3).map { _ in low ? 1 + random.nextInt(below: 2) : 3 + random.nextInt(below: 2) }
            if !low && random.chance(0.1) { items[random.nextInt(below: 3)] = 2 }
            links[position].trust = items
        }
        let kept = members.indices.filter { $0 != leaver }
        let renumber = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($0.element, $0.offset) })
        let after = SyntheticSurvey(members: kept.map { members[$0] },
                                    links: links.map { .init(source: renumber[$0.source]!, target: renumber[$0.target]!, theme: $0.theme, strength: $0.strength, trust: $0.trust) })
        let design = Design(added: added, removed: removed, joined: [Self.newcomer.name], left: [Self.leaver],
                            stoppedAnswering: [members[stopped].name], resolvedGatekeeper: Self.fortaliceGatekeeper)
        return (before, after, design)
    }

    /// The second wave's files: survey.csv (long, with the trust items) and people.csv.
    public func files() -> [(name: String, contents: String)] {
        let after = waves().after
        return [("survey.csv", after.longCSV()), ("people.csv", after.peopleCSV())]
    }
}
