/// A directed graph in compressed sparse row form, with 32-bit node indices.
///
/// Nodes are `0..<nodeCount`. Out- and in-adjacency are both stored, sorted by
/// neighbour, so that algorithms can walk either direction without allocating.
/// Self-loops are dropped and parallel edges merged when the graph is built.
public struct Digraph: Sendable, Equatable {
    /// An edge given to the initialiser.
    public struct Edge: Sendable, Equatable {
        /// The tail.
        public var source: Int32
        /// The head.
        public var target: Int32
        /// The weight.
        public var weight: Double

        /// Creates an edge.
        public init(source: Int32, target: Int32, weight: Double = 1) {
            self.source = source
            self.target = target
            self.weight = weight
        }
    }

    /// How parallel edges combine.
    public enum Merge: Sendable {
        /// Weights add up.
        case sum
        /// The largest weight is kept.
        case max
    }

    /// The number of nodes.
    public let nodeCount: Int
    /// `outOffsets[v]..<outOffsets[v+1]` indexes `outTargets` and `outWeights` for node v.
    public let outOffsets: [Int32]
    /// Heads of out-edges, grouped by tail, ascending.
    public let outTargets: [Int32]
    /// Weights of out-edges, parallel to `outTargets`.
    public let outWeights: [Double]
    /// `inOffsets[v]..<inOffsets[v+1]` indexes `inSources` and `inWeights` for node v.
    public let inOffsets: [Int32]
    /// Tails of in-edges, grouped by head, ascending.
    public let inSources: [Int32]
    /// Weights of in-edges, parallel to `inSources`.
    public let inWeights: [Double]

    /// Builds a graph from an edge list.
    ///
    /// - Parameters:
    ///   - nodeCount: the number of nodes; every endpoint must be below it.
    ///   - edges: the edges in any order; self-loops are ignored.
    ///   - merge: how parallel edges combine.
    /// - Complexity: O(E log E).
    public init(nodeCount: Int, edges: [Edge], merge: Merge = .sum) {
        precondition(nodeCount < Int(Int32.max), "too many nodes for 32-bit indices")
        var sorted = edges.filter { $0.source != $0.target }
        sorted.sort { ($0.source, $0.target) < ($1.source, $1.target) }
        var merged: [Edge] = []
        merged.reserveCapacity(sorted.count)
        for edge in sorted {
            precondition(edge.source >= 0 && Int(edge.source) < nodeCount && edge.target >= 0
                && Int(edge.target) < nodeCount, "edge endpoint out of range")
            if let last = merged.last, last.source == edge.source, last.target == edge.target {
                merged[merged.count - 1].weight = merge == .sum ? last.weight + edge.weight : Swift.max(last.weight, edge.weight)
            } else {
                merged.append(edge)
            }
        }
        self.nodeCount = nodeCount
        var outOffsets = [Int32](repeating: 0, count: nodeCount + 1)
        var inOffsets = [Int32](repeating: 0, count: nodeCount + 1)
        for edge in merged {
            outOffsets[Int(edge.source) + 1] += 1
            inOffsets[Int(edge.target) + 1] += 1
        }
        for v in 0..<nodeCount {
            outOffsets[v + 1] += outOffsets[v]
            inOffsets[v + 1] += inOffsets[v]
        }
        self.outOffsets = outOffsets
        self.outTargets = merged.map(\.target)
        self.outWeights = merged.map(\.weight)
        // Counting sort by head keeps tails ascending within each head.
        var cursor = inOffsets
        var inSources = [Int32](repeating: 0, count: merged.count)
        var inWeights = [Double](repeating: 0, count: merged.count)
        for edge in merged {
            let slot = Int(cursor[Int(edge.target)])
            inSources[slot] = edge.source
            inWeights[slot] = edge.weight
            cursor[Int(edge.target)] += 1
        }
        self.inOffsets = inOffsets
        self.inSources = inSources
        self.inWeights = inWeights
    }

    /// The number of distinct directed edges.
    public var edgeCount: Int { outTargets.count }

    /// The heads of v's out-edges.
    @inlinable public func successors(of v: Int) -> ArraySlice<Int32> {
        outTargets[Int(outOffsets[v])..<Int(outOffsets[v + 1])]
    }

    /// The tails of v's in-edges.
    @inlinable public func predecessors(of v: Int) -> ArraySlice<Int32> {
        inSources[Int(inOffsets[v])..<Int(inOffsets[v + 1])]
    }

    /// The number of out-edges of v.
    @inlinable public func outDegree(of v: Int) -> Int { Int(outOffsets[v + 1] - outOffsets[v]) }

    /// The number of in-edges of v.
    @inlinable public func inDegree(of v: Int) -> Int { Int(inOffsets[v + 1] - inOffsets[v]) }

    /// Whether the edge `source -> target` exists.
    ///
    /// - Complexity: O(log d) for d the out-degree of `source`.
    public func hasEdge(from source: Int, to target: Int) -> Bool {
        successors(of: source).sortedContains(Int32(target))
    }
}
