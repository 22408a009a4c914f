extension UndirectedGraph {
    /// The k-core number of every node: the largest k such that the node is in
    /// a subgraph where every node has degree at least k. Batagelj and
    /// Zaversnik (2003), O(m) algorithm; as igraph `coreness(mode="all")` on the
    /// symmetrised graph.
    ///
    /// - Complexity: O(V + E).
    public func coreNumbers() -> [Int] {
        let n = nodeCount
        guard n > 0 else { return [] }
        var degree = (0..<n).map { self.degree(of: $0) }
        let maxDegree = degree.max() ?? 0
        // Bucket sort nodes by degree.
        var binStart = [Int](repeating: 0, count: maxDegree + 2)
        for d in degree { binStart[d + 1] += 1 }
        for d in 0...maxDegree { binStart[d + 1] += binStart[d] }
        var position = [Int](repeating: 0, count: n)
        var sorted = [Int](repeating: 0, count: n)
        var fill = binStart
        for v in 0..<n {
            position[v] = fill[degree[v]]
            sorted[position[v]] = v
            fill[degree[v]] += 1
        }
        for index in 0..<n {
            let v = sorted[index]
            for w32 in neighbours(of: v) {
                let w = Int(w32)
                guard degree[w] > degree[v] else { continue }
                // Move w to the front of its bin, then shrink its degree.
                let dw = degree[w]
                let front = binStart[dw]
                let u = sorted[front]
                if u != w {
                    sorted[position[w]] = u
                    position[u] = position[w]
                    sorted[front] = w
                    position[w] = front
                }
                binStart[dw] += 1
                degree[w] -= 1
            }
        }
        return degree
    }

    /// Triangles through each node.
    ///
    /// - Complexity: O(Σ d²) with a marker array.
    public func triangles() -> [Int] {
        let n = nodeCount
        var mark = [Bool](repeating: false, count: n)
        var result = [Int](repeating: 0, count: n)
        for v in 0..<n {
            for w in neighbours(of: v) { mark[Int(w)] = true }
            var count = 0
            for w in neighbours(of: v) {
                for x in neighbours(of: Int(w)) where x > w && mark[Int(x)] { count += 1 }
            }
            result[v] = count
            for w in neighbours(of: v) { mark[Int(w)] = false }
        }
        return result
    }

    /// Local clustering: the share of pairs of a node's neighbours that are
    /// tied; 0 for nodes with fewer than two neighbours. As igraph
    /// `transitivity_local_undirected(mode="zero")` and networkx `clustering`.
    public func localClustering() -> [Double] {
        let t = triangles()
        return (0..<nodeCount).map { v in
            let d = Double(degree(of: v))
            return d < 2 ? 0 : Double(t[v]) / (d * (d - 1) / 2)
        }
    }

    /// Transitivity: 3 × triangles / connected triples; 0 without triples. As
    /// igraph `transitivity_undirected` and networkx `transitivity`.
    public func transitivity() -> Double {
        let t = triangles().reduce(0, +)
        var triples = 0
        for v in 0..<nodeCount {
            let d = degree(of: v)
            triples += d * (d - 1) / 2
        }
        return triples == 0 ? 0 : Double(t) / Double(triples)
    }
}
