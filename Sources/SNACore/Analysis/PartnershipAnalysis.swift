import Foundation

/// The full analysis of a partnership survey: every metric per theme, the
/// organisation view, and the findings as data (their words are made in SNAIO).
///
/// ```swift
/// let analysis = PartnershipAnalysis(network: survey.network)
/// for finding in analysis.findings where finding.kind == .gatekeeper { print(finding.subjectNames) }
/// ```
public struct PartnershipAnalysis: Sendable {
    /// The network analysed.
    public let network: PartnershipNetwork
    /// The options used.
    public let options: AnalysisOptions
    /// The group name of each node, for brokerage (at the analysed level).
    public let groupNames: [String]
    /// Each node's group position in `groupNames`.
    public let groups: [Int]
    /// One analysis per theme, then `all`, at the analysed level.
    public let selections: [SelectionAnalysis]
    /// Jaccard overlap of the themes' tie sets: `themeOverlap[a][b]`, stored sparsely.
    public let themeOverlap: ThemeOverlap
    /// The organisation-level network per theme, with its own centralities
    /// (people-level surveys analysed at people level; otherwise `selections`
    /// already is the organisation level).
    public let organisationNetworks: [SelectionAnalysis]
    /// Findings, ranked within each kind, kinds in a fixed order.
    public private(set) var findings: [Finding]

    /// The names of the analysed level's nodes.
    public let nodeNames: [String]
    /// Each node's organisation position in ``PartnershipNetwork/organisations``, or `nil`.
    public let nodeOrganisation: [Int?]
    /// Whether the nodes are people (a people-level analysis of a survey that
    /// names people), rather than organisations.
    public var nodesArePeople: Bool { options.level == .people && network.unit == .people }

    /// Analyses `network`.
    ///
    /// - Complexity: dominated by betweenness, O(V E) per theme.
    public init(network: PartnershipNetwork, options: AnalysisOptions = .init()) {
        self = Parallel.withThreads(options.threads) { Self(analysing: network, options: options) }
    }

    private init(analysing network: PartnershipNetwork, options: AnalysisOptions) {
        self.network = network
        self.options = options
        let level = options.level
        nodeNames = network.nodeNames(level: level)
        let selectionsWanted = options.selections ?? network.selections
        (groupNames, groups) = network.groups(by: options.grouping, level: level)
        let nodeOrganisation: [Int?] = level == .people
            ? network.people.indices.map { network.organisation(ofPerson: $0) }
            : network.organisations.indices.map { $0 }
        self.nodeOrganisation = nodeOrganisation
        let layersKnown = level == .people && network.people.contains { $0.layer != nil }
        let nodeLayer: [Int?]? = layersKnown
            ? network.people.map { person in person.layer.flatMap { Layer.allCases.firstIndex(of: $0) } } : nil
        let symmetrisation = options.symmetrisation
        let summaries = PartnershipSummary(network: network, level: level, selections: selectionsWanted, symmetrisation: symmetrisation).themes
        let groups = self.groups
        selections = Self.analyse(zip(selectionsWanted, summaries)) {
            network.graph($0, level: level, symmetrisation: symmetrisation)
        } fresh: { selection, summary, graph in
            SelectionAnalysis(
                network: network, selection: selection, graph: graph, summary: summary,
                nodeOrganisation: nodeOrganisation, nodeLayer: nodeLayer, groups: groups, resilienceSteps: options.resilienceSteps)
        }
        themeOverlap = network.themeOverlap()
        if level == .people && network.unit == .people {
            let organisationSummaries = PartnershipSummary(network: network, level: .organisations, selections: selectionsWanted,
                                                           symmetrisation: symmetrisation).themes
            organisationNetworks = Self.analyse(zip(selectionsWanted, organisationSummaries)) {
                network.graph($0, level: .organisations, symmetrisation: symmetrisation)
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

    /// The findings of one selection seen on its own, as an analysis of that
    /// selection alone would give them (its gatekeepers, bridges and isolated
    /// people), without analysing it again: what a map of one theme marks.
    ///
    /// - Parameter id: a theme id or `all`; one not analysed gives ``findings``.
    public func findings(focusingOn id: String) -> [Finding] {
        id == Theme.allID || selection(id) == nil ? findings : FindingsBuilder(analysis: self, focus: id).findings()
    }

    /// The selection the findings are judged on: `all`, or the last theme
    /// analysed when `all` was not (`analyse --theme T`).
    public var judgedSelection: SelectionAnalysis? { selection(Theme.allID) ?? selections.last }

    /// Every warning an output lists: the import's, then those about
    /// organisation types that the statutory-partner check reads.
    public var warnings: [Diagnostic] { Self.warnings(of: network, options: options) }

    /// ``warnings`` before the analysis is made: the network's import warnings,
    /// then the statutory-partner check's warnings about organisation types.
    public static func warnings(of network: PartnershipNetwork, options: AnalysisOptions) -> [Diagnostic] {
        network.warnings + (options.statutory?.typeWarnings(in: network) ?? [])
    }

    /// The analysis of one selection, by theme id or `all`.
    public func selection(_ id: String) -> SelectionAnalysis? { selections.first { $0.id == id } }

    /// The node that stands for organisation `organisation`: the organisation
    /// itself at organisation level, the node of that name in a survey of
    /// organisations; `nil` when the nodes are people.
    public func node(ofOrganisation organisation: Int) -> Int? {
        if options.level == .organisations { return organisation }
        guard network.unit == .organisations else { return nil }
        return network.personIndex(named: network.organisations[organisation].name)
    }

    /// The node a finding's subject stands for in this analysis, or `nil`
    /// when it names an organisation and the nodes are people.
    public func node(of subject: NodeReference) -> Int? {
        subject.level == options.level ? subject.index : node(ofOrganisation: subject.index)
    }

    /// The node of a name at the analysed level (compared as ``NameKey`` does), or `nil`.
    public func node(named name: String) -> Int? {
        options.level == .people ? network.personIndex(named: name) : network.organisationIndex(named: name)
    }
}
