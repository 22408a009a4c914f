import SNACore

/// A community-safety partnership modelled on the Bolton case study (seed 004,
/// case study 8): about 210 people in 25 organisations, all seven themes,
/// three layers, and gatekeepers who control access to their organisations.
///
/// How it is built (every draw from one seeded generator):
/// 1. Organisations with sizes and sectors; each has one or two strategic
///    leads, about a third executives and the rest operational staff, named
///    by role title ("Community Safety Partnership Manager, Bolton Council").
/// 2. Inside each organisation, everyone relates to two to five colleagues.
/// 3. Across open organisations: strategic leads form a board (strategy,
///    decision-making), executives and operational staff relate to people in
///    other organisations at their own layer.
/// 4. Seven *gated* organisations reach the rest only through their gatekeeper:
///    no one else in them has a tie outside. Two gatekeepers reach the rest
///    only through a hub (the council's Community Safety Partnership Manager,
///    or the police's Partnership Chief Inspector), so those hubs are
///    gatekeepers too.
/// 5. Relationships are named in both directions with probability 0.6 per
///    theme; about 10% of people do not answer (never a gatekeeper or hub), so
///    only their colleagues' naming of them remains.
public struct BoltonScenario: Sendable {
    /// The seed.
    public var seed: UInt64

    /// Creates the scenario.
    public init(seed: UInt64 = 1) { self.seed = seed }

    /// An organisation of the scenario.
    struct Partner {
        var name: String
        var sector: String
        var size: Int
        /// The hub its gatekeeper alone connects to, for gated organisations;
        /// `""` for gated organisations that connect to several partners.
        var gate: Gate
    }

    enum Gate { case open, gated, gatedThroughHub(String) }

    static let partners: [Partner] = [
        .init(name: "Bolton Council", sector: "local government", size: 28, gate: .open),
        .init(name: "Greater Manchester Police", sector: "police", size: 25, gate: .open),
        .init(name: "Greater Manchester Fire and Rescue Service", sector: "fire and rescue", size: 10, gate: .open),
        .init(name: "Greater Manchester Probation Trust", sector: "criminal justice", size: 9, gate: .open),
        .init(name: "Bolton Youth Offending Team", sector: "criminal justice", size: 9, gate: .open),
        .init(name: "Bolton Primary Care Trust", sector: "health", size: 13, gate: .open),
        .init(name: "Royal Bolton Hospital NHS Foundation Trust", sector: "health", size: 6, gate: .open),
        .init(name: "Bolton at Home", sector: "housing", size: 16, gate: .open),
        .init(name: "Bolton Community Homes", sector: "housing", size: 6, gate: .gated),
        .init(name: "Irwell Valley Homes", sector: "housing", size: 5, gate: .gated),
        .init(name: "Victim Support Bolton", sector: "voluntary", size: 6, gate: .open),
        .init(name: "Bolton Neighbourhood Watch Association", sector: "voluntary", size: 6, gate: .gatedThroughHub("Partnership Chief Inspector, Greater Manchester Police")),
        .init(name: "Bolton Drug and Alcohol Action Team", sector: "health", size: 8, gate: .open),
        .init(name: "Bolton Community and Voluntary Services", sector: "voluntary", size: 7, gate: .open),
        .init(name: "Crown Prosecution Service", sector: "criminal justice", size: 5, gate: .gated),
        .init(name: "Jobcentre Plus Bolton", sector: "employment", size: 5, gate: .open),
        .init(name: "Bolton Lads and Girls Club", sector: "voluntary", size: 7, gate: .gated),
        .init(name: "Age Concern Bolton", sector: "voluntary", size: 5, gate: .open),
        .init(name: "Fortalice", sector: "voluntary", size: 5, gate: .gated),
        .init(name: "Bolton Interfaith Council", sector: "faith", size: 4, gate: .gatedThroughHub("Community Safety Partnership Manager, Bolton Council")),
        .init(name: "Bolton College", sector: "education", size: 6, gate: .open),
        .init(name: "Bolton Secondary Schools Partnership", sector: "education", size: 6, gate: .open),
        .init(name: "Greater Manchester Passenger Transport Executive", sector: "transport", size: 4, gate: .open),
        .init(name: "Bolton Mediation Service", sector: "voluntary", size: 4, gate: .open),
        .init(name: "Bolton Wanderers Community Trust", sector: "voluntary", size: 5, gate: .open),
    ]

