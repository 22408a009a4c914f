/// Everything computed for one theme (or `all`) at one level.
public struct SelectionAnalysis: Sendable {
    /// Which theme.
    public private(set) var selection: ThemeSelection
    /// The theme's id, or `all`.
    public private(set) var id: String
    /// The theme's label.
    public private(set) var label: String
    /// The graph analysed (after symmetrisation, if any).
    public let graph: Digraph
    /// Size and shape.
    public private(set) var summary: ThemeSummary
    /// Node metrics, indexed by node like the graph.
    ///
    /// A selection whose ties touch few of the nodes (under one in eight, of
    /// at most 50,000: one theme of thousands) keeps no metrics, which would be
    /// mostly the same zeros for every node, and computes them again from
    /// ``graph`` each time they are read, with the same values bit for bit
    /// (every metric is deterministic). That costs the O(V + E) passes of
    /// ``NodeMetrics`` over a small, sparse graph per read; read them once
    /// per use (`let m = selection.metrics`), not per node.
    public var metrics: NodeMetrics {
        get { storedMetrics ?? NodeMetrics(graph, groups: groups) }
        set { storedMetrics = newValue }
    }
    /// The metrics, when kept.
    private var storedMetrics: NodeMetrics?
    /// Each node's group for brokerage, to compute the metrics again (the analysis' own array, shared).
    private let groups: [Int]
    /// Transitivity of the symmetrised graph.
    public let transitivity: Double
    /// Directed distances within the largest weak component.
    public let distances: DistanceSummary
    /// Undirected distances within the largest weak component.
    public let undirectedDistances: DistanceSummary
    /// Freeman degree centralisation (symmetrised).
    public let degreeCentralisation: Double
    /// Freeman betweenness centralisation (directed).
    public let betweennessCentralisation: Double
    /// Ties between and within organisations (nodes' organisations; empty groups left out).
    public let organisationBlocks: GroupBlocks
    /// Ties between and within layers, when any layer is known.
    public let layerBlocks: GroupBlocks?
    /// The "if these people left" curve.
    public let resilience: [RemovalStep]

    /// Analyses one graph of `network`.
    ///
    /// - Parameters:
    ///   - nodeOrganisation: each node's organisation position, or `nil`.
    ///   - groups: each node's group for brokerage.
    public init(
        network: PartnershipNetwork, selection: ThemeSelection, graph: Digraph, summary: ThemeSummary,
        nodeOrganisation: [Int?], nodeLayer: [Int?]?, groups: [Int], resilienceSteps: Int
    ) {
        self.selection = selection
        self.id = network.id(of: selection)
        self.label = network.label(of: selection)
        self.graph = graph
        self.summary = summary
        let metrics = NodeMetrics(graph, groups: groups)
        self.groups = groups
        var touched = 0
        for v in 0..<graph.nodeCount where metrics.degree[v] > 0 { touched += 1 }
        storedMetrics = Self.keepsMetrics(nodes: graph.nodeCount, touched: touched) ? metrics : nil
        transitivity = metrics.undirected.transitivity()
        let weak = graph.weakComponents()
        let largest = weak.sizes.firstIndex(of: weak.largest) ?? 0
        let members = (0..<graph.nodeCount).filter { weak.membership[$0] == largest }
        distances = metrics.paths.distanceSummary(sources: members)
        undirectedDistances = metrics.undirected.distanceSummary(within: members)
        degreeCentralisation = metrics.undirected.degreeCentralisation()
        betweennessCentralisation = metrics.paths.betweennessCentralisation
        organisationBlocks = GroupBlocks(graph, groupOf: nodeOrganisation, names: network.organisations.map(\.name))
        layerBlocks = nodeLayer.map { GroupBlocks(graph, groupOf: $0, names: Layer.allCases.map(\.rawValue)) }
        resilience = metrics.undirected.greedyRemoval(count: resilienceSteps)
    }

    /// Whether a selection of `nodes` nodes, `touched` of them with ties,
    /// keeps its metrics rather than computing them again when read.
    static func keepsMetrics(nodes: Int, touched: Int) -> Bool { nodes > 50_000 || touched * 8 >= nodes }

    /// The same analysis under another selection's name and summary, for a
    /// selection whose graph is this one's.
    func renamed(_ selection: ThemeSelection, id: String, label: String, summary: ThemeSummary) -> SelectionAnalysis {
        var copy = self
        copy.selection = selection
        copy.id = id
        copy.label = label
        copy.summary = summary
        return copy
    }
}
