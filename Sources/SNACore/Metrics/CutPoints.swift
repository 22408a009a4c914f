/// Articulation points (cut-vertices), bridges (cut-edges) and the removal
/// impact of every node of an undirected graph, from one depth-first search
/// (Hopcroft and Tarjan 1973), without recursion.
///
/// Removal impact (the key-player fragmentation of Borgatti 2006, computed for
/// all nodes at once): the share of connected pairs of *other* nodes that are
/// no longer connected when the node is removed. Removing v from a component
/// of size s splits it into the subtrees of v's DFS children w with
/// low(w) ≥ disc(v), and the rest; the pairs lost are C(s-1, 2) minus the
/// pairs inside each piece. Isolates and leaves score 0.
public struct CutPoints: Sendable, Equatable {
    /// Whether each node is an articulation point.
    public let isArticulationPoint: [Bool]
    /// Removal impact of each node, between 0 and 1.
    public let removalImpact: [Double]
    /// Pairs of other nodes disconnected by each node's removal.
    public let pairsDisconnected: [Int]
    /// Bridges as (smaller, larger) node pairs, sorted.
    public let bridges: [(Int, Int)]
    /// For each bridge, the number of nodes on its smaller side.
    public let bridgeSmallerSide: [Int]
    /// The number of connected unordered pairs of nodes.
    public let connectedPairs: Int

    public static func == (a: CutPoints, b: CutPoints) -> Bool {
        a.isArticulationPoint == b.isArticulationPoint && a.removalImpact == b.removalImpact
            && a.bridges.map { [$0.0, $0.1] } == b.bridges.map { [$0.0, $0.1] }
    }

    /// Analyses `graph`, ignoring the nodes in `removed`.
    ///
    /// - Complexity: O(V + E).
    package init(_ graph: UndirectedGraph, removed: [Bool]? = nil) {
        self.init(Separations(graph, removed: removed))
    }

    /// Reads the cut-points, bridges and removal impacts off a depth-first
    /// forest already built, so that a caller who also asks which nodes each
    /// removal separates searches the graph once.
    ///
    /// - Complexity: O(V).
    package init(_ forest: Separations) {
        let n = forest.nodeCount
        // For each node: the sizes of the pieces its removal separates (children with low ≥ disc).
        var separated = [Int](repeating: 0, count: n)
        var separatedPairs = [Int](repeating: 0, count: n)
        var articulation = [Bool](repeating: false, count: n)
        var children = [Int](repeating: 0, count: n)
        var bridges: [(pair: (Int, Int), below: Int, top: Int)] = []
        for v in 0..<n where forest.parent[v] >= 0 {
            let p = Int(forest.parent[v]), below = Int(forest.subtree[v])
            children[p] += 1
            if forest.low[v] >= forest.discovery[p] {
                separated[p] += below
                separatedPairs[p] += below * (below - 1) / 2
                if forest.parent[p] >= 0 { articulation[p] = true }
            }
            if forest.low[v] > forest.discovery[p] {
                bridges.append(((Swift.min(p, v), Swift.max(p, v)), below, Int(forest.root[v])))
            }
        }
        // A root heading two subtrees or more separates them.
        for v in 0..<n where Int(forest.root[v]) == v && children[v] > 1 { articulation[v] = true }
        func componentSize(_ v: Int) -> Int { Int(forest.subtree[Int(forest.root[v])]) }
        let connectedPairs = (0..<n).reduce(0) { sum, v in
            Int(forest.root[v]) == v ? sum + componentSize(v) * (componentSize(v) - 1) / 2 : sum
        }
        var impact = [Double](repeating: 0, count: n)
        var lost = [Int](repeating: 0, count: n)
        for v in 0..<n where forest.root[v] >= 0 {
            let size = componentSize(v)
            let rest = size - 1 - separated[v]
            let remaining = separatedPairs[v] + rest * (rest - 1) / 2
            lost[v] = (size - 1) * (size - 2) / 2 - remaining
            // Pairs of other nodes connected before: all connected pairs but those involving v.
            let before = connectedPairs - (size - 1)
            impact[v] = before > 0 ? Double(lost[v]) / Double(before) : 0
        }
        self.isArticulationPoint = articulation
        self.removalImpact = impact
        self.pairsDisconnected = lost
        let sortedBridges = bridges.sorted { $0.pair < $1.pair }
        self.bridges = sortedBridges.map(\.pair)
        self.bridgeSmallerSide = sortedBridges.map { Swift.min($0.below, Int(forest.subtree[$0.top]) - $0.below) }
        self.connectedPairs = connectedPairs
    }
}