    /// Role titles by sector and layer; repeated titles are numbered.
    static func roles(sector: String, layer: Layer) -> [String] {
        switch (sector, layer) {
        case ("local government", .strategic): return ["Director of Neighbourhood Services", "Assistant Director, Community Safety"]
        case ("local government", .executive): return ["Community Safety Partnership Manager", "Anti-Social Behaviour Coordinator", "Neighbourhood Renewal Manager", "Licensing Manager", "Youth Services Manager", "Environmental Services Manager", "Parks Manager", "Community Cohesion Manager"]
        case ("local government", .operational): return ["Anti-Social Behaviour Officer", "Neighbourhood Warden", "Environmental Health Officer", "Youth Worker", "CCTV Operator", "Community Development Worker", "Licensing Officer"]
        case ("police", .strategic): return ["Divisional Commander", "Superintendent, Operations"]
        case ("police", .executive): return ["Partnership Chief Inspector", "Neighbourhood Inspector", "Crime Reduction Inspector", "Detective Inspector", "Intelligence Manager"]
        case ("police", .operational): return ["Neighbourhood Sergeant", "Police Community Support Officer", "Neighbourhood Constable", "Crime Analyst", "Youth Engagement Officer"]
        case ("health", .strategic): return ["Director of Public Health", "Chief Executive"]
        case ("health", .executive): return ["Health Improvement Manager", "Commissioning Manager", "Substance Misuse Lead"]
        case ("health", .operational): return ["Health Trainer", "Community Nurse", "Drugs Worker", "Outreach Worker"]
        case ("housing", .strategic): return ["Chief Executive", "Director of Housing"]
        case ("housing", .executive): return ["Tenancy Enforcement Manager", "Neighbourhood Manager", "Estate Services Manager"]
        case ("housing", .operational): return ["Housing Officer", "Tenancy Support Officer", "Estate Caretaker", "Anti-Social Behaviour Case Worker"]
        case ("criminal justice", .strategic): return ["Area Manager", "Head of Service"]
        case ("criminal justice", .executive): return ["Senior Practitioner", "Team Manager", "Prolific Offender Manager"]
        case ("criminal justice", .operational): return ["Case Manager", "Offender Manager", "Youth Justice Worker", "Victim Liaison Officer"]
        case ("fire and rescue", .strategic): return ["Borough Fire Commander"]
        case ("fire and rescue", .executive): return ["Community Fire Safety Manager", "Station Manager"]
        case ("fire and rescue", .operational): return ["Community Fire Safety Advocate", "Watch Manager", "Firefighter"]
        case (_, .strategic): return ["Chief Executive", "Chair of Trustees"]
        case (_, .executive): return ["Partnership Manager", "Service Manager", "Projects Manager"]
        case (_, .operational): return ["Project Worker", "Volunteer Coordinator", "Outreach Worker", "Support Worker"]
        }
    }

    /// Themes of a relationship between two layers.
    static func draw(_ a: Layer, _ b: Layer, inside: Bool) -> ThemeDraw {
        let strategic = a == .strategic && b == .strategic
        let senior = a != .operational && b != .operational
        return ThemeDraw(chances: [
            ("work", strategic ? 0.5 : 0.85),
            ("innovation", senior ? 0.25 : 0.12),
            ("expertise", 0.35),
            ("informal", inside ? 0.5 : 0.3),
            ("improvement", senior ? 0.35 : 0.2),
            ("strategy", strategic ? 0.85 : senior ? 0.35 : 0.03),
            ("decision-making", strategic ? 0.75 : senior ? 0.2 : 0.02),
        ])
    }

    /// The hubs and gatekeepers, by name, that the scenario builds in.
    public static var builtInGatekeepers: [String] {
        var names = ["Community Safety Partnership Manager, Bolton Council", "Partnership Chief Inspector, Greater Manchester Police"]
        for partner in partners {
            if case .open = partner.gate { continue }
            names.append("\(gatekeeperRole(partner)), \(partner.name)")
        }
        return names
    }

    static func gatekeeperRole(_ partner: Partner) -> String {
        roles(sector: partner.sector, layer: .executive)[0]
    }

