/// A node metric that can be asked for on its own (`--metrics`).
public enum NodeMetric: String, CaseIterable, Sendable {
    case degree, strength, betweenness
    case weightedBetweenness = "weighted-betweenness"
    case closeness, pagerank, eigenvector, constraint, core, clustering
    case cutPoints = "cut-points"
    case brokerage

    /// The output columns the metric fills.
    public var columns: [String] {
        switch self {
        case .degree: return ["in_degree", "out_degree", "degree"]
        case .strength: return ["in_strength", "out_strength"]
        case .betweenness: return ["betweenness", "betweenness_normalised"]
        case .weightedBetweenness: return ["weighted_betweenness", "weighted_betweenness_normalised"]
        case .closeness: return ["harmonic", "closeness"]
        case .pagerank: return ["pagerank"]
        case .eigenvector: return ["eigenvector"]
        case .constraint: return ["constraint", "effective_size"]
        case .core: return ["core"]
        case .clustering: return ["clustering"]
        case .cutPoints: return ["articulation_point", "removal_impact"]
        case .brokerage: return ["brokerage_coordinator", "brokerage_itinerant", "brokerage_gatekeeper", "brokerage_representative",
                                 "brokerage_liaison", "brokerage_total"]
        }
    }
}

/// Only the node metrics asked for, as named columns (one value per node),
/// computed without the rest: the way to get one figure from a large network.
public struct SelectedMetrics: Sendable {
    /// The columns, in the order of ``NodeMetric/allCases``; booleans are 0 or 1.
    public var columns: [(name: String, values: [Double?])]
    /// The estimates made by sampling (with `approximation`), for the sample sizes.
    public var estimates: [(metric: NodeMetric, estimate: ApproximateBetweenness)]

    /// Computes the metrics in `metrics` for `graph`; `groups` is needed for brokerage.
    ///
    /// - Parameters:
    ///   - tieLength: how `weighted-betweenness` turns a tie's weight into its length.
    ///   - approximation: when given, `betweenness` and `weighted-betweenness` are
    ///     estimated by sampling (``ApproximateBetweenness``) instead of computed exactly.
    /// - Throws: ``WeightedBetweenness/InvalidLength`` when `weighted-betweenness` is asked
    ///   for and a tie's weight cannot be a length.
    public init(_ graph: Digraph, groups: [Int], metrics: Set<NodeMetric>, tieLength: WeightedBetweenness.Length = .weight,
                approximation: ApproximateBetweenness.Parameters? = nil) throws(WeightedBetweenness.InvalidLength) {
        let n = graph.nodeCount
        var columns: [(String, [Double?])] = []
        var estimates: [(NodeMetric, ApproximateBetweenness)] = []
        let needsUndirected: Set<NodeMetric> = [.eigenvector, .core, .clustering, .cutPoints]
        let undirected = metrics.isDisjoint(with: needsUndirected) && !metrics.contains(.degree) ? nil : graph.symmetrised()
        let exactBetweenness = metrics.contains(.betweenness) && approximation == nil
        let paths = exactBetweenness || metrics.contains(.closeness) ? PathCentralities(graph, edges: false) : nil
        let lengths = metrics.contains(.weightedBetweenness) ? try WeightedBetweenness.lengths(of: graph, tieLength) : nil
        for metric in NodeMetric.allCases where metrics.contains(metric) {
            switch metric {
            case .degree:
                columns.append(("in_degree", (0..<n).map { Double(graph.inDegree(of: $0)) }))
                columns.append(("out_degree", (0..<n).map { Double(graph.outDegree(of: $0)) }))
                columns.append(("degree", (0..<n).map { Double(undirected!.degree(of: $0)) }))
            case .strength:
                columns.append(("in_strength", (0..<n).map { v in graph.inWeights[Int(graph.inOffsets[v])..<Int(graph.inOffsets[v + 1])].reduce(0, +) }))
                columns.append(("out_strength", (0..<n).map { v in graph.outWeights[Int(graph.outOffsets[v])..<Int(graph.outOffsets[v + 1])].reduce(0, +) }))
            case .betweenness:
                if let approximation {
                    let estimate = ApproximateBetweenness(graph, approximation)
                    estimates.append((metric, estimate))
                    columns.append(("betweenness", estimate.betweenness))
                    columns.append(("betweenness_normalised", estimate.betweennessNormalised))
                } else {
                    columns.append(("betweenness", paths!.betweenness))
                    columns.append(("betweenness_normalised", paths!.betweennessNormalised))
                }
            case .weightedBetweenness:
                if let approximation {
                    let estimate = ApproximateBetweenness(graph, approximation, lengths: lengths!)
                    estimates.append((metric, estimate))
                    columns.append(("weighted_betweenness", estimate.betweenness))
                    columns.append(("weighted_betweenness_normalised", estimate.betweennessNormalised))
                } else {
                    let weighted = WeightedBetweenness(graph, lengths: lengths!)
                    columns.append(("weighted_betweenness", weighted.betweenness))
                    columns.append(("weighted_betweenness_normalised", weighted.betweennessNormalised))
                }
            case .closeness:
                columns.append(("harmonic", paths!.harmonic))
                columns.append(("closeness", paths!.closeness))
            case .pagerank: columns.append(("pagerank", graph.pageRank()))
            case .eigenvector: columns.append(("eigenvector", undirected!.eigenvectorCentrality()))
            case .constraint:
                let holes = StructuralHoles(graph)
                columns.append(("constraint", holes.constraint))
                columns.append(("effective_size", holes.effectiveSize))
            case .core: columns.append(("core", undirected!.coreNumbers().map(Double.init)))
            case .clustering: columns.append(("clustering", undirected!.localClustering()))
            case .cutPoints:
                let cut = CutPoints(undirected!)
                columns.append(("articulation_point", cut.isArticulationPoint.map { $0 ? 1 : 0 }))
                columns.append(("removal_impact", cut.removalImpact))
            case .brokerage:
                let brokerage = Brokerage(graph, groups: groups)
                for (k, role) in BrokerageRole.allCases.enumerated() {
                    columns.append(("brokerage_\(role.rawValue)", brokerage.raw.map { $0.counts[k] }))
                }
                columns.append(("brokerage_total", brokerage.raw.map(\.total)))
            }
        }
        self.columns = columns
        self.estimates = estimates
    }
}
