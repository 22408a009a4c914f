extension Digraph {
    /// PageRank of every node, unweighted, following tie direction.
    ///
    /// Brin and Page (1998). Damping `damping` (0.85 by default); the score of
    /// a node without out-ties (dangling) is spread over all nodes, as igraph
    /// `pagerank()` (PRPACK) and networkx `pagerank()` do. Power iteration until
    /// the scores change by less than 1e-15 in total, or (when rounding over
    /// hundreds of thousands of scores keeps the total change above that) until
    /// the change has not fallen for 100 iterations and is within 64 units in
    /// the last place times the number of nodes.
    ///
    /// - Complexity: O(V + E) per iteration; about 250 iterations (0.85 per
    ///   iteration down to the rounding noise).
    public func pageRank(damping: Double = 0.85, tolerance: Double = 1e-15, maximumIterations: Int = 10_000) -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        var rank = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        var convergence = Convergence(tolerance: tolerance, noise: 64 * Double.ulpOfOne * Double(n))
        for _ in 0..<maximumIterations {
            var dangling = 0.0
            for v in 0..<n where outDegree(of: v) == 0 { dangling += rank[v] }
            let base = (1 - damping) / Double(n) + damping * dangling / Double(n)
            for w in 0..<n {
                var sum = 0.0
                for v in predecessors(of: w) { sum += rank[Int(v)] / Double(outDegree(of: Int(v))) }
                next[w] = base + damping * sum
            }
            let total = next.reduce(0, +)
            var change = 0.0
            for v in 0..<n {
                next[v] /= total
                change += abs(next[v] - rank[v])
            }
            swap(&rank, &next)
            if convergence.isDone(after: change) { break }
        }
        return rank
    }
}