    /// Generates the survey.
    public func survey() -> SyntheticSurvey {
        var random = SeededGenerator(seed: seed)
        var members: [SyntheticSurvey.Member] = []
        var ranges: [Range<Int>] = []
        let keyPeople = Set(Self.builtInGatekeepers)
        for partner in Self.partners {
            let start = members.count
            let strategic = partner.size >= 12 ? 2 : 1
            let executive = max(1, (partner.size + 1) / 3)
            var used: [String: Int] = [:]
            for position in 0..<partner.size {
                let layer: Layer = position < strategic ? .strategic : position < strategic + executive ? .executive : .operational
                let titles = Self.roles(sector: partner.sector, layer: layer)
                let ordinal = position < strategic ? position : position < strategic + executive ? position - strategic : position - strategic - executive
                let title = titles[ordinal % titles.count]
                used[title, default: 0] += 1
                let numbered = used[title]! > 1 || ordinal >= titles.count ? "\(title) \(used[title]!)" : title
                let name = "\(numbered), \(partner.name)"
                members.append(.init(name: name, organisation: partner.name, sector: partner.sector, layer: layer,
                                     responds: keyPeople.contains(name) || random.chance(0.9)))
            }
            ranges.append(start..<members.count)
        }
        let index = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($0.element.name, $0.offset) })
        var links = LinkSet(members: members)
        func relate(_ a: Int, _ b: Int, inside: Bool) {
            let themes = Self.draw(members[a].layer!, members[b].layer!, inside: inside).draw(&random)
            let strength = inside ? 2 + random.nextInt(below: 3) : 1 + random.nextInt(below: 3)
            links.relate(a, b, themes: themes, strength: strength, reciprocation: 0.6, random: &random)
        }

        // 2. Colleagues.
        for range in ranges where range.count > 1 {
            for person in range {
                for _ in 0..<(2 + random.nextInt(below: 4)) {
                    let colleague = range.lowerBound + random.nextInt(below: range.count)
                    if colleague != person { relate(person, colleague, inside: true) }
                }
            }
        }
        // 3. Across open organisations, by layer.
        var open: [Layer: [Int]] = [:]
        for (partner, range) in zip(Self.partners, ranges) {
            guard case .open = partner.gate else { continue }
            for person in range { open[members[person].layer!, default: []].append(person) }
        }
        let organisationOf = { (person: Int) in members[person].organisation }
        func acrossOrganisations(_ person: Int, from pool: [Int], count: Int) {
            for _ in 0..<count {
                let other = random.pick(pool)
                if organisationOf(other) != organisationOf(person) { relate(person, other, inside: false) }
            }
        }
        let board = open[.strategic] ?? []
        for (offset, a) in board.enumerated() {
            for b in board[(offset + 1)...] where organisationOf(a) != organisationOf(b) && random.chance(0.3) {
                relate(a, b, inside: false)
            }
        }
        for person in open[.executive] ?? [] {
            acrossOrganisations(person, from: (open[.executive] ?? []) + (open[.operational] ?? []), count: 2 + random.nextInt(below: 3))
        }
        for person in open[.operational] ?? [] {
            acrossOrganisations(person, from: open[.operational] ?? [], count: 1 + random.nextInt(below: 2))
        }
        // Hubs reach executives across the partnership.
        for hub in ["Community Safety Partnership Manager, Bolton Council", "Partnership Chief Inspector, Greater Manchester Police"] {
            acrossOrganisations(index[hub]!, from: open[.executive] ?? [], count: 14)
        }
        // 4. Gated organisations: only the gatekeeper reaches outside.
        for (partner, range) in zip(Self.partners, ranges) {
            let gatekeeper = index["\(Self.gatekeeperRole(partner)), \(partner.name)"]
            switch partner.gate {
            case .open: continue
            case .gated:
                acrossOrganisations(gatekeeper!, from: (open[.executive] ?? []) + (open[.strategic] ?? []), count: 3 + random.nextInt(below: 3))
            case .gatedThroughHub(let hub):
                relate(gatekeeper!, index[hub]!, inside: false)
            }
            for member in range where member != gatekeeper! {
                links.add(gatekeeper!, member, themes: ["work"], strength: 3)
            }
        }
        return SyntheticSurvey(members: members, links: links.links)
    }

    /// The files: survey.csv (long), survey-wide.csv (the same answers as a
    /// survey platform exports them) and people.csv.
    public func files() -> [(name: String, contents: String)] {
        let survey = survey()
        return [
            ("survey.csv", survey.longCSV()),
            ("survey-wide.csv", survey.wideCSV(themes: ThemeSet.standard.themes.map(\.id))),
            ("people.csv", survey.peopleCSV()),
        ]
    }
}
