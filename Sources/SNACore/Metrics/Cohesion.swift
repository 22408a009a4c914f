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
    /// Each triangle is found once from each of its three ties {u, w}, as a
    /// common neighbour x of u and w (the shorter list walked, the longer
    /// searched), and counted for x; a person tied to many people who are not
    /// tied to each other costs O(d), not O(d²).
    ///
    /// - Complexity: O(Σ_{u,w} min(d_u, d_w) log d) over the ties (O(E √E log d)
    ///   at worst, O(E log d) for stars); O(V) memory besides the result.
    public func triangles() -> [Int] {
        var result = [Int](repeating: 0, count: nodeCount)
        for u in 0..<nodeCount {
            let uNeighbours = neighbours(of: u)
            for w32 in uNeighbours where Int(w32) > u {
                let wNeighbours = neighbours(of: Int(w32))
                let (walk, search) = uNeighbours.count <= wNeighbours.count ? (uNeighbours, wNeighbours) : (wNeighbours, uNeighbours)
                for x in walk where search.sortedContains(x) { result[Int(x)] += 1 }
            }
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
