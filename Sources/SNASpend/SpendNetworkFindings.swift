import Foundation
import SNAAssessments
import SNACore
import SNAIO

/// A provider of a spend file found (or not) among a survey's organisations.
public struct ProviderMatch: Sendable, Hashable {
    /// The provider as the spend file names it.
    public var provider: String
    /// What it spends.
    public var total: Double
    /// The survey organisation it is, or nil when none matches.
    public var organisation: String?
    /// Its ties with other organisations in each theme of the survey, by theme id
    /// (in and out, counted once per partner organisation); empty when unmatched.
    public var partnersByTheme: [String: Int]
    /// The organisations it is tied to in any theme.
    public var partners: Int
}

/// A finding about money and the network: a large spender absent from the
/// themes where the partnership decides, or weakly linked.
public struct SpendFinding: Sendable, Hashable {
    /// `big-spender-absent` (from decision-making or strategy), `big-spender-weakly-linked`,
    /// or `shared-customers-no-ties` (a big spender with no ties to partners serving the same services or customer groups).
    public var kind: String
    /// The theme it concerns, or `all`.
    public var theme: String
    /// The provider.
    public var provider: String
    /// One sentence: what was found.
    public var headline: String
    /// The figures behind it.
    public var evidence: String
    /// What the partnership might do.
    public var response: String
    /// The provider's share of the area's spending (findings are ranked by it).
    public var share: Double
}

/// A spend file joined to a partnership survey: which providers are partners,
/// how much of the money the partners absent from the strategy and
/// decision-making themes hold, and the big spenders outside those themes.
///
/// Providers are matched to organisations by ``NameKey/key(_:)`` (case and
/// spacing ignored), then by ``NameKey/label(_:)`` (punctuation ignored too),
/// after the aliases file's variant spellings are followed. An organisation
/// is *absent* from a theme when none of its people has a tie in that theme
/// with anyone of another organisation. docs/spend.md gives the rules.
public struct SpendNetworkFindings: Sendable {
    /// The least share of the area's spending that makes a provider a big spender.
    public static let bigSpenderShare = 0.05
    /// A big spender tied to at most this many other organisations in all themes together is weakly linked.
    public static let weaklyLinkedPartners = 2

    /// The survey's file name.
    public var survey: String
    /// Every provider, largest first, with its organisation when matched.
    public var matches: [ProviderMatch]
    /// The themes checked for absence (decision-making and strategy, those the survey has).
    public var decisionThemes: [String]
    /// For each theme checked: the share of all spending held by matched providers absent from it.
    public var absentShare: [String: Double]
    /// For each theme checked: the providers absent from it.
    public var absentProviders: [String: [String]]
    /// Share of all spending held by providers that match no survey organisation.
    public var unmatchedShare: Double
    /// The findings, ranked by share of spending.
    public var findings: [SpendFinding]

    /// Providers that match no survey organisation.
    public var unmatched: [ProviderMatch] { matches.filter { $0.organisation == nil } }

