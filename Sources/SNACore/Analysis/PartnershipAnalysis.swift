import Foundation

/// The full analysis of a partnership survey: every metric per theme, the
/// organisation view, and findings in plain English.
///
/// ```swift
/// let analysis = PartnershipAnalysis(network: survey.network)
/// for finding in analysis.findings where finding.kind == .gatekeeper { print(finding.headline) }
/// ```
public struct PartnershipAnalysis: Sendable {
    /// The network analysed.
    public var network: PartnershipNetwork
    /// The options used.
    public var options: AnalysisOptions
    /// The group name of each node, for brokerage (at the analysed level).
    public var groupNames: [String]
    /// Each node's group position in `groupNames`.
    public var groups: [Int]
    /// One analysis per theme, then `all`, at the analysed level.
    public var selections: [SelectionAnalysis]
    /// Jaccard overlap of the themes' tie sets: `themeOverlap[a][b]`, stored sparsely.
    public var themeOverlap: ThemeOverlap
    /// The organisation-level network per theme, with its own centralities
    /// (people-level surveys analysed at people level; otherwise `selections`
    /// already is the organisation level).
    public var organisationNetworks: [SelectionAnalysis]
    /// Findings, ranked within each kind, kinds in a fixed order.
    public var findings: [Finding]

    /// The names of the analysed level's nodes.
    public let nodeNames: [String]

    /// Analyses `network`.
    ///
    /// - Complexity: dominated by betweenness, O(V E) per theme.
    public init(network: PartnershipNetwork, options: AnalysisOptions = .init()) {
        self.network = network
        self.options = options
        nodeNames = options.level == .people ? network.people.map(\.name) : network.organisations.map(\.name)
        let selectionsWanted = options.selections ?? network.selections
        let level = options.level
        let nodeCount = level == .people ? network.people.count : network.organisations.count
        // Groups for brokerage.
        var groupNames: [String] = []
        var groupIndex: [String: Int] = [:]
        var groups: [Int] = []
        for node in 0..<nodeCount {
            let name: String
            if level == .people {
                name = network.group(ofPerson: node, by: options.groupBy) ?? "(none)"
            } else if NameKey.label(options.groupBy) == "organisation" || NameKey.label(options.groupBy) == "organization" {
                name = network.organisations[node].name
            } else {
                name = network.organisations[node].attributes[NameKey.label(options.groupBy)] ?? "(none)"
            }
            let key = NameKey.key(name)
            if let index = groupIndex[key] {
                groups.append(index)
            } else {
                groupIndex[key] = groupNames.count
                groups.append(groupNames.count)
                groupNames.append(name)
            }
        }
        self.groupNames = groupNames
        self.groups = groups
        let nodeOrganisation: [Int?] = level == .people
            ? network.people.indices.map { network.organisation(ofPerson: $0) }
            : network.organisations.indices.map { $0 }
        let layersKnown = level == .people && network.people.contains { $0.layer != nil }
        let nodeLayer: [Int?]? = layersKnown
            ? network.people.map { person in person.layer.flatMap { Layer.allCases.firstIndex(of: $0) } } : nil
        let summaries = PartnershipSummary(network: network, level: level, selections: selectionsWanted).themes
        selections = Self.analyse(zip(selectionsWanted, summaries)) {
            Self.symmetrise(network.graph($0, level: level), options.symmetrisation)
        } fresh: { selection, summary, graph in
            SelectionAnalysis(
                network: network, selection: selection, graph: graph, summary: summary,
                nodeOrganisation: nodeOrganisation, nodeLayer: nodeLayer, groups: groups, resilienceSteps: options.resilienceSteps)
        }
        themeOverlap = network.themeOverlap()
        if level == .people && network.unit == .people {
            let organisationSummaries = PartnershipSummary(network: network, level: .organisations, selections: selectionsWanted).themes
            organisationNetworks = Self.analyse(zip(selectionsWanted, organisationSummaries)) {
                Self.symmetrise(network.graph($0, level: .organisations), options.symmetrisation)
            } fresh: { selection, summary, graph in
                SelectionAnalysis(
                    network: network, selection: selection, graph: graph, summary: summary,
                    nodeOrganisation: network.organisations.indices.map { $0 }, nodeLayer: nil,
                    groups: Array(network.organisations.indices), resilienceSteps: 0)
            }
        } else {
            organisationNetworks = []
        }
        findings = []
        findings = FindingsBuilder(analysis: self).findings()
    }

    /// One analysis per selection, in order; a selection whose graph is the
    /// same as the one before (`all` in a survey of one theme) takes that
    /// analysis with its own name and summary instead of computing it again.
    static func analyse(
        _ selections: Zip2Sequence<[ThemeSelection], [ThemeSummary]>, graph: (ThemeSelection) -> Digraph,
        fresh: (ThemeSelection, ThemeSummary, Digraph) -> SelectionAnalysis
    ) -> [SelectionAnalysis] {
        var result: [SelectionAnalysis] = []
        for (selection, summary) in selections {
            let graph = graph(selection)
            if let previous = result.last, previous.graph == graph {
                result.append(previous.renamed(selection, id: summary.id, label: summary.label, summary: summary))
            } else {
                result.append(fresh(selection, summary, graph))
            }
        }
        return result
    }

    /// `graph` made undirected as `how` says (unchanged for `.none`).
    public static func symmetrise(_ graph: Digraph, _ how: Symmetrisation) -> Digraph {
        switch how {
        case .none: return graph
        case .either: return graph.symmetrised(keepingOnlyReciprocated: false)
        case .both: return graph.symmetrised(keepingOnlyReciprocated: true)
        }
    }

    /// The findings of one selection seen on its own, as an analysis of that
    /// selection alone would give them (its gatekeepers, bridges and isolated
    /// people), without analysing it again: what a map of one theme marks.
    ///
    /// - Parameter id: a theme id or `all`; one not analysed gives ``findings``.
    public func findings(focusingOn id: String) -> [Finding] {
        id == Theme.allID || selection(id) == nil ? findings : FindingsBuilder(analysis: self, focus: id).findings()
    }

    /// The analysis of one selection, by theme id or `all`.
    public func selection(_ id: String) -> SelectionAnalysis? { selections.first { $0.id == id } }
}
