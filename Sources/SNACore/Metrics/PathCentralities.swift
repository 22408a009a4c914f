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
/// the same on any number of cores.
public struct PathCentralities: Sendable, Equatable {
    /// Raw betweenness per node.
    public var betweenness: [Double]
    /// Betweenness per edge, in the order of ``Digraph/outTargets``.
    public var edgeBetweenness: [Double]
    /// Harmonic closeness per node (out-paths, normalised by n-1).
    public var harmonic: [Double]
    /// Wasserman-Faust closeness per node (out-paths).
    public var closeness: [Double]
    /// The number of nodes each node reaches.
    public var reached: [Int]
    /// The sum of the distances to the nodes each node reaches.
    public var totalDistance: [Int]
    /// The longest distance to a node each node reaches (0 if it reaches none).
    public var eccentricity: [Int]

    /// Diameter and mean distance over the pairs (u, v) with u in `sources`
    /// and a path from u to v, from the searches already made: for the members
    /// of a weak component this is that component's directed distance summary.
    public func distanceSummary(sources: [Int]) -> DistanceSummary {
        let pairs = sources.reduce(0) { $0 + reached[$1] }, total = sources.reduce(0) { $0 + totalDistance[$1] }
        return DistanceSummary(diameter: sources.map { eccentricity[$0] }.max() ?? 0,
                               meanDistance: pairs == 0 ? nil : Double(total) / Double(pairs), connectedPairs: pairs)
    }

    /// Betweenness divided by (n-1)(n-2), the number of ordered pairs of other nodes; 0 when n < 3.
    public var betweennessNormalised: [Double] {
        let n = Double(betweenness.count)
        return betweenness.map { n < 3 ? 0 : $0 / ((n - 1) * (n - 2)) }
    }

