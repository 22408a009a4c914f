/// Exact betweenness on a graph whose ties have lengths: Brandes (2001) with
/// Dijkstra's algorithm in place of breadth-first search.
///
/// Convention (docs/metrics.md): a tie's length is its weight, as igraph
/// `betweenness(directed=True, weights=...)` and networkx
/// `betweenness_centrality(G, weight="weight", normalized=False)` read
/// `weight`; ``Length/inverse`` uses 1/weight instead, for weights that mean
/// closeness (a survey's strength, the number of themes a tie appears in).
/// Raw counts over ordered pairs, endpoints excluded; normalised by (n-1)(n-2).
///
/// Two path lengths count as equal when they differ by less than 1e-10 of
/// their sum, as igraph compares them, so paths of equal length made of
/// fractions (1/3 + 1/6 against 1/2) tie as they should; lengths that are
/// whole numbers compare exactly, as in networkx.
///
/// Sources run in parallel in fixed stripes (see ``Parallel``): the result is
/// the same on any number of cores.
public struct WeightedBetweenness: Sendable, Equatable {
    /// How a tie's weight becomes its length.
    public enum Length: String, Sendable, CaseIterable {
        /// The length is the weight (igraph's and networkx's `weights=`): weights must be positive.
        case weight
        /// The length is 1/weight: a stronger tie is a shorter one; a tie of weight 0 carries no path.
        case inverse
    }

    /// A tie whose weight cannot be a length under the convention asked for.
    public struct InvalidLength: Error, Sendable, Equatable, CustomStringConvertible {
        /// The tie's tail.
        public let source: Int
        /// The tie's head.
        public let target: Int
        /// Its weight.
        public let weight: Double
        /// The convention that rejected it.
        public let length: Length

        /// What is wrong, for a message.
        public var description: String {
            switch length {
            case .weight:
                return "the tie \(source) -> \(target) has weight \(weight): as a length a weight must be a positive number (with lengths 1/weight, a weight of 0 means no path)"
            case .inverse:
                return "the tie \(source) -> \(target) has weight \(weight): a weight must be a number of zero or more"
            }
        }
    }

    /// Raw weighted betweenness per node.
    public let betweenness: [Double]

    /// Betweenness divided by (n-1)(n-2), the number of ordered pairs of other nodes; 0 when n < 3 (``BetweennessScale``).
    public var betweennessNormalised: [Double] {
        betweenness.map { BetweennessScale.normalised($0, nodeCount: betweenness.count) }
    }

    /// The length of every out-edge of `graph` (parallel to ``Digraph/outTargets``) under
    /// `length`; `.infinity` for an edge no path may use.
    public static func lengths(of graph: Digraph, _ length: Length) throws(InvalidLength) -> [Double] {
        var lengths = [Double](repeating: 0, count: graph.edgeCount)
        for v in 0..<graph.nodeCount {
            for position in Int(graph.outOffsets[v])..<Int(graph.outOffsets[v + 1]) {
                let weight = graph.outWeights[position]
                switch length {
                case .weight:
                    guard weight > 0, weight.isFinite else {
                        throw InvalidLength(source: v, target: Int(graph.outTargets[position]), weight: weight, length: length)
                    }
                    lengths[position] = weight
                case .inverse:
                    guard weight >= 0, weight.isFinite else {
                        throw InvalidLength(source: v, target: Int(graph.outTargets[position]), weight: weight, length: length)
                    }
                    lengths[position] = weight == 0 ? .infinity : 1 / weight
                }
            }
        }
        return lengths
    }

    /// Computes the weighted betweenness of `graph` with tie lengths from its weights.
    ///
    /// - Throws: ``InvalidLength`` for the first tie whose weight cannot be a length.
    /// - Complexity: O(V E log V) time, O(V + E) memory per stripe.
    package init(_ graph: Digraph, length: Length = .weight) throws(InvalidLength) {
        self.init(graph, lengths: try Self.lengths(of: graph, length))
    }

    /// Computes the weighted betweenness of `graph` with the given length per out-edge
    /// (parallel to ``Digraph/outTargets``); an infinite length is an edge no path uses.
    ///
    /// - Precondition: every length is positive (or `.infinity`).
    package init(_ graph: Digraph, lengths: [Double]) {
        precondition(lengths.count == graph.edgeCount, "one length per edge")
        precondition(lengths.allSatisfy { $0 > 0 }, "lengths must be positive")
        let n = graph.nodeCount
        let inLengths = graph.inEdgeToOutEdge().map { lengths[Int($0)] }
        let partials = Parallel.stripes { stripe -> [Double] in
            var partial = [Double](repeating: 0, count: n)
            var search = DijkstraSearch(nodes: n)
            var source = stripe
            while source < n {
                search.run(from: source, in: graph, lengths: lengths, inLengths: inLengths)
                search.accumulate(from: source, in: graph, inLengths: inLengths, into: &partial)
                search.reset()
                source += Parallel.stripes
            }
            return partial
        }
        var betweenness = [Double](repeating: 0, count: n)
        for partial in partials {
            for v in 0..<n { betweenness[v] += partial[v] }
        }
        self.betweenness = betweenness
    }
}

