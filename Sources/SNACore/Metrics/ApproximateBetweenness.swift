import Foundation

/// Betweenness estimated from a sample of shortest paths, for graphs too large
/// for the exact computation: Riondato and Kornaropoulos (2016), "Fast
/// approximation of betweenness centrality through sampling", Data Mining and
/// Knowledge Discovery 30(2).
///
/// It draws r ordered pairs (s, t) of distinct nodes uniformly, and for each
/// pair that has a path one shortest path from s to t uniformly among them;
/// a node's estimate is the share of samples whose path passes through it.
/// With
///
///     r = ⌈(c / ε'²) (⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉,  c = 0.5,  ε' = ε (n − 2) / n,
///
/// where VD bounds the number of nodes on any shortest path (here the size of
/// the largest weak component, which no shortest path can exceed), **every**
/// node's ``betweennessNormalised`` is within ε of the exact value (raw /
/// ((n−1)(n−2))) at once, with probability at least 1 − δ. (The paper bounds
/// the error of raw / (n(n−1)) by ε'; ε' = ε (n−2)/n turns that into ε for
/// snatool's normalisation.)
///
/// The pairs and each sample's random choices come from `seed` alone and the
/// per-node counts are integers, so the result is the same for a given seed
/// on any number of threads.
public struct ApproximateBetweenness: Sendable, Equatable {
    /// Why the parameters cannot be used.
    public enum ParameterError: Error, Sendable, Equatable, CustomStringConvertible {
        /// ε is not strictly between 0 and 1.
        case epsilon(Double)
        /// δ is not strictly between 0 and 1.
        case delta(Double)

        /// What is wrong, for a message.
        public var description: String {
            switch self {
            case .epsilon(let value): return "the error bound epsilon must be greater than 0 and less than 1 (it is \(value))"
            case .delta(let value): return "the failure probability delta must be greater than 0 and less than 1 (it is \(value))"
            }
        }
    }

    /// The parameters of an estimate, checked: 0 < ε < 1 and 0 < δ < 1.
    public struct Parameters: Sendable, Equatable {
        /// The largest error allowed in a normalised value.
        public let epsilon: Double
        /// The probability, at most, that some value misses that bound.
        public let delta: Double
        /// The seed of every random choice.
        public let seed: UInt64

        /// Checks and keeps the parameters.
        ///
        /// - Throws: ``ParameterError`` when ε or δ is not strictly between 0 and 1.
        public init(epsilon: Double, delta: Double = 0.1, seed: UInt64 = 1) throws(ParameterError) {
            guard epsilon > 0, epsilon < 1 else { throw .epsilon(epsilon) }
            guard delta > 0, delta < 1 else { throw .delta(delta) }
            self.epsilon = epsilon
            self.delta = delta
            self.seed = seed
        }
    }

    /// The parameters the estimate was made with.
    public let parameters: Parameters
    /// The number of pairs sampled.
    public let samples: Int
    /// The bound on the number of nodes of a shortest path the sample size was computed with.
    public let vertexDiameterBound: Int
    /// The estimated raw betweenness per node (comparable with ``PathCentralities/betweenness``).
    public let betweenness: [Double]
    /// The estimated normalised betweenness per node: within ε of the exact value, all at once, with probability at least 1 − δ (``parameters``).
    public let betweennessNormalised: [Double]

    /// The Riondato-Kornaropoulos sample size for `nodes` nodes whose shortest paths
    /// have at most `vertexDiameter` nodes; 0 when no node can lie inside a path.
    public static func sampleSize(epsilon: Double, delta: Double, vertexDiameter: Int, nodes: Int) -> Int {
        guard nodes >= 3, vertexDiameter >= 3 else { return 0 }
        let scaled = epsilon * Double(nodes - 2) / Double(nodes)
        let log2 = Int(Foundation.log2(Double(vertexDiameter - 2)).rounded(.down))
        return Int((0.5 / (scaled * scaled) * (Double(log2) + 1 + Foundation.log(1 / delta))).rounded(.up))
    }

    /// Estimates the betweenness of `graph` with ε = `epsilon`, δ = `delta` and `seed`.
    ///
    /// - Throws: ``ParameterError`` when ε or δ is not strictly between 0 and 1.
    package init(_ graph: Digraph, epsilon: Double, delta: Double = 0.1, seed: UInt64 = 1, lengths: [Double]? = nil) throws(ParameterError) {
        self.init(graph, try Parameters(epsilon: epsilon, delta: delta, seed: seed), lengths: lengths)
    }