/// One step of a resilience curve.
public struct RemovalStep: Sendable, Equatable {
    /// The node removed at this step.
    public let node: Int
    /// Its removal impact when it was removed (on the graph left by earlier steps).
    public let impact: Double
    /// The share of the originally connected pairs of remaining nodes still connected.
    public let connectivityLeft: Double
}

extension UndirectedGraph {
    /// "If these people left": removes, one at a time, the node whose removal
    /// disconnects the most pairs in what is left (ties broken by the lower
    /// index), `count` times.
    ///
    /// - Complexity: O(k (V + E)).
    public func greedyRemoval(count: Int) -> [RemovalStep] {
        var removed = [Bool](repeating: false, count: nodeCount)
        let original = CutPoints(self)
        var steps: [RemovalStep] = []
        var current = original
        let components = self.components(removed: removed)
        for _ in 0..<Swift.min(count, nodeCount) {
            var best = -1
            for v in 0..<nodeCount where !removed[v] {
                if best < 0 || current.pairsDisconnected[v] > current.pairsDisconnected[best] { best = v }
            }
            guard best >= 0, current.pairsDisconnected[best] > 0 else { break }
            removed[best] = true
            let impact = current.removalImpact[best]
            current = CutPoints(self, removed: removed)
            // Pairs among the remaining nodes that were connected at the start.
            let remainingOriginal = Self.connectedPairs(components: components, removed: removed)
            let left = remainingOriginal == 0 ? 0 : Double(current.connectedPairs) / Double(remainingOriginal)
            steps.append(RemovalStep(node: best, impact: impact, connectivityLeft: left))
        }
        return steps
    }

    /// Connected pairs of the full graph among nodes not removed, from the
    /// component of each node in the full graph.
    ///
    /// - Complexity: O(V).
    private static func connectedPairs(components: [Int], removed: [Bool]) -> Int {
        var sizes = [Int](repeating: 0, count: (components.max() ?? -1) + 1)
        for v in components.indices where !removed[v] { sizes[components[v]] += 1 }
        return sizes.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
    }

    /// The component of each node (ignoring removed nodes, which get -1).
    func components(removed: [Bool]) -> [Int] {
        var label = [Int](repeating: -1, count: nodeCount)
        var next = 0
        var stack: [Int] = []
        for root in 0..<nodeCount where label[root] < 0 && !removed[root] {
            label[root] = next
            stack.append(root)
            while let v = stack.popLast() {
                for w in neighbours(of: v) where label[Int(w)] < 0 && !removed[Int(w)] {
                    label[Int(w)] = next
                    stack.append(Int(w))
                }
            }
            next += 1
        }
        return label
    }
}

