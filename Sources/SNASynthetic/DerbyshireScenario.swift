import SNACore
import SNAIO

/// A county health and well-being partnership modelled on the Derbyshire case
/// study (seed 004, case study 7): an organisation-level survey of 111
/// potential partners helping people with disabilities into employment.
///
/// Built in (and documented in datasets/derbyshire/README.md):
/// - Jobcentre Plus and the city PCT have no tie in any theme, and the county
///   council and the county PCT only one informal tie, although each is
///   otherwise among the best-connected partners (weak links);
/// - the Learning and Skills Council and the five further and higher education
///   institutions have ties in other themes but none in decision-making
///   (isolation from decision-making).
///
/// Relationships are drawn pair by pair with chances set by each partner's
/// tier (statutory core, county-wide voluntary, local voluntary, employment
/// and learning) and area; the four weakly linked partners relate to every
/// other statutory partner, and to the rest with 1.6 times the usual chance,
/// so that they are otherwise among the best connected; themes per relationship as in the Bolton scenario;
/// named back with probability 0.6 per theme; 85% of partners answer (all
/// statutory partners and learning providers do).
public struct DerbyshireScenario: Sendable {
    /// The seed.
    public var seed: UInt64

    /// Creates the scenario.
    public init(seed: UInt64 = 1) { self.seed = seed }

    enum Tier { case core, countyVoluntary, local, employment }

    struct Partner {
        var name: String
        var sector: String
        var area: String
        var tier: Tier
    }

    static let areas = [
        "Derby", "Amber Valley", "Bolsover", "Chesterfield", "Derbyshire Dales", "Erewash", "High Peak",
        "North East Derbyshire", "South Derbyshire",
    ]

    /// The names the scenario's findings are about.
    public enum Names {
        /// Weakly linked with the city PCT.
        public static let jobcentrePlus = "Jobcentre Plus Derbyshire"
        /// Weakly linked with Jobcentre Plus.
        public static let cityPCT = "Derby City Primary Care Trust"
        /// Weakly linked with the county PCT.
        public static let countyCouncil = "Derbyshire County Council"
        /// Weakly linked with the county council.
        public static let countyPCT = "Derbyshire County Primary Care Trust"
        /// Isolated from decision-making.
        public static let learningAndSkillsCouncil = "Learning and Skills Council Derbyshire"
        /// The further and higher education institutions, isolated from decision-making.
        public static let colleges = [
            "Chesterfield College", "Derby College", "University of Derby", "High Peak College", "South East Derbyshire College",
        ]
    }

    static var partners: [Partner] {
        var list: [Partner] = [
            .init(name: Names.countyCouncil, sector: "local government", area: "county", tier: .core),
            .init(name: "Derby City Council", sector: "local government", area: "Derby", tier: .core),
            .init(name: "Amber Valley Borough Council", sector: "local government", area: "Amber Valley", tier: .core),
            .init(name: "Bolsover District Council", sector: "local government", area: "Bolsover", tier: .core),
            .init(name: "Chesterfield Borough Council", sector: "local government", area: "Chesterfield", tier: .core),
            .init(name: "Derbyshire Dales District Council", sector: "local government", area: "Derbyshire Dales", tier: .core),
            .init(name: "Erewash Borough Council", sector: "local government", area: "Erewash", tier: .core),
            .init(name: "High Peak Borough Council", sector: "local government", area: "High Peak", tier: .core),
            .init(name: "North East Derbyshire District Council", sector: "local government", area: "North East Derbyshire", tier: .core),
            .init(name: "South Derbyshire District Council", sector: "local government", area: "South Derbyshire", tier: .core),
            .init(name: Names.countyPCT, sector: "health", area: "county", tier: .core),
            .init(name: Names.cityPCT, sector: "health", area: "Derby", tier: .core),
            .init(name: "Derbyshire Mental Health Services NHS Trust", sector: "health", area: "county", tier: .core),
            .init(name: "Derby Hospitals NHS Foundation Trust", sector: "health", area: "Derby", tier: .core),
            .init(name: "Chesterfield Royal Hospital NHS Foundation Trust", sector: "health", area: "Chesterfield", tier: .core),
            .init(name: Names.jobcentrePlus, sector: "employment", area: "county", tier: .core),
            .init(name: Names.learningAndSkillsCouncil, sector: "education and skills", area: "county", tier: .core),
            .init(name: "Connexions Derbyshire", sector: "education and skills", area: "county", tier: .core),
            .init(name: "Derbyshire Constabulary", sector: "police", area: "county", tier: .core),
            .init(name: "Derbyshire Fire and Rescue Service", sector: "fire and rescue", area: "county", tier: .core),
            .init(name: "Derby and Derbyshire Economic Partnership", sector: "economic development", area: "county", tier: .core),
            .init(name: "Remploy Derby", sector: "employment", area: "county", tier: .employment),
            .init(name: "Shaw Trust Derbyshire", sector: "employment", area: "county", tier: .employment),
        ]
        list += Names.colleges.map { .init(name: $0, sector: "education and skills", area: "county", tier: .core) }
        for area in areas {
            for kind in ["Citizens Advice Bureau", "Council for Voluntary Service", "Disability Forum", "Mind"] {
                list.append(.init(name: "\(area) \(kind)", sector: "voluntary", area: area, tier: .local))
            }
        }
        for name in [
            "Derbyshire Coalition for Inclusive Living", "Mencap Derby and District", "RNIB East Midlands",
            "Scope East Midlands", "Derbyshire Carers Association", "Disability Direct", "Derbyshire Autism Services",
            "Headway Derby", "Royal School for the Deaf Derby", "Community Action Derby", "Derbyshire Rural Community Council",
            "Derby Advocacy Service", "Derbyshire Learning Disability Partnership", "Umbrella Derby", "Sight Support Derbyshire",
            "Derbyshire Deaf Forum", "Disabled Workers' Network Derbyshire",
        ] {
            list.append(.init(name: name, sector: "voluntary", area: "county", tier: .countyVoluntary))
        }
        for area in areas {
            for kind in ["Employers' Forum", "Supported Employment Project", "Adult Community Learning Centre"] {
                list.append(.init(name: "\(area) \(kind)", sector: kind == "Employers' Forum" ? "private" : kind == "Supported Employment Project" ? "employment" : "education and skills", area: area, tier: .employment))
            }
        }
        list += [
            .init(name: "Derbyshire Chamber of Commerce", sector: "private", area: "county", tier: .employment),
            .init(name: "Business Link East Midlands", sector: "private", area: "county", tier: .employment),
            .init(name: "Pathways to Work Provider Derbyshire", sector: "employment", area: "county", tier: .employment),
        ]
        return list
    }