    /// Estimates the betweenness of `graph`; with `lengths` (one per out-edge, positive or
    /// `.infinity`, as ``WeightedBetweenness/lengths(of:_:)`` gives) the weighted betweenness.
    ///
    /// - Complexity: O(r (V + E)) unweighted, O(r E log V) weighted, for r ``samples``.
    package init(_ graph: Digraph, _ parameters: Parameters, lengths: [Double]? = nil) {
        let (epsilon, delta, seed) = (parameters.epsilon, parameters.delta, parameters.seed)
        if let lengths { precondition(lengths.count == graph.edgeCount && lengths.allSatisfy { $0 > 0 }, "one positive length per edge") }
        let n = graph.nodeCount
        let components = graph.weakComponents()
        let bound = components.largest
        let samples = Self.sampleSize(epsilon: epsilon, delta: delta, vertexDiameter: bound, nodes: n)
        // Every random choice comes from one sequence, drawn here in sample order.
        var random = SeededGenerator(seed: seed)
        let pairs = (0..<samples).map { _ -> (source: Int32, target: Int32, seed: UInt64) in
            let source = random.nextInt(below: n)
            var target = random.nextInt(below: n - 1)
            if target >= source { target += 1 }
            return (Int32(source), Int32(target), random.next())
        }
        let inLengths = lengths.map { lengths in graph.inEdgeToOutEdge().map { lengths[Int($0)] } }
        let membership = components.membership
        let partials = Parallel.stripes { stripe -> [Int32] in
            var counts = [Int32](repeating: 0, count: n)
            var bfs = SampledBFS(nodes: n)
            var dijkstra = DijkstraSearch(nodes: lengths == nil ? 0 : n)
            var index = stripe
            while index < samples {
                let (source, target, pathSeed) = pairs[index]
                index += Parallel.stripes
                // No path between weak components: the sample counts for nobody.
                guard membership[Int(source)] == membership[Int(target)] else { continue }
                var pathRandom = SeededGenerator(seed: pathSeed)
                if let lengths, let inLengths {
                    dijkstra.run(from: Int(source), in: graph, lengths: lengths, inLengths: inLengths, stopAt: Int(target))
                    dijkstra.samplePath(to: Int(target), source: Int(source), in: graph, inLengths: inLengths,
                                        random: &pathRandom) { counts[$0] += 1 }
                    dijkstra.reset()
                } else {
                    bfs.run(from: Int(source), to: Int(target), in: graph)
                    bfs.samplePath(to: Int(target), source: Int(source), in: graph, random: &pathRandom) { counts[$0] += 1 }
                    bfs.reset()
                }
            }
            return counts
        }
        var totals = [Int](repeating: 0, count: n)
        for partial in partials {
            for v in 0..<n { totals[v] += Int(partial[v]) }
        }
        self.parameters = parameters
        self.samples = samples
        self.vertexDiameterBound = bound
        let pairsCount = Double(n) * Double(n - 1)
        betweenness = totals.map { samples == 0 ? 0 : Double($0) / Double(samples) * pairsCount }
        betweennessNormalised = betweenness.map { BetweennessScale.normalised($0, nodeCount: n) }
    }
}

/// Breadth-first search from one source that stops once it reaches the target,
/// with path counts, reusing its arrays across samples.
struct SampledBFS {
    var distance: [Int32]
    var paths: [Double]
    var order: [Int32]
    var count = 0

    init(nodes: Int) {
        distance = [Int32](repeating: -1, count: nodes)
        paths = [Double](repeating: 0, count: nodes)
        order = [Int32](repeating: 0, count: max(nodes, 1))
    }

    /// Searches from `source` until `target` leaves the queue: by then every node
    /// nearer than the target has passed its paths on, so the target's count is complete.
    mutating func run(from source: Int, to target: Int, in graph: Digraph) {
        distance[source] = 0
        paths[source] = 1
        order[0] = Int32(source)
        count = 1
        var head = 0
        while head < count {
            let v = Int(order[head])
            head += 1
            if v == target { return }
            let next = distance[v] + 1
            for position in Int(graph.outOffsets[v])..<Int(graph.outOffsets[v + 1]) {
                let w = Int(graph.outTargets[position])
                if distance[w] < 0 {
                    distance[w] = next
                    paths[w] = paths[v]
                    order[count] = Int32(w)
                    count += 1
                } else if distance[w] == next {
                    paths[w] += paths[v]
                }
            }
        }
    }

    /// Walks back from `target` to `source` along a shortest path drawn uniformly,
    /// calling `visit` with each node strictly inside it; nothing if `target` was not reached.
    func samplePath(to target: Int, source: Int, in graph: Digraph, random: inout SeededGenerator, visit: (Int) -> Void) {
        guard distance[target] > 0 else { return }
        walkBack(from: target, to: source, in: graph, paths: paths, random: &random, visit: visit) { u, w, _ in
            distance[u] >= 0 && distance[u] == distance[w] - 1
        }
    }

    /// Clears what the last search touched.
    mutating func reset() {
        for position in 0..<count {
            let v = Int(order[position])
            distance[v] = -1
            paths[v] = 0
        }
        count = 0
    }
}

extension DijkstraSearch {
    /// Walks back from `target` to `source` along a shortest path drawn uniformly,
    /// calling `visit` with each node strictly inside it; nothing if `target` was not reached.
    func samplePath(to target: Int, source: Int, in graph: Digraph, inLengths: [Double],
                    random: inout SeededGenerator, visit: (Int) -> Void) {
        guard rank[target] > 0 else { return }
        walkBack(from: target, to: source, in: graph, paths: paths, random: &random, visit: visit) { u, w, position in
            rank[u] >= 0 && rank[u] < rank[w] && sameLength(distance[u] + inLengths[position], distance[w])
        }
    }
}

/// The walk both searches share: from `target`, repeatedly pick a predecessor u
/// of w (an in-neighbour for which `isPredecessor(u, w, in-edge position)`) with
/// probability paths[u] / paths[w], until the source is reached.
private func walkBack(from target: Int, to source: Int, in graph: Digraph, paths: [Double], random: inout SeededGenerator,
                      visit: (Int) -> Void, isPredecessor: (Int, Int, Int) -> Bool) {
    var w = target
    while true {
        let draw = random.nextUnit() * paths[w]
        var sum = 0.0, chosen = -1
        for position in Int(graph.inOffsets[w])..<Int(graph.inOffsets[w + 1]) {
            let u = Int(graph.inSources[position])
            guard isPredecessor(u, w, position) else { continue }
            chosen = u
            sum += paths[u]
            if draw < sum { break }
        }
        if chosen == source { return }
        visit(chosen)
        w = chosen
    }
}
