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
    /// Nodes without any tie all hold the same score at every step (the
    /// base share), so they are iterated as one: a roster of a million people
    /// of whom a few thousand are tied costs what the tied part costs.
    ///
    /// - Complexity: O(V) once, then O(V' + E) per iteration for the V' nodes
    ///   with ties; about 250 iterations (0.85 per iteration down to the rounding noise).
    public func pageRank(damping: Double = 0.85, tolerance: Double = 1e-15, maximumIterations: Int = 10_000) -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        let active = (0..<n).filter { inDegree(of: $0) > 0 || outDegree(of: $0) > 0 }
        let dangling = active.filter { outDegree(of: $0) == 0 }
        let isolated = Double(n - active.count)
        // 1 / out-degree, read once per tie per iteration.
        let share = (0..<n).map { outDegree(of: $0) > 0 ? 1 / Double(outDegree(of: $0)) : 0 }
        var rank = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        // The score every node without ties holds.
        var isolatedRank = 1 / Double(n)
        var convergence = Convergence(tolerance: tolerance, noise: 64 * Double.ulpOfOne * Double(n))
        for _ in 0..<maximumIterations {
            var danglingMass = isolated * isolatedRank
            for v in dangling { danglingMass += rank[v] }
            let base = (1 - damping) / Double(n) + damping * danglingMass / Double(n)
            var total = isolated * base
            for w in active {
                var sum = 0.0
                for v in predecessors(of: w) { sum += rank[Int(v)] * share[Int(v)] }
                next[w] = base + damping * sum
                total += next[w]
            }
            var change = 0.0
            for v in active {
                next[v] /= total
                change += abs(next[v] - rank[v])
            }
            let nextIsolated = base / total
            change += isolated * abs(nextIsolated - isolatedRank)
            isolatedRank = nextIsolated
            swap(&rank, &next)
            if convergence.isDone(after: change) { break }
        }
        if isolated > 0 { for v in 0..<n where inDegree(of: v) == 0 && outDegree(of: v) == 0 { rank[v] = isolatedRank } }
        return rank
    }
}
