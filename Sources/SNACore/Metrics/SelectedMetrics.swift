/// A node metric that can be asked for on its own (`--metrics`).
public enum NodeMetric: String, CaseIterable, Sendable {
    case degree, strength, betweenness
    case weightedBetweenness = "weighted-betweenness"
    case closeness, pagerank, eigenvector, constraint, core, clustering
    case cutPoints = "cut-points"
    case brokerage

    /// The output columns the metric fills, in output order (``NodeMetricColumn``).
    public var columns: [String] { NodeMetricColumn.all.filter { $0.metric == self }.map(\.name) }
}

/// Only the node metrics asked for, as named columns (one value per node),
/// computed without the rest: the way to get one figure from a large network.
public struct SelectedMetrics: Sendable {
    /// The columns, in the catalogue's order (``NodeMetricColumn/all``); flags are 0 or 1.
    public let columns: [(name: String, values: [Double?])]
    /// The estimates made by sampling (with `approximation`), for the sample sizes.
    public let estimates: [(metric: NodeMetric, estimate: ApproximateBetweenness)]
    /// The eigenvector iteration, when `eigenvector` was asked for (its scores are approximate when it did not converge).
    public let eigenvectorIteration: EigenvectorCentrality?

    /// Computes the metrics in `metrics` for `graph`; `groups` is needed for brokerage.
    ///
    /// - Parameters:
    ///   - tieLength: how `weighted-betweenness` turns a tie's weight into its length.
    ///   - approximation: when given, `betweenness` and `weighted-betweenness` are
    ///     estimated by sampling (``ApproximateBetweenness``) instead of computed exactly.
    /// - Throws: ``WeightedBetweenness/InvalidLength`` when `weighted-betweenness` is asked
    ///   for and a tie's weight cannot be a length.
    package init(_ graph: Digraph, groups: [Int], metrics: Set<NodeMetric>, tieLength: WeightedBetweenness.Length = .weight,
                approximation: ApproximateBetweenness.Parameters? = nil) throws(WeightedBetweenness.InvalidLength) {
        let n = graph.nodeCount
        var computed: [String: [Double?]] = [:]
        func put(_ name: String, _ values: [Double?]) { computed[name] = values }
        var estimates: [(NodeMetric, ApproximateBetweenness)] = []
        var eigenvectorIteration: EigenvectorCentrality?
        let needsUndirected: Set<NodeMetric> = [.eigenvector, .core, .clustering, .cutPoints]
        let undirected = metrics.isDisjoint(with: needsUndirected) && !metrics.contains(.degree) ? nil : graph.symmetrised()
        let exactBetweenness = metrics.contains(.betweenness) && approximation == nil
        let paths = exactBetweenness || metrics.contains(.closeness) ? PathCentralities(graph, edges: false) : nil
        let lengths = metrics.contains(.weightedBetweenness) ? try WeightedBetweenness.lengths(of: graph, tieLength) : nil
        for metric in NodeMetric.allCases where metrics.contains(metric) {
            switch metric {
            case .degree:
                put("in_degree", (0..<n).map { Double(graph.inDegree(of: $0)) })
                put("out_degree", (0..<n).map { Double(graph.outDegree(of: $0)) })
                put("degree", (0..<n).map { Double(undirected!.degree(of: $0)) })
            case .strength:
                put("in_strength", (0..<n).map { v in graph.inWeights[Int(graph.inOffsets[v])..<Int(graph.inOffsets[v + 1])].reduce(0, +) })
                put("out_strength", (0..<n).map { v in graph.outWeights[Int(graph.outOffsets[v])..<Int(graph.outOffsets[v + 1])].reduce(0, +) })
            case .betweenness:
                if let approximation {
                    let estimate = ApproximateBetweenness(graph, approximation)
                    estimates.append((metric, estimate))
                    put("betweenness", estimate.betweenness)
                    put("betweenness_normalised", estimate.betweennessNormalised)
                } else {
                    put("betweenness", paths!.betweenness)
                    put("betweenness_normalised", paths!.betweennessNormalised)
                }
            case .weightedBetweenness:
                if let approximation {
                    let estimate = ApproximateBetweenness(graph, approximation, lengths: lengths!)
                    estimates.append((metric, estimate))
                    put("weighted_betweenness", estimate.betweenness)
                    put("weighted_betweenness_normalised", estimate.betweennessNormalised)
                } else {
                    let weighted = WeightedBetweenness(graph, lengths: lengths!)
                    put("weighted_betweenness", weighted.betweenness)
                    put("weighted_betweenness_normalised", weighted.betweennessNormalised)
                }
            case .closeness:
                put("harmonic", paths!.harmonic)
                put("closeness", paths!.closeness)
            case .pagerank: put("pagerank", graph.pageRank())
            case .eigenvector:
                let iteration = undirected!.eigenvector()
                eigenvectorIteration = iteration
                put("eigenvector", iteration.scores)
            case .constraint:
                let holes = StructuralHoles(graph)
                put("constraint", holes.constraint)
                put("effective_size", holes.effectiveSize)
            case .core: put("core", undirected!.coreNumbers().map(Double.init))
            case .clustering: put("clustering", undirected!.localClustering())
            case .cutPoints:
                let cut = CutPoints(undirected!)
                put("articulation_point", cut.isArticulationPoint.map { $0 ? 1 : 0 })
                put("removal_impact", cut.removalImpact)
            case .brokerage:
                let brokerage = Brokerage(graph, groups: groups)
                for (k, role) in BrokerageRole.allCases.enumerated() {
                    put("brokerage_\(role.rawValue)", brokerage.raw.map { $0.counts[k] })
                    put("brokerage_z_\(role.rawValue)", brokerage.z.map { $0[k] })
                }
                put("brokerage_total", brokerage.raw.map(\.total))
                put("brokerage_z_total", brokerage.z.map { $0[BrokerageRole.allCases.count] })
            }
        }
        self.columns = NodeMetricColumn.all.filter { metrics.contains($0.metric) }.map { ($0.name, computed[$0.name]!) }
        self.estimates = estimates
        self.eigenvectorIteration = eigenvectorIteration
    }
}