    /// Joins a spend summary to a survey's network.
    ///
    /// - Parameters:
    ///   - summary: the spend totals.
    ///   - network: the survey's network (people or organisations).
    ///   - survey: the survey's file name, for the text.
    ///   - aliases: the aliases file's table (columns `alias`, `name`), when given.
    /// - Complexity: O(P + T) for P providers and T ties.
    public init(summary: SpendSummary, network: PartnershipNetwork, survey: String, aliases: CSVTable? = nil) {
        self.survey = survey
        var aliasMap: [String: String] = [:]
        if let aliases {
            let labels = aliases.header.map { NameKey.label($0) }
            if let a = labels.firstIndex(where: { ["alias", "variant", "spelling"].contains($0) }),
               let n = labels.firstIndex(where: { ["name", "canonical", "organisation", "person"].contains($0) }) {
                for record in aliases.records where max(a, n) < record.fields.count {
                    aliasMap[NameKey.key(record.fields[a])] = NameKey.cleaned(record.fields[n])
                }
            }
        }
        var byKey: [String: Int] = [:]
        var byLabel: [String: Int] = [:]
        for (index, organisation) in network.organisations.enumerated() {
            byKey[NameKey.key(organisation.name)] = index
            byLabel[NameKey.label(organisation.name)] = index
        }
        func organisation(for provider: String) -> Int? {
            var name = provider
            var steps = 0
            while let next = aliasMap[NameKey.key(name)], steps < 20 { name = next; steps += 1 }
            return byKey[NameKey.key(name)] ?? byLabel[NameKey.label(name)] ?? byKey[NameKey.key(provider)] ?? byLabel[NameKey.label(provider)]
        }
        // Partner organisations of each organisation, per theme and in all.
        let themeIDs = network.themes.map(\.id)
        var partners: [[Set<Int>]] = Array(repeating: Array(repeating: [], count: network.organisations.count), count: themeIDs.count)
        var allPartners: [Set<Int>] = Array(repeating: [], count: network.organisations.count)
        for tie in network.ties {
            guard let a = network.organisation(ofPerson: tie.source), let b = network.organisation(ofPerson: tie.target), a != b else { continue }
            if let theme = tie.theme {
                partners[theme][a].insert(b)
                partners[theme][b].insert(a)
            }
            allPartners[a].insert(b)
            allPartners[b].insert(a)
        }
        matches = summary.providers.map { line in
            guard let index = organisation(for: line.name) else {
                return ProviderMatch(provider: line.name, total: line.total, organisation: nil, partnersByTheme: [:], partners: 0)
            }
            var counts: [String: Int] = [:]
            for (theme, id) in themeIDs.enumerated() { counts[id] = partners[theme][index].count }
            return ProviderMatch(provider: line.name, total: line.total, organisation: network.organisations[index].name,
                                 partnersByTheme: counts, partners: allPartners[index].count)
        }
        let total = summary.total
        unmatchedShare = total == 0 ? 0 : matches.filter { $0.organisation == nil }.reduce(0) { $0 + $1.total } / total
        decisionThemes = ["decision-making", "strategy"].compactMap { wanted in
            network.themes.first { network.themeSet.resolve(wanted) == $0 }?.id
        }
        var absentShare: [String: Double] = [:]
        var absentProviders: [String: [String]] = [:]
        var findings: [SpendFinding] = []
        var reported = Set<String>()
        for theme in decisionThemes {
            let absent = matches.filter { $0.organisation != nil && ($0.partnersByTheme[theme] ?? 0) == 0 }
            absentProviders[theme] = absent.map(\.provider)
            absentShare[theme] = total == 0 ? 0 : absent.reduce(0) { $0 + $1.total } / total
            for match in absent where total > 0 && match.total / total >= Self.bigSpenderShare && !reported.contains(match.provider) {
                reported.insert(match.provider)
                let share = match.total / total
                let elsewhere = match.partners
                findings.append(SpendFinding(
                    kind: "big-spender-absent", theme: theme, provider: match.provider,
                    headline: "\(match.provider) spends \(SpendFormat.money(match.total)), \(SpendFormat.share(share)) of the area's spending, but has no \(theme) ties with other partners",
                    evidence: "In the survey \(match.organisation!) is tied to \(elsewhere) other organisation\(elsewhere == 1 ? "" : "s") across all themes and to none in \(theme)",
                    response: "Bring \(match.provider) into the partnership's \(theme) (a seat on the board or its commissioning group), or agree how its spending will be aligned with the partnership's priorities",
                    share: share))
            }
        }
        for match in matches where match.organisation != nil && total > 0 && match.total / total >= Self.bigSpenderShare
            && match.partners <= Self.weaklyLinkedPartners && !reported.contains(match.provider) {
            reported.insert(match.provider)
            findings.append(SpendFinding(
                kind: "big-spender-weakly-linked", theme: "all", provider: match.provider,
                headline: "\(match.provider) spends \(SpendFormat.money(match.total)), \(SpendFormat.share(match.total / total)) of the area's spending, but is tied to only \(match.partners) other partner\(match.partners == 1 ? "" : "s")",
                evidence: "Across all themes of the survey \(match.organisation!) has ties with \(match.partners) other organisation\(match.partners == 1 ? "" : "s")",
                response: "Find who in \(match.provider) works on the services it shares with partners and connect them",
                share: match.total / total))
        }
        // A big spender with no ties, in any theme, to matched partners that spend on the same services or customer groups.
        var served: [String: (services: Set<String>, groups: Set<String>, names: [String: String])] = [:]
        for entry in summary.entries {
            let key = NameKey.key(entry.provider)
            var record = served[key] ?? ([], [], [:])
            if let service = entry.service { record.services.insert(NameKey.key(service)); record.names[NameKey.key(service)] = service }
            if let group = entry.customerGroup { record.groups.insert(NameKey.key(group)); record.names[NameKey.key(group)] = group }
            served[key] = record
        }
        var pairs = Set<[Int]>()
        for match in matches where match.organisation != nil && total > 0 && match.total / total >= Self.bigSpenderShare {
            guard let mine = served[NameKey.key(match.provider)], let index = organisation(for: match.provider) else { continue }
            var unlinked: [String] = []
            var shared: [String] = []
            for other in matches where other.provider != match.provider {
                guard other.organisation != nil, let otherIndex = organisation(for: other.provider), otherIndex != index,
                      !allPartners[index].contains(otherIndex), let theirs = served[NameKey.key(other.provider)] else { continue }
                let common = mine.services.intersection(theirs.services).union(mine.groups.intersection(theirs.groups))
                guard !common.isEmpty, pairs.insert([min(index, otherIndex), max(index, otherIndex)]).inserted else { continue }
                unlinked.append(other.provider)
                for key in common.sorted() where !shared.contains(mine.names[key]!) { shared.append(mine.names[key]!) }
            }
            guard !unlinked.isEmpty else { continue }
            let share = match.total / total
            findings.append(SpendFinding(
                kind: "shared-customers-no-ties", theme: "all", provider: match.provider,
                headline: "\(match.provider) spends \(SpendFormat.money(match.total)), \(SpendFormat.share(share)) of the area's spending, with no ties to \(unlinked.count) partner\(unlinked.count == 1 ? "" : "s") spending on the same services or customer groups",
                evidence: "No tie in any theme of the survey with \(unlinked.prefix(8).joined(separator: "; "))\(unlinked.count > 8 ? " and \(unlinked.count - 8) more" : ""), though \(unlinked.count == 1 ? "both spend" : "each spends") on \(shared.prefix(4).joined(separator: ", "))",
                response: "Ask who in \(match.provider) and these partners serves the same people, and agree where their services should be aligned",
                share: share))
        }
        self.absentShare = absentShare
        self.absentProviders = absentProviders
        // Absence from decision-making first, then weak links, then partners serving the same people; by share within each.
        let order = ["big-spender-absent", "big-spender-weakly-linked", "shared-customers-no-ties"]
        self.findings = findings.sorted { a, b in
            let ra = order.firstIndex(of: a.kind) ?? order.count, rb = order.firstIndex(of: b.kind) ?? order.count
            return ra != rb ? ra < rb : (a.share, b.provider) > (b.share, a.provider)
        }
    }

