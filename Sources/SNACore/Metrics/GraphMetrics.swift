/// Every metric of the library has one call shape: a method of the graph it
/// is measured on, returning a value (a result type with one entry per node,
/// or a number). The result types keep their fields; only this file makes
/// them.
///
/// ```swift
/// let graph = network.graph(.all, level: .people, symmetrisation: .none)
/// let paths = graph.pathCentralities()            // betweenness, closeness, distances
/// let ranks = graph.pageRank()
/// let cut = graph.symmetrised().cutPoints()       // gatekeepers' marks
/// let roles = graph.brokerage(groups: groups)     // Gould and Fernandez
/// let all = graph.nodeMetrics(groups: groups)     // everything the analysis reports
/// ```
///
/// A partnership's results read by name go through ``PartnershipAnalysis``
/// (``PartnershipAnalysis/value(_:of:in:)``).
extension Digraph {
    /// Every per-node metric the analysis reports (``NodeMetrics``).
    ///
    /// - Complexity: dominated by betweenness, O(V E).
    public func nodeMetrics(groups: [Int]) -> NodeMetrics { NodeMetrics(self, groups: groups) }

    /// The metrics named in `metrics` only (``SelectedMetrics``), each
    /// computed once; exact or, with `approximation`, sampled betweenness.
    ///
    /// - Throws: ``WeightedBetweenness/InvalidLength`` when weighted
    ///   betweenness is asked for and a tie's weight cannot be a length.
    public func selectedMetrics(
        _ metrics: Set<NodeMetric>, groups: [Int], tieLength: WeightedBetweenness.Length = .weight,
        approximation: ApproximateBetweenness.Parameters? = nil
    ) throws(WeightedBetweenness.InvalidLength) -> SelectedMetrics {
        try SelectedMetrics(self, groups: groups, metrics: metrics, tieLength: tieLength, approximation: approximation)
    }

    /// Betweenness (of nodes and, with `edges`, of ties), closeness and
    /// harmonic closeness over shortest paths (Brandes 2001).
    ///
    /// - Complexity: O(V E).
    public func pathCentralities(edges: Bool = true) -> PathCentralities { PathCentralities(self, edges: edges) }

    /// Betweenness over shortest paths whose lengths come from the ties' strengths.
    ///
    /// - Throws: ``WeightedBetweenness/InvalidLength`` when a strength cannot be a length.
    /// - Complexity: O(V E log V).
    public func weightedBetweenness(length: WeightedBetweenness.Length = .weight) throws(WeightedBetweenness.InvalidLength) -> WeightedBetweenness {
        try WeightedBetweenness(self, length: length)
    }

    /// Betweenness over shortest paths with one given length per out-edge.
    ///
    /// - Complexity: O(V E log V).
    public func weightedBetweenness(lengths: [Double]) -> WeightedBetweenness { WeightedBetweenness(self, lengths: lengths) }

    /// Betweenness estimated from sampled shortest paths (Riondato and
    /// Kornaropoulos 2016), weighted when `lengths` are given.
    ///
    /// - Complexity: O(r (V + E)) for r samples (``ApproximateBetweenness/samples``).
    public func approximateBetweenness(_ parameters: ApproximateBetweenness.Parameters, lengths: [Double]? = nil) -> ApproximateBetweenness {
        ApproximateBetweenness(self, parameters, lengths: lengths)
    }

    /// Gould and Fernandez brokerage roles against a grouping of the nodes.
    ///
    /// - Complexity: O(V log V + E + Σ_(a->b) min(out(a), in(b)) log d), as
    ///   ``Brokerage`` says: bounded by the ties around each node.
    public func brokerage(groups: [Int]) -> Brokerage { Brokerage(self, groups: groups) }

    /// Burt's constraint and effective size.
    ///
    /// - Complexity: O(Σ_{i,j} min(d_i, d_j) log d) over the symmetrised ties
    ///   {i, j} (O(E log d) for stars).
    public func structuralHoles() -> StructuralHoles { StructuralHoles(self) }

    /// Ties, density, reciprocity and components of the whole graph.
    ///
    /// - Complexity: O(V + E log d).
    public func summary() -> GraphSummary { GraphSummary(self) }
}

extension UndirectedGraph {
    /// Cut-points, bridges and the removal impact of every node, ignoring
    /// the nodes in `removed`.
    ///
    /// - Complexity: O(V + E).
    public func cutPoints(removed: [Bool]? = nil) -> CutPoints { CutPoints(self, removed: removed) }

    /// The depth-first forest that says whom each cut-point and bridge separates.
    ///
    /// - Complexity: O(V + E).
    public func separations(removed: [Bool]? = nil) -> CutPoints.Separations { CutPoints.Separations(self, removed: removed) }

    /// Freeman's degree centralisation: Σ(max d - d_i) / ((n-1)(n-2)), as
    /// igraph `centralization_degree(mode="all", loops=False, normalized=True)`
    /// and sna `centralization(g, degree, mode="graph")`; 0 when n < 3.
    ///
    /// - Complexity: O(V).
    public func degreeCentralisation() -> Double {
        let n = nodeCount
        guard n >= 3 else { return 0 }
        let degrees = (0..<n).map { degree(of: $0) }
        let top = degrees.max()!
        let sum = degrees.reduce(0) { $0 + (top - $1) }
        return Double(sum) / (Double(n - 1) * Double(n - 2))
    }
}

extension PathCentralities {
    /// Freeman's betweenness centralisation of the directed graph:
    /// Σ(max b - b_i) / ((n-1)²(n-2)), as igraph
    /// `centralization_betweenness(directed=True, normalized=True)`; 0 when n < 3.
    ///
    /// - Complexity: O(V).
    public var betweennessCentralisation: Double {
        let n = Double(betweenness.count)
        guard n >= 3, let top = betweenness.max() else { return 0 }
        return betweenness.reduce(0) { $0 + (top - $1) } / ((n - 1) * (n - 1) * (n - 2))
    }
}