    /// The chance that two partners have a working relationship.
    static func chance(_ a: Partner, _ b: Partner) -> Double {
        let sameArea = a.area == b.area && a.area != "county"
        let countyWide = a.area == "county" || b.area == "county"
        switch (a.tier, b.tier) {
        case (.core, .core): return 0.45
        case (.core, .local), (.local, .core): return sameArea ? 0.6 : countyWide ? 0.12 : 0.02
        case (.core, .countyVoluntary), (.countyVoluntary, .core): return 0.25
        case (.core, .employment), (.employment, .core):
            return (a.sector == "employment" || b.sector == "employment") ? 0.45 : sameArea ? 0.35 : countyWide ? 0.12 : 0.02
        case (.local, .local): return sameArea ? 0.35 : 0.02
        case (.countyVoluntary, .countyVoluntary): return 0.2
        case (.countyVoluntary, .local), (.local, .countyVoluntary): return 0.06
        case (.employment, .employment): return (a.sector == "employment" || b.sector == "employment") ? 0.3 : sameArea ? 0.3 : 0.03
        case (.employment, _), (_, .employment): return sameArea ? 0.3 : countyWide ? 0.08 : 0.02
        }
    }

    /// Generates the survey.
    public func survey() -> SyntheticSurvey {
        var random = SeededGenerator(seed: seed)
        let partners = Self.partners
        let learning = Set([Names.learningAndSkillsCouncil] + Names.colleges)
        let members = partners.map { partner in
            SyntheticSurvey.Member(name: partner.name, organisation: "", sector: partner.sector, layer: nil,
                                   responds: partner.tier == .core || random.chance(0.85))
        }
        var links = LinkSet(members: members)
        // The weakly linked partners are prominent otherwise, which is what makes their gap a finding.
        let prominent: Set<String> = [Names.jobcentrePlus, Names.cityPCT, Names.countyCouncil, Names.countyPCT]
        let weak: Set<Set<String>> = [[Names.jobcentrePlus, Names.cityPCT], [Names.countyCouncil, Names.countyPCT]]
        for a in partners.indices {
            for b in (a + 1)..<partners.count {
                let pa = partners[a], pb = partners[b]
                if weak.contains([pa.name, pb.name]) { continue }
                let isProminent = prominent.contains(pa.name) || prominent.contains(pb.name)
                // The prominent partners work with every other statutory partner, so that
                // the designed weak links are the only gaps among them.
                let chance = isProminent && pa.tier == .core && pb.tier == .core ? 1 : min(0.9, (isProminent ? 1.6 : 1) * Self.chance(pa, pb))
                guard random.chance(chance) else { continue }
                let core = pa.tier == .core && pb.tier == .core
                var themes = ThemeDraw(chances: [
                    ("work", 0.8), ("innovation", 0.2), ("expertise", 0.4), ("informal", 0.4), ("improvement", 0.3),
                    ("strategy", core ? 0.5 : 0.1), ("decision-making", core ? 0.45 : 0.05),
                ]).draw(&random)
                if learning.contains(pa.name) || learning.contains(pb.name) {
                    themes.removeAll { $0 == "decision-making" }
                    if themes.isEmpty { themes = ["work"] }
                }
                let (first, second) = random.chance(0.5) ? (a, b) : (b, a)
                links.relate(first, second, themes: themes, strength: nil, reciprocation: 0.6, random: &random)
            }
        }
        // The county council and county PCT: one informal tie only.
        let council = partners.firstIndex { $0.name == Names.countyCouncil }!
        let pct = partners.firstIndex { $0.name == Names.countyPCT }!
        links.add(council, pct, themes: ["informal"], strength: nil)
        return SyntheticSurvey(members: members, links: links.links)
    }

    /// The files: survey.csv (organisation-level, long) and partners.csv (id, sector, area).
    public func files() -> [(name: String, contents: String)] {
        let survey = survey()
        var partners = CSVWriter(header: ["id", "sector", "area", "tier"])
        for partner in Self.partners {
            let tier: String
            switch partner.tier {
            case .core: tier = "statutory or core"
            case .countyVoluntary: tier = "county-wide voluntary"
            case .local: tier = "local voluntary"
            case .employment: tier = "employment and learning"
            }
            partners.append([.text(partner.name), .text(partner.sector), .text(partner.area), .text(tier)])
        }
        return [
            ("survey.csv", survey.longCSV(withOrganisations: false, withStrength: false)),
            ("partners.csv", partners.output),
        ]
    }
}
