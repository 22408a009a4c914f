/// The centralities that come from shortest paths, computed together from one
/// breadth-first search per source (unweighted, following tie direction).
///
/// - Betweenness: Brandes (2001), "A faster algorithm for betweenness
///   centrality", J. Math. Sociol. 25(2). Raw counts over ordered pairs, as
///   igraph `betweenness(directed=True)` and R sna `betweenness(gmode="digraph")`;
///   endpoints excluded. Normalised: raw / ((n-1)(n-2)).
/// - Edge betweenness: Brandes (2008), "On variants of shortest-path
///   betweenness centrality", Social Networks 30(2); as igraph `edge_betweenness(directed=True)`.
/// - Harmonic closeness: sum of 1/d(v,u) over the nodes v reaches, divided by
///   n-1; as igraph `harmonic_centrality(mode="out", normalized=True)`.
/// - Closeness: Wasserman and Faust (1994): with r nodes reachable from v at
///   total distance D, (r/D)(r/(n-1)); 0 when v reaches nobody. As networkx
///   `closeness_centrality(G.reverse(), wf_improved=True)`.
///
/// Sources run in parallel in fixed stripes (see ``Parallel``): the result is
/// the same on any number of cores. The search itself: ``BrandesSearch``.
public struct PathCentralities: Sendable, Equatable {
    /// Raw betweenness per node.
    public let betweenness: [Double]
    /// Betweenness per edge, in the order of ``Digraph/outTargets``.
    public let edgeBetweenness: [Double]
    /// Harmonic closeness per node (out-paths, normalised by n-1).
    public let harmonic: [Double]
    /// Wasserman-Faust closeness per node (out-paths).
    public let closeness: [Double]
    /// The number of nodes each node reaches.
    public let reached: [Int]
    /// The sum of the distances to the nodes each node reaches.
    public let totalDistance: [Int]
    /// The longest distance to a node each node reaches (0 if it reaches none).
    public let eccentricity: [Int]

    /// Diameter and mean distance over the pairs (u, v) with u in `sources`
    /// and a path from u to v, from the searches already made: for the members
    /// of a weak component this is that component's directed distance summary.
    public func distanceSummary(sources: [Int]) -> DistanceSummary {
        let pairs = sources.reduce(0) { $0 + reached[$1] }, total = sources.reduce(0) { $0 + totalDistance[$1] }
        return DistanceSummary(diameter: sources.map { eccentricity[$0] }.max() ?? 0,
                               meanDistance: pairs == 0 ? nil : Double(total) / Double(pairs), connectedPairs: pairs)
    }

    /// Betweenness divided by (n-1)(n-2), the number of ordered pairs of other nodes; 0 when n < 3 (``BetweennessScale``).
    public var betweennessNormalised: [Double] { betweenness.indices.map(betweennessNormalised(of:)) }

    /// One node's normalised betweenness, without building the whole array.
    ///
    /// - Complexity: O(1).
    public func betweennessNormalised(of v: Int) -> Double {
        BetweennessScale.normalised(betweenness[v], nodeCount: betweenness.count)
    }

    /// Computes every path centrality of `graph`; `edges: false` skips edge
    /// betweenness (left empty), which saves a write per shortest-path edge.
    ///
    /// - Complexity: O(V E) time, O(V + E) memory per stripe.
    package init(_ graph: Digraph, edges: Bool = true) {
        let n = graph.nodeCount
        let searchGraph = SearchGraph(graph)
        let partials = Parallel.stripes { stripe -> PathSums in
            var sums = PathSums(nodes: n, edges: edges ? graph.edgeCount : 0)
            let search = BrandesSearch(searchGraph)
            var source = stripe
            while source < n {
                search.run(from: source, edges: edges, into: &sums)
                source += Parallel.stripes
            }
            return sums
        }
        var betweenness = [Double](repeating: 0, count: n)
        var edgeBetweenness = [Double](repeating: 0, count: edges ? graph.edgeCount : 0)
        var harmonic = [Double](repeating: 0, count: n)
        var closeness = [Double](repeating: 0, count: n)
        var reached = [Int](repeating: 0, count: n), totalDistance = reached, eccentricity = reached
        for partial in partials {
            for v in 0..<n {
                betweenness[v] += partial.betweenness[v]
                harmonic[v] += partial.harmonic[v]
                closeness[v] += partial.closeness[v]
                reached[v] += partial.reached[v]
                totalDistance[v] += partial.totalDistance[v]
                eccentricity[v] = max(eccentricity[v], partial.eccentricity[v])
            }
            for e in edgeBetweenness.indices { edgeBetweenness[e] += partial.edgeBetweenness[e] }
        }
        self.betweenness = betweenness
        self.edgeBetweenness = edgeBetweenness
        self.harmonic = harmonic
        self.closeness = closeness
        self.reached = reached
        self.totalDistance = totalDistance
        self.eccentricity = eccentricity
    }
}

extension Digraph {
    /// For each in-edge position, the position of the same edge among the out-edges.
    ///
    /// - Complexity: O(E).
    public func inEdgeToOutEdge() -> [Int32] {
        var cursor = inOffsets
        var map = [Int32](repeating: 0, count: edgeCount)
        // Out-edges are sorted by tail, and in-edges of each head by tail too,
        // so walking out-edges in order fills each head's in-list in order.
        for v in 0..<nodeCount {
            for position in Int(outOffsets[v])..<Int(outOffsets[v + 1]) {
                let w = Int(outTargets[position])
                map[Int(cursor[w])] = Int32(position)
                cursor[w] += 1
            }
        }
        return map
    }
}