extension CutPoints {
    /// Which nodes each cut-point and each bridge of an undirected graph
    /// separates, answered from one depth-first forest built once.
    ///
    /// ```swift
    /// let separations = CutPoints.Separations(graph)          // O(V + E), once
    /// for v in 0..<graph.nodeCount where cut.isArticulationPoint[v] {
    ///     let lost = separations.cutOff(by: v)                // O(deg(v) + k log k)
    /// }
    /// for bridge in cut.bridges { let side = separations.smallerSide(of: bridge) }
    /// ```
    ///
    /// In the forest, each node's subtree is one run of the preorder, so a
    /// piece left by a removal is a run (a child's subtree) or the node's
    /// component without some runs, and is listed without searching the graph
    /// again. Each component's root is its lowest node, so ties between pieces
    /// of one size go to the piece holding the lowest node, as a search of the
    /// graph without the removed node, numbering its components from node 0 up,
    /// would break them.
    public struct Separations: Sendable {
        /// The number of nodes.
        public let nodeCount: Int
        fileprivate let discovery: [Int32]
        fileprivate let low: [Int32]
        fileprivate let parent: [Int32]
        fileprivate let subtree: [Int32]
        /// The lowest node of each node's subtree.
        private let lowest: [Int32]
        /// `preorder[discovery[v]] == v`.
        private let preorder: [Int32]
        /// The root (lowest node) of each node's component; -1 for a node ignored.
        fileprivate let root: [Int32]
        private let offsets: [Int32]
        private let neighbours: [Int32]

        /// Builds the depth-first forest of `graph`, ignoring the nodes in `removed`.
        ///
        /// - Complexity: O(V + E) time and memory.
        package init(_ graph: UndirectedGraph, removed: [Bool]? = nil) {
            let n = graph.nodeCount
            let gone = removed ?? [Bool](repeating: false, count: n)
            var discovery = [Int32](repeating: -1, count: n)
            var low = [Int32](repeating: 0, count: n)
            var parent = [Int32](repeating: -1, count: n)
            var subtree = [Int32](repeating: 1, count: n)
            var preorder = [Int32](repeating: -1, count: n)
            var lowest = (0..<n).map { Int32($0) }
            var root = [Int32](repeating: -1, count: n)
            var time: Int32 = 0
            var stack: [(node: Int, edge: Int)] = []
            for start in 0..<n where discovery[start] < 0 && !gone[start] {
                discovery[start] = time; low[start] = time; preorder[Int(time)] = Int32(start); time += 1
                root[start] = Int32(start)
                stack.append((start, Int(graph.offsets[start])))
                while let frame = stack.last {
                    let v = frame.node
                    if frame.edge < Int(graph.offsets[v + 1]) {
                        stack[stack.count - 1].edge += 1
                        let w = Int(graph.neighbours[frame.edge])
                        guard !gone[w] else { continue }
                        if discovery[w] < 0 {
                            parent[w] = Int32(v)
                            root[w] = Int32(start)
                            discovery[w] = time; low[w] = time; preorder[Int(time)] = Int32(w); time += 1
                            stack.append((w, Int(graph.offsets[w])))
                        } else if w != Int(parent[v]) {
                            low[v] = Swift.min(low[v], discovery[w])
                        }
                    } else {
                        stack.removeLast()
                        if let p = stack.last?.node {
                            subtree[p] += subtree[v]
                            low[p] = Swift.min(low[p], low[v])
                            lowest[p] = Swift.min(lowest[p], lowest[v])
                        }
                    }
                }
            }
            nodeCount = n
            self.lowest = lowest
            self.discovery = discovery
            self.low = low
            self.parent = parent
            self.subtree = subtree
            self.preorder = preorder
            self.root = root
            offsets = graph.offsets
            neighbours = graph.neighbours
        }

        /// The nodes of the run of the preorder from `start` for `count` nodes.
        private func run(_ start: Int32, _ count: Int32, into result: inout [Int]) {
            for position in Int(start)..<Int(start + count) { result.append(Int(preorder[position])) }
        }