    /// Computes every path centrality of `graph`; `edges: false` skips edge
    /// betweenness (left empty), which saves a write per shortest-path edge.
    ///
    /// - Complexity: O(V E) time, O(V + E) memory per stripe.
    public init(_ graph: Digraph, edges: Bool = true) {
        let n = graph.nodeCount
        let partials = Parallel.stripes { stripe -> Partial in
            var partial = Partial(nodes: n, edges: edges ? graph.edgeCount : 0)
            let search = Search(nodes: n)
            graph.withAdjacency { adjacency in
                var source = stripe
                while source < n {
                    search.run(from: source, in: adjacency, edges: edges, into: &partial)
                    source += Parallel.stripes
                }
            }
            return partial
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

    /// One stripe's sums.
    private struct Partial: Sendable {
        var betweenness: [Double]
        var edgeBetweenness: [Double]
        var harmonic: [Double]
        var closeness: [Double]
        var reached: [Int]
        var totalDistance: [Int]
        var eccentricity: [Int]

        init(nodes: Int, edges: Int) {
            betweenness = [Double](repeating: 0, count: nodes)
            edgeBetweenness = [Double](repeating: 0, count: edges)
            harmonic = [Double](repeating: 0, count: nodes)
            closeness = [Double](repeating: 0, count: nodes)
            reached = [Int](repeating: 0, count: nodes)
            totalDistance = reached
            eccentricity = reached
        }
    }

    /// Working arrays reused across the sources of one stripe, allocated once.
    ///
    /// The inner loops have no data-dependent branches: whether a neighbour is
    /// new, one step further or neither is unpredictable, and a mispredicted
    /// branch per edge cost more than the search itself. Values that only
    /// matter for successors one level further are kept in two arrays by the
    /// parity of the node's distance, so that a sum over all out-neighbours
    /// picks up exactly the right ones (see `run`). Results are bit-identical
    /// to the branching form: the extra terms are exact zeros.
    private final class Search {
        let nodes: Int
        let distance: UnsafeMutablePointer<Int32>
        /// Shortest-path counts from the source.
        let paths: UnsafeMutablePointer<Double>
        /// (1 + dependency) / paths, by parity of distance.
        let evenRatio: UnsafeMutablePointer<Double>
        let oddRatio: UnsafeMutablePointer<Double>
        /// The nodes reached, in order of distance; the search's queue. One slot
        /// more than nodes: every neighbour is written at the end and then kept or not.
        let order: UnsafeMutablePointer<Int32>

        init(nodes: Int) {
            self.nodes = nodes
            distance = .allocate(capacity: nodes)
            distance.initialize(repeating: -1, count: nodes)
            paths = Self.zeros(nodes)
            evenRatio = Self.zeros(nodes)
            oddRatio = Self.zeros(nodes)
            order = .allocate(capacity: nodes + 1)
            order.initialize(repeating: 0, count: nodes + 1)
        }

        private static func zeros(_ count: Int) -> UnsafeMutablePointer<Double> {
            let pointer = UnsafeMutablePointer<Double>.allocate(capacity: count)
            pointer.initialize(repeating: 0, count: count)
            return pointer
        }

        deinit {
            for pointer in [paths, evenRatio, oddRatio] { pointer.deallocate() }
            distance.deallocate()
            order.deallocate()
        }

        func run(from source: Int, in graph: Digraph.Adjacency, edges: Bool, into partial: inout Partial) {
            // Locals, so that stores through the buffers cannot be taken to change them.
            let n = nodes, distance = distance, order = order
            let paths = paths, evenRatio = evenRatio, oddRatio = oddRatio
            // 1. Breadth-first search with path counts. Every out-neighbour is
            // written at the queue's end and kept only if it was unreached; it
            // gains v's paths if unreached or one step further (paths of
            // unreached nodes are 0), and otherwise gains 0.
            var count = 1
            distance[source] = 0
            paths[source] = 1
            order[0] = Int32(source)
            var head = 0
            // Sums of distance and 1/distance over the nodes found, a level at a time.
            var reachedDistance = 0, inverseDistances = 0.0
            var levelDistance: Int32 = 1, levelCount = 0
            while head < count {
                let v = Int(order[head])
                head &+= 1
                let next = distance[v] &+ 1
                let pathsV = paths[v]
                let before = count
                for position in Int(graph.outOffsets[v])..<Int(graph.outOffsets[v &+ 1]) {
                    let w = Int(graph.outTargets[position])
                    let dw = distance[w]
                    // Masks rather than conditions: the compiler turns a select
                    // between loaded values back into a branch.
                    let unreached = dw >> 31  // all ones if dw is -1, else 0
                    order[count] = Int32(truncatingIfNeeded: w)
                    count &-= Int(unreached)
                    distance[w] = dw &+ ((next &+ 1) & unreached)
                    let gains = UInt64(truncatingIfNeeded: Int64(unreached)) | (dw == next ? UInt64.max : 0)
                    paths[w] += Double(bitPattern: pathsV.bitPattern & gains)
                }
                if next != levelDistance {
                    inverseDistances += Double(levelCount) / Double(levelDistance)
                    reachedDistance &+= levelCount &* Int(levelDistance)
                    levelDistance = next
                    levelCount = 0
                }
                levelCount &+= count &- before
            }
            inverseDistances += Double(levelCount) / Double(levelDistance)
            reachedDistance &+= levelCount &* Int(levelDistance)
            let reached = count - 1
            partial.reached[source] = reached
            partial.totalDistance[source] = reachedDistance
            partial.eccentricity[source] = Int(distance[Int(order[count - 1])])
            if n > 1 {
                partial.harmonic[source] = inverseDistances / Double(n - 1)
                if reached > 0 {
                    partial.closeness[source] = (Double(reached) / Double(reachedDistance)) * (Double(reached) / Double(n - 1))
                }
            }
            // 2. Dependencies in order of decreasing distance, over out-edges: a
            // node's dependency is its path count times the sum, over its
            // successors w one step further, of ratio(w) = (1 + dependency[w]) /
            // paths[w]. A node at distance d writes its ratio to the array of d's
            // parity and reads its successors' from the other one. An
            // out-neighbour is at most one step further; in the array v reads,
            // the only nonzero entries within that reach are those one step
            // further (nearer nodes of that parity are not done yet, unreached
            // nodes stay 0), so the sum runs over every out-edge unchecked.
            partial.betweenness.withUnsafeMutableBufferPointer { betweenness in
            partial.edgeBetweenness.withUnsafeMutableBufferPointer { edgeBetweenness in
                var index = count - 1
                while index >= 0 {
                    let v = Int(order[index])
                    let odd = distance[v] & 1 == 1
                    let successorRatio = odd ? evenRatio : oddRatio
                    let pathsV = paths[v]
                    var sum = 0.0
                    if edges {
                        for edge in Int(graph.outOffsets[v])..<Int(graph.outOffsets[v &+ 1]) {
                            let ratio = successorRatio[Int(graph.outTargets[edge])]
                            sum += ratio
                            edgeBetweenness[edge] += pathsV * ratio
                        }
                    } else {
                        for edge in Int(graph.outOffsets[v])..<Int(graph.outOffsets[v &+ 1]) {
                            sum += successorRatio[Int(graph.outTargets[edge])]
                        }
                    }
                    let dependency = pathsV * sum
                    if v != source { betweenness[v] += dependency }
                    (odd ? oddRatio : evenRatio)[v] = (1 + dependency) / pathsV
                    index -= 1
                }
            }}
            // Reset what this source wrote.
            for position in 0..<count {
                let v = Int(order[position])
                let odd = distance[v] & 1 == 1
                paths[v] = 0
                (odd ? oddRatio : evenRatio)[v] = 0
                distance[v] = -1
            }
        }
    }
}

extension Digraph {
    /// The four adjacency arrays as raw buffers, for inner loops that run
    /// V times over every edge, where bounds checks would dominate.
    public struct Adjacency {
        /// See ``Digraph/outOffsets``.
        public let outOffsets: UnsafeBufferPointer<Int32>
        /// See ``Digraph/outTargets``.
        public let outTargets: UnsafeBufferPointer<Int32>
        /// See ``Digraph/inOffsets``.
        public let inOffsets: UnsafeBufferPointer<Int32>
        /// See ``Digraph/inSources``.
        public let inSources: UnsafeBufferPointer<Int32>
    }

    /// Calls `body` with the adjacency arrays as raw buffers, valid only inside it.
    public func withAdjacency<Result>(_ body: (Adjacency) throws -> Result) rethrows -> Result {
        try outOffsets.withUnsafeBufferPointer { outOffsets in
            try outTargets.withUnsafeBufferPointer { outTargets in
                try inOffsets.withUnsafeBufferPointer { inOffsets in
                    try inSources.withUnsafeBufferPointer { inSources in
                        try body(Adjacency(outOffsets: outOffsets, outTargets: outTargets, inOffsets: inOffsets, inSources: inSources))
                    }
                }
            }
        }
    }

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
