import SNACore
import SNAIO

/// A survey made by a generator, before it is written out as files.
public struct SyntheticSurvey: Sendable {
    /// A generated person (or organisation, in an organisation-level survey).
    public struct Member: Sendable {
        /// The unique name: a role title and organisation, never a personal name.
        public var name: String
        /// The organisation; empty in an organisation-level survey.
        public var organisation: String
        /// The sector of the organisation.
        public var sector: String
        /// The layer of joint working; `nil` in an organisation-level survey.
        public var layer: Layer?
        /// Whether they answered the survey.
        public var responds: Bool
    }

    /// A generated tie.
    public struct Link: Sendable, Hashable {
        /// Position of the respondent in ``members``.
        public var source: Int
        /// Position of the contact.
        public var target: Int
        /// The theme's id.
        public var theme: String
        /// Strength 1 (occasional) to 4 (daily), or `nil`.
        public var strength: Int?
        /// The respondent's trust in the contact on the three trust items of
        /// ``RatingSet/partnershipTrustValue`` (openness, reliability, shared
        /// mission), each 1 to 4; `nil` when not rated.
        public var trust: [Int]? = nil
    }

    /// The columns of the trust items, as the preset names them.
    public static let trustColumns = ["trust_openness", "trust_reliability", "trust_mission"]

    /// Everyone in the survey.
    public var members: [Member]
    /// Every tie, in generation order; only respondents' ties.
    public var links: [Link]

    /// Creates a survey.
    public init(members: [Member], links: [Link]) {
        self.members = members
        self.links = links
    }

    /// The long survey: respondent, respondent_org, contact, contact_org,
    /// theme, strength, and the trust items when any link is rated.
    public func longCSV(withOrganisations: Bool = true, withStrength: Bool = true) -> String {
        var header = ["respondent"]
        if withOrganisations { header.append("respondent_org") }
        header.append("contact")
        if withOrganisations { header.append("contact_org") }
        header.append("theme")
        if withStrength { header.append("strength") }
        let rated = links.contains { $0.trust != nil }
        if rated { header += Self.trustColumns }
        var table = CSVWriter(header: header)
        for link in links {
            let source = members[link.source], target = members[link.target]
            var row: [CSVWriter.Cell] = [.text(source.name)]
            if withOrganisations { row.append(.text(source.organisation)) }
            row.append(.text(target.name))
            if withOrganisations { row.append(.text(target.organisation)) }
            row.append(.text(link.theme))
            if withStrength { row.append(link.strength.map { .integer($0) } ?? .number(nil)) }
            if rated { row += Self.trustColumns.indices.map { item in link.trust.map { .integer($0[item]) } ?? .number(nil) } }
            table.append(row)
        }
        return table.output
    }

    /// The wide survey as platforms export it: one row per respondent, one
    /// column per theme with the contacts separated by "; ".
    public func wideCSV(themes: [String]) -> String {
        var table = CSVWriter(header: ["respondent", "organisation", "layer"] + themes)
        var contacts = [[String: [String]]](repeating: [:], count: members.count)
        for link in links { contacts[link.source][link.theme, default: []].append(members[link.target].name) }
        for (index, member) in members.enumerated() where member.responds {
            var row: [CSVWriter.Cell] = [.text(member.name), .text(member.organisation), .text(member.layer?.rawValue ?? "")]
            row += themes.map { .text((contacts[index][$0] ?? []).joined(separator: "; ")) }
            table.append(row)
        }
        return table.output
    }

    /// The people file: id, organisation, sector, layer, responded.
    public func peopleCSV(withOrganisations: Bool = true) -> String {
        var header = ["id"]
        if withOrganisations { header.append("organisation") }
        header.append("sector")
        if withOrganisations { header.append("layer") }
        var table = CSVWriter(header: header)
        for member in members {
            var row: [CSVWriter.Cell] = [.text(member.name)]
            if withOrganisations { row.append(.text(member.organisation)) }
            row.append(.text(member.sector))
            if withOrganisations { row.append(.text(member.layer?.rawValue ?? "")) }
            table.append(row)
        }
        return table.output
    }
}

extension SeededGenerator {
    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { nextUnit() < p }

    /// A uniformly chosen element.
    mutating func pick<T>(_ items: [T]) -> T { items[nextInt(below: items.count)] }
}