        /// The pieces `v`'s removal leaves of its component: each as (the
        /// child heading it, or -1 for the piece holding the root; its size;
        /// its lowest node), and the position of the largest (of two of one
        /// size, the one holding the lower node).
        ///
        /// - Complexity: O(deg(v)).
        private func pieces(without v: Int) -> (pieces: [(child: Int, size: Int32, lowest: Int32)], main: Int) {
            guard root[v] >= 0 else { return ([], -1) }
            let top = Int(root[v])
            // Each child w with low(w) ≥ disc(v) heads one piece (its subtree); unless v is the root,
            // the rest of the component is one more, holding the root, the component's lowest node.
            var pieces: [(child: Int, size: Int32, lowest: Int32)] = []
            var separated: Int32 = 0
            for position in Int(offsets[v])..<Int(offsets[v + 1]) {
                let w = Int(neighbours[position])
                guard Int(parent[w]) == v, low[w] >= discovery[v] else { continue }
                pieces.append((w, subtree[w], lowest[w]))
                separated += subtree[w]
            }
            let rest = subtree[top] - 1 - separated
            if rest > 0 { pieces.insert((-1, rest, Int32(top)), at: 0) }
            var main = 0
            for (index, piece) in pieces.enumerated()
            where piece.size > pieces[main].size || (piece.size == pieces[main].size && piece.lowest < pieces[main].lowest) {
                main = index
            }
            return (pieces, main)
        }

        /// How many nodes ``cutOff(by:)`` would list, without listing them.
        ///
        /// - Complexity: O(deg(v)).
        public func cutOffCount(by v: Int) -> Int {
            let (pieces, main) = pieces(without: v)
            guard pieces.count > 1 else { return 0 }
            return pieces.reduce(0) { $0 + Int($1.size) } - Int(pieces[main].size)
        }

        /// The nodes that lose every path to the largest piece left of their
        /// component when `v` is removed, ascending; empty when `v` is not a
        /// cut-point (or is ignored, or isolated). Of two largest pieces of one
        /// size, the one holding the lower node is kept.
        ///
        /// - Complexity: O(deg(v) + k log k) for the k nodes returned.
        public func cutOff(by v: Int) -> [Int] {
            let (pieces, main) = pieces(without: v)
            guard pieces.count > 1 else { return [] }
            let top = Int(root[v])
            var result: [Int] = []
            if pieces[main].child < 0 {
                // Every subtree but the rest.
                result.reserveCapacity(pieces.reduce(0) { $0 + Int($1.size) } - Int(pieces[main].size))
                for piece in pieces where piece.child >= 0 { run(discovery[piece.child], piece.size, into: &result) }
            } else {
                // The component but v and the kept subtree: v comes before its child's subtree in the preorder.
                let kept = pieces[main].child
                result.reserveCapacity(Int(subtree[top] - 1 - pieces[main].size))
                run(discovery[top], discovery[v] - discovery[top], into: &result)
                run(discovery[v] + 1, discovery[kept] - discovery[v] - 1, into: &result)
                let end = discovery[kept] + subtree[kept]
                run(end, discovery[top] + subtree[top] - end, into: &result)
            }
            result.sort()
            return result
        }

        /// The nodes on the smaller side of `bridge` (either order of its two
        /// nodes), ascending: those that lose every path to the other side when
        /// the tie goes; on a tie of sizes, the side of `bridge.0`. Empty when
        /// the pair is not a bridge.
        ///
        /// - Complexity: O(k log k) for the k nodes returned.
        public func smallerSide(of bridge: (Int, Int)) -> [Int] {
            let (a, b) = bridge
            guard a >= 0, b >= 0, a < nodeCount, b < nodeCount, root[a] >= 0 else { return [] }
            // The child end of the tree edge.
            let child: Int
            if Int(parent[b]) == a { child = b } else if Int(parent[a]) == b { child = a } else { return [] }
            guard low[child] > discovery[Int(parent[child])] else { return [] }
            let top = Int(root[child])
            let below = subtree[child], above = subtree[top] - below
            var result: [Int] = []
            if below < above || (below == above && child == a) {
                result.reserveCapacity(Int(below))
                run(discovery[child], below, into: &result)
            } else {
                result.reserveCapacity(Int(above))
                run(discovery[top], discovery[child] - discovery[top], into: &result)
                let end = discovery[child] + below
                run(end, discovery[top] + subtree[top] - end, into: &result)
            }
            result.sort()
            return result
        }
    }
}