    /// The join as text: findings, the shares held by absent partners, and the unmatched providers.
    public var text: String {
        var out = "\nSpending and the partnership (\(survey))\n"
        let matched = matches.filter { $0.organisation != nil }
        out += "  \(matched.count) of \(matches.count) providers are organisations in the survey"
        out += "; \(SpendFormat.share(unmatchedShare)) of the spending is by providers not in it\n"
        for theme in decisionThemes {
            let names = absentProviders[theme] ?? []
            out += "  Partners absent from \(theme) hold \(SpendFormat.share(absentShare[theme] ?? 0)) of the spending"
            out += names.isEmpty ? "\n" : " (\(names.joined(separator: "; ")))\n"
        }
        if !findings.isEmpty {
            out += "\nSpending findings\n"
            for finding in findings {
                out += "  - \(finding.headline).\n    Evidence: \(finding.evidence).\n    What to do: \(finding.response).\n"
            }
        }
        let unmatched = self.unmatched
        if !unmatched.isEmpty {
            out += "\nProviders not found in the survey (\(unmatched.count)); add them to the aliases file if they are there under another name\n"
            for match in unmatched { out += "  \(match.provider)  \(SpendFormat.money(match.total))\n" }
        }
        return out
    }

    /// The join as JSON: `survey`, `providers` (`provider`, `organisation`,
    /// `total`, `partners`, `partners_by_theme`), `absent` (per theme: `share`,
    /// `providers`), `unmatched_share`, `findings`.
    public var json: JSONValue {
        .object([
            ("survey", .string(survey)),
            ("providers", .array(matches.map { match in
                .object([("provider", .string(match.provider)), ("organisation", .string(match.organisation)), ("total", .number(match.total)),
                         ("partners", .int(match.partners)),
                         ("partners_by_theme", .object(match.partnersByTheme.keys.sorted().map { ($0, .int(match.partnersByTheme[$0]!)) }))])
            })),
            ("absent", .array(decisionThemes.map { theme in
                .object([("theme", .string(theme)), ("share", .number(absentShare[theme] ?? 0)),
                         ("providers", .array((absentProviders[theme] ?? []).map { .string($0) }))])
            })),
            ("unmatched_share", .number(unmatchedShare)),
            ("findings", .array(findings.map { finding in
                .object([("kind", .string(finding.kind)), ("theme", .string(finding.theme)), ("provider", .string(finding.provider)),
                         ("headline", .string(finding.headline)), ("evidence", .string(finding.evidence)),
                         ("response", .string(finding.response)), ("share", .number(finding.share))])
            })),
        ])
    }

    /// The join as XHTML, under a heading at `headingLevel`.
    public func html(headingLevel: Int = 2) -> String {
        let e = HTMLText.escape
        var out = "<h\(headingLevel)>Spending and the partnership</h\(headingLevel)>\n<ul>\n"
        for theme in decisionThemes {
            out += "<li>Partners absent from \(e(theme)) hold \(e(SpendFormat.share(absentShare[theme] ?? 0))) of the spending.</li>\n"
        }
        for finding in findings {
            out += "<li><strong>\(e(finding.headline)).</strong> \(e(finding.evidence)). \(e(finding.response)).</li>\n"
        }
        out += "</ul>\n"
        if !unmatched.isEmpty {
            out += "<p>Providers not found in the survey: " + unmatched.map { e("\($0.provider) (\(SpendFormat.money($0.total)))") }.joined(separator: "; ") + ".</p>\n"
        }
        return out
    }
}
