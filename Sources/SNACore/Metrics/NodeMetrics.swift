/// Every node-level metric of one graph, computed together.
///
/// Path metrics and brokerage use the unweighted directed graph; degree,
/// clustering, cores, cut-points and eigenvector use the symmetrised graph;
/// strengths use the weights. Conventions: docs/metrics.md.
public struct NodeMetrics: Sendable {
    /// Ties received.
    public let inDegree: [Int]
    /// Ties sent.
    public let outDegree: [Int]
    /// Distinct neighbours in either direction (degree in the symmetrised graph).
    public let degree: [Int]
    /// Sum of the weights of ties received.
    public let inStrength: [Double]
    /// Sum of the weights of ties sent.
    public let outStrength: [Double]
    /// Betweenness, harmonic and Wasserman-Faust closeness, edge betweenness.
    public let paths: PathCentralities
    /// PageRank (damping 0.85).
    public let pageRank: [Double]
    /// Eigenvector centrality on the symmetrised graph, maximum 1.
    public var eigenvector: [Double] { eigenvectorIteration.scores }
    /// The eigenvector scores with whether their iteration converged.
    public let eigenvectorIteration: EigenvectorCentrality
    /// Burt's constraint and effective size.
    public let structuralHoles: StructuralHoles
    /// k-core number on the symmetrised graph.
    public let core: [Int]
    /// Local clustering on the symmetrised graph.
    public let clustering: [Double]
    /// Cut-points, bridges and removal impact on the symmetrised graph.
    public let cutPoints: CutPoints
    /// Gould-Fernandez brokerage by group.
    public let brokerage: Brokerage
    /// The symmetrised graph the undirected metrics used.
    public let undirected: UndirectedGraph

    /// Computes every metric of `graph`; `groups` gives each node's group for brokerage.
    package init(_ graph: Digraph, groups: [Int]) {
        let n = graph.nodeCount
        let undirected = graph.symmetrised()
        self.undirected = undirected
        inDegree = (0..<n).map { graph.inDegree(of: $0) }
        outDegree = (0..<n).map { graph.outDegree(of: $0) }
        degree = (0..<n).map { undirected.degree(of: $0) }
        inStrength = (0..<n).map { v in graph.inWeights[Int(graph.inOffsets[v])..<Int(graph.inOffsets[v + 1])].reduce(0, +) }
        outStrength = (0..<n).map { v in graph.outWeights[Int(graph.outOffsets[v])..<Int(graph.outOffsets[v + 1])].reduce(0, +) }
        paths = PathCentralities(graph)
        pageRank = graph.pageRank()
        eigenvectorIteration = undirected.eigenvector()
        structuralHoles = StructuralHoles(graph)
        core = undirected.coreNumbers()
        clustering = undirected.localClustering()
        cutPoints = CutPoints(undirected)
        brokerage = Brokerage(graph, groups: groups)
    }
}