/// Whether two path lengths are the same, to 1e-10 of their sum (igraph's comparison).
@inline(__always)
func sameLength(_ a: Double, _ b: Double) -> Bool {
    a == b || abs(a - b) < 1e-10 * (abs(a) + abs(b))
}

/// Single-source shortest paths by Dijkstra's algorithm with path counts,
/// reusing its arrays across sources.
///
/// After ``run(from:in:lengths:inLengths:)``: `order[0..<count]` holds the
/// nodes reached in the order they were settled (non-decreasing distance,
/// ties by node index), `rank[v]` is v's position there (-1 if unreached),
/// `paths[v]` the number of shortest paths to v. A predecessor of w on a
/// shortest path is an in-neighbour v settled before w with
/// distance[v] + length = distance[w] (``sameLength(_:_:)``).
struct DijkstraSearch {
    var distance: [Double]
    var paths: [Double]
    var dependency: [Double]
    var rank: [Int32]
    var order: [Int32]
    var count = 0
    /// A binary min-heap of (distance, node), lazily deleted.
    var heap: [(Double, Int32)] = []

    init(nodes: Int) {
        distance = [Double](repeating: .infinity, count: nodes)
        paths = [Double](repeating: 0, count: nodes)
        dependency = [Double](repeating: 0, count: nodes)
        rank = [Int32](repeating: -1, count: nodes)
        order = [Int32](repeating: 0, count: max(nodes, 1))
    }

    @inline(__always)
    static func less(_ a: (Double, Int32), _ b: (Double, Int32)) -> Bool {
        a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
    }

    mutating func push(_ item: (Double, Int32)) {
        heap.append(item)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.less(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (Double, Int32) {
        let top = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count && Self.less(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count && Self.less(heap[right], heap[smallest]) { smallest = right }
                if smallest == parent { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top
    }

    /// Distances, settle order and path counts from `source`.
    mutating func run(from source: Int, in graph: Digraph, lengths: [Double], inLengths: [Double], stopAt target: Int? = nil) {
        distance[source] = 0
        push((0, Int32(source)))
        while !heap.isEmpty {
            let (d, node) = pop()
            let v = Int(node)
            guard rank[v] < 0, d == distance[v] else { continue }
            rank[v] = Int32(count)
            order[count] = node
            count += 1
            // Path counts from the predecessors, all settled already.
            if v == source {
                paths[v] = 1
            } else {
                var sum = 0.0
                for position in Int(graph.inOffsets[v])..<Int(graph.inOffsets[v + 1]) {
                    let u = Int(graph.inSources[position])
                    if rank[u] >= 0 && rank[u] < rank[v] && sameLength(distance[u] + inLengths[position], d) { sum += paths[u] }
                }
                paths[v] = sum
            }
            if v == target { break }
            for position in Int(graph.outOffsets[v])..<Int(graph.outOffsets[v + 1]) {
                let w = Int(graph.outTargets[position])
                guard rank[w] < 0 else { continue }
                let alternative = d + lengths[position]
                if alternative < distance[w] {
                    distance[w] = alternative
                    push((alternative, Int32(w)))
                }
            }
        }
    }

    /// Adds each node's dependency on `source` (Brandes' accumulation) to `betweenness`.
    mutating func accumulate(from source: Int, in graph: Digraph, inLengths: [Double], into betweenness: inout [Double]) {
        var index = count - 1
        while index >= 0 {
            let w = Int(order[index])
            let coefficient = (1 + dependency[w]) / paths[w]
            for position in Int(graph.inOffsets[w])..<Int(graph.inOffsets[w + 1]) {
                let v = Int(graph.inSources[position])
                if rank[v] >= 0 && rank[v] < rank[w] && sameLength(distance[v] + inLengths[position], distance[w]) {
                    dependency[v] += paths[v] * coefficient
                }
            }
            if w != source { betweenness[w] += dependency[w] }
            index -= 1
        }
    }

    /// Clears what the last search touched.
    mutating func reset() {
        for position in 0..<count {
            let v = Int(order[position])
            distance[v] = .infinity
            paths[v] = 0
            dependency[v] = 0
            rank[v] = -1
        }
        // Nodes given a distance but never settled (a stopped search).
        for (_, node) in heap {
            distance[Int(node)] = .infinity
        }
        heap.removeAll(keepingCapacity: true)
        count = 0
    }
}
