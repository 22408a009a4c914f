extension UndirectedGraph {
    /// Eigenvector centrality, scaled so that the largest score is 1, as igraph
    /// `eigenvector_centrality(scale=True)` (Bonacich 1972).
    ///
    /// Power iteration on A + I, which has A's eigenvectors but no negative
    /// eigenvalue of the same size as the largest, so bipartite parts converge
    /// too; started from the degrees, as igraph starts. In a disconnected graph
    /// the leading eigenvector lives on the component with the largest
    /// eigenvalue and other nodes score (close to) 0, as in igraph and
    /// networkx. A graph without edges scores 1 everywhere, as igraph.
    ///
    /// Iteration stops when no score changes by more than `tolerance`, or, when
    /// rounding keeps the change above it (a node with thousands of neighbours),
    /// once the change has not fallen for 100 iterations and is within 64 units
    /// in the last place times the largest degree.
    ///
    /// - Complexity: O(V + E) per iteration; iterations grow with the ratio of
    ///   the two largest eigenvalues (about √d for a star of d leaves).
    public func eigenvectorCentrality(tolerance: Double = 1e-15, maximumIterations: Int = 100_000) -> [Double] {
        let n = nodeCount
        guard edgeCount > 0 else { return [Double](repeating: 1, count: n) }
        var x = (0..<n).map { Double(degree(of: $0)) }
        var next = [Double](repeating: 0, count: n)
        let largestDegree = (0..<n).map { degree(of: $0) }.max() ?? 0
        var convergence = Convergence(tolerance: tolerance, noise: 64 * Double.ulpOfOne * Double(largestDegree + 1))
        // Raw buffers: each of the (often many) iterations reads every edge,
        // and bounds checks would dominate.
        offsets.withUnsafeBufferPointer { offsets in
        neighbours.withUnsafeBufferPointer { neighbours in
            for _ in 0..<maximumIterations {
                let change = x.withUnsafeBufferPointer { x in
                    next.withUnsafeMutableBufferPointer { next in
                        var largest = 0.0
                        for v in 0..<n {
                            var sum = x[v]
                            for position in Int(offsets[v])..<Int(offsets[v + 1]) { sum += x[Int(neighbours[position])] }
                            next[v] = sum
                            largest = Swift.max(largest, sum)
                        }
                        var change = 0.0
                        for v in 0..<n {
                            next[v] /= largest
                            change = Swift.max(change, abs(next[v] - x[v]))
                        }
                        return change
                    }
                }
                swap(&x, &next)
                if convergence.isDone(after: change) { break }
            }
        }}
        return x
    }
}
