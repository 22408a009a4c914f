/// A simple undirected graph in compressed sparse row form: each edge {u, v}
/// is stored in both adjacency lists, neighbours sorted, no loops or repeats.
public struct UndirectedGraph: Sendable, Equatable {
    /// The number of nodes.
    public let nodeCount: Int
    /// `offsets[v]..<offsets[v+1]` indexes `neighbours` for node v.
    public let offsets: [Int32]
    /// Neighbours, grouped by node, ascending.
    public let neighbours: [Int32]

    /// Builds a graph from pairs; loops and repeated pairs are ignored.
    ///
    /// - Complexity: O(E log E).
    public init(nodeCount: Int, pairs: [(Int32, Int32)]) {
        var directed: [(Int32, Int32)] = []
        directed.reserveCapacity(pairs.count * 2)
        for (a, b) in pairs where a != b {
            directed.append((a, b))
            directed.append((b, a))
        }
        directed.sort { $0 < $1 }
        var offsets = [Int32](repeating: 0, count: nodeCount + 1)
        var neighbours: [Int32] = []
        neighbours.reserveCapacity(directed.count)
        var previous: (Int32, Int32)?
        for pair in directed where previous.map({ $0 != pair }) ?? true {
            neighbours.append(pair.1)
            offsets[Int(pair.0) + 1] += 1
            previous = pair
        }
        for v in 0..<nodeCount { offsets[v + 1] += offsets[v] }
        self.nodeCount = nodeCount
        self.offsets = offsets
        self.neighbours = neighbours
    }

    /// The number of edges (each counted once).
    public var edgeCount: Int { neighbours.count / 2 }

    /// The neighbours of v.
    @inlinable public func neighbours(of v: Int) -> ArraySlice<Int32> {
        neighbours[Int(offsets[v])..<Int(offsets[v + 1])]
    }

    /// The degree of v.
    @inlinable public func degree(of v: Int) -> Int { Int(offsets[v + 1] - offsets[v]) }
}

extension Digraph {
    /// The symmetrised graph: {u, v} whenever u -> v or v -> u (weights dropped).
    ///
    /// - Complexity: O(E log E).
    public func symmetrised() -> UndirectedGraph {
        var pairs: [(Int32, Int32)] = []
        pairs.reserveCapacity(edgeCount)
        for v in 0..<nodeCount {
            for w in successors(of: v) { pairs.append((Int32(v), w)) }
        }
        return UndirectedGraph(nodeCount: nodeCount, pairs: pairs)
    }

    /// The directed graph with an edge each way for every tie of this one:
    /// `--symmetrise either`. With `both`, only reciprocated ties are kept, each way.
    public func symmetrised(keepingOnlyReciprocated: Bool) -> Digraph {
        var edges: [Edge] = []
        edges.reserveCapacity(edgeCount * 2)
        for v in 0..<nodeCount {
            for (offset, w) in successors(of: v).enumerated() {
                let weight = outWeights[Int(outOffsets[v]) + offset]
                if keepingOnlyReciprocated {
                    if hasEdge(from: Int(w), to: v) { edges.append(Edge(source: Int32(v), target: w, weight: weight)) }
                } else {
                    edges.append(Edge(source: Int32(v), target: w, weight: weight))
                    edges.append(Edge(source: w, target: Int32(v), weight: weight))
                }
            }
        }
        return Digraph(nodeCount: nodeCount, edges: edges, merge: .max)
    }
}
