/// Burt's structural-hole measures on a directed graph, unweighted: the tie
/// between i and j weighs a_ij + a_ji (2 when reciprocated), as igraph
/// `constraint()` and networkx `constraint()`/`effective_size()` read a
/// directed graph. Burt (1992), *Structural Holes*.
public struct StructuralHoles: Sendable, Equatable {
    /// Burt's constraint: Σ_j (p_ij + Σ_q p_iq p_qj)² over i's neighbours j,
    /// with p_ij = (a_ij + a_ji) / Σ_k (a_ik + a_ki). `nil` for isolates.
    public let constraint: [Double?]
    /// Burt's effective size: Σ_j (1 - Σ_q p_iq m_jq) over i's neighbours j,
    /// q ranging over i's other neighbours, m_jq = (a_jq + a_qj) / max_k (a_jk + a_kj).
    /// `nil` for isolates. (networkx 3.6's default path for directed graphs
    /// divides by the wrong maximum; this follows Burt.)
    public let effectiveSize: [Double?]

    /// Computes both measures.
    ///
    /// The neighbours q that carry an indirect tie between i and j are the
    /// common neighbours of i and j; they are found by walking the shorter of
    /// the two lists (ascending, so the sums add up in the same order as a walk
    /// over i's neighbours) and testing membership in the other, so a person
    /// tied to many people who are not tied to each other costs O(d), not O(d²).
    ///
    /// - Complexity: O(Σ_{i,j} min(d_i, d_j) log d) over the ties {i, j} of the
    ///   symmetrised graph (O(E √E log d) at worst, O(E log d) for stars); O(V)
    ///   memory besides the graph.
    package init(_ graph: Digraph) {
        let n = graph.nodeCount
        let undirected = graph.symmetrised()
        func mutual(_ i: Int, _ j: Int) -> Double {
            (graph.hasEdge(from: i, to: j) ? 1 : 0) + (graph.hasEdge(from: j, to: i) ? 1 : 0)
        }
        // Total and largest mutual weight of each node.
        var total = [Double](repeating: 0, count: n)
        var largest = [Double](repeating: 0, count: n)
        for i in 0..<n {
            for j in undirected.neighbours(of: i) {
                let w = mutual(i, Int(j))
                total[i] += w
                largest[i] = Swift.max(largest[i], w)
            }
        }
        var constraint = [Double?](repeating: nil, count: n)
        var effectiveSize = [Double?](repeating: nil, count: n)
        // p[q] > 0 exactly for i's neighbours q while i is processed.
        var p = [Double](repeating: 0, count: n)
        for i in 0..<n where undirected.degree(of: i) > 0 {
            let neighbours = undirected.neighbours(of: i)
            for j in neighbours { p[Int(j)] = mutual(i, Int(j)) / total[i] }
            var c = 0.0, size = 0.0
            for j32 in neighbours {
                let j = Int(j32)
                let jNeighbours = undirected.neighbours(of: j)
                var indirect = 0.0, redundancy = 0.0
                func add(_ q: Int) {
                    let qj = mutual(q, j)
                    indirect += p[q] * qj / total[q]
                    redundancy += p[q] * qj / largest[j]
                }
                if jNeighbours.count < neighbours.count {
                    for q32 in jNeighbours where p[Int(q32)] > 0 { add(Int(q32)) }
                } else {
                    for q32 in neighbours where q32 != j32 && jNeighbours.sortedContains(q32) { add(Int(q32)) }
                }
                c += (p[j] + indirect) * (p[j] + indirect)
                size += 1 - redundancy
            }
            constraint[i] = c
            effectiveSize[i] = size
            for j in neighbours { p[Int(j)] = 0 }
        }
        self.constraint = constraint
        self.effectiveSize = effectiveSize
    }
}
