/// The longest and the mean shortest path over the pairs connected by a path.
public struct DistanceSummary: Sendable, Equatable {
    /// The longest shortest path; 0 without connected pairs.
    public let diameter: Int
    /// The mean shortest path over connected pairs; `nil` without connected pairs.
    public let meanDistance: Double?
    /// The number of (ordered, for directed graphs) pairs connected by a path.
    public let connectedPairs: Int
}

extension Digraph {
    /// Diameter and mean distance over the ordered pairs (u, v) with a
    /// directed path from u to v, restricted to `nodes` when given; as igraph
    /// `diameter(directed=True, unconn=True)` and
    /// `average_path_length(directed=True, unconn=True)` on that subgraph.
    ///
    /// - Complexity: O(V E).
    public func distanceSummary(within nodes: [Int]? = nil) -> DistanceSummary {
        Self.summarise(offsets: outOffsets, targets: outTargets, inside: Self.mask(nodes, count: nodeCount), symmetric: false)
    }

    static func mask(_ nodes: [Int]?, count: Int) -> [Bool] {
        guard let nodes else { return [Bool](repeating: true, count: count) }
        var mask = [Bool](repeating: false, count: count)
        for v in nodes { mask[v] = true }
        return mask
    }

    /// Breadth-first searches from every node inside, over CSR arrays; the
    /// same branch-free search as ``BrandesSearch`` without path counts.
    ///
    /// With `symmetric` (an undirected graph), a node with one tie, to a node
    /// with more, is not searched from: its distances are its neighbour's plus
    /// one, so its figures come from its neighbour's search. A person tied to
    /// 100,000 people who are tied to no one else costs one search, not 100,001.
    /// The sums are of whole numbers, so the result is the same either way.
    static func summarise(offsets: [Int32], targets: [Int32], inside: [Bool], symmetric: Bool) -> DistanceSummary {
        let nodeCount = offsets.count - 1
        let graph = SearchGraph(offsets: offsets, targets: targets)
        // Leaves folded into their neighbour's search, and how many each node carries.
        var foldedLeaves = [Bool](repeating: false, count: nodeCount)
        var leafCounts = [Int](repeating: 0, count: nodeCount)
        if symmetric {
            for v in 0..<nodeCount where inside[v] && offsets[v + 1] - offsets[v] == 1 {
                let u = Int(targets[Int(offsets[v])])
                guard inside[u], offsets[u + 1] - offsets[u] >= 2 else { continue }
                foldedLeaves[v] = true
                leafCounts[u] += 1
            }
        }
        let folded = foldedLeaves, leaves = leafCounts
        let parts = Parallel.stripes { stripe -> (Int, Int, Int) in
            // Distance -1: not reached yet; Int32.max: outside, or the padding
            // node; neither kind is ever taken as unreached.
            let distance = UnsafeMutablePointer<Int32>.allocate(capacity: nodeCount + 1)
            let queue = UnsafeMutablePointer<Int32>.allocate(capacity: nodeCount + 1)
            defer { distance.deallocate(); queue.deallocate() }
            for v in 0..<nodeCount { distance[v] = inside[v] ? -1 : Int32.max }
            distance[nodeCount] = Int32.max
            var longest = 0, total = 0, pairs = 0
            var source = stripe
            while source < nodeCount {
                defer { source += Parallel.stripes }
                guard inside[source], !folded[source] else { continue }
                queue[0] = Int32(source)
                distance[source] = 0
                var count = 1, head = 0, sourceTotal = 0
                while head < count {
                    let v = Int(queue[head])
                    head &+= 1
                    let next = distance[v] &+ 1
                    let before = count
                    graph.forEachPaddedTarget(of: v) { w in
                        _ = SearchGraph.step(to: w, next: next, distance: distance, queue: queue, count: &count)
                    }
                    sourceTotal &+= (count &- before) &* Int(next)
                }
                let eccentricity = Int(distance[Int(queue[count - 1])])
                total &+= sourceTotal
                pairs &+= count - 1
                longest = Swift.max(longest, eccentricity)
                if leaves[source] > 0 {
                    // Each leaf reaches the same nodes but itself, one step further; its farthest node is
                    // the source's farthest, or (when that is at one step) another leaf, or the source.
                    let leafLongest = 1 + (eccentricity >= 2 ? eccentricity : (count - 1 >= 2 ? 1 : 0))
                    total &+= leaves[source] &* ((count - 1) &+ (sourceTotal - 1))
                    pairs &+= leaves[source] &* (count - 1)
                    longest = Swift.max(longest, leafLongest)
                }
                for position in 0..<count { distance[Int(queue[position])] = -1 }
            }
            return (longest, total, pairs)
        }
        let longest = parts.map(\.0).max() ?? 0
        let total = parts.reduce(0) { $0 + $1.1 }, pairs = parts.reduce(0) { $0 + $1.2 }
        return DistanceSummary(diameter: longest, meanDistance: pairs == 0 ? nil : Double(total) / Double(pairs), connectedPairs: pairs)
    }
}

extension UndirectedGraph {
    /// Diameter and mean distance over connected pairs, restricted to `nodes` when given.
    ///
    /// - Complexity: O(V' E) for V' the nodes with more than one tie (and
    ///   the ends of separate pairs): one search for a star, whatever its size.
    public func distanceSummary(within nodes: [Int]? = nil) -> DistanceSummary {
        Digraph.summarise(offsets: offsets, targets: neighbours, inside: Digraph.mask(nodes, count: nodeCount), symmetric: true)
    }
}
