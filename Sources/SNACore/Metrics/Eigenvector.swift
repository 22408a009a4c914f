/// Eigenvector centrality with how its iteration ended.
public struct EigenvectorCentrality: Sendable {
    /// The scores, largest 1 (0 for a node without ties, 1 everywhere in a graph without edges).
    public let scores: [Double]
    /// The iterations taken.
    public let iterations: Int
    /// Whether the iteration settled; when false, the scores are the last
    /// iterate and only approximate the eigenvector (a long chain of people,
    /// whose two largest eigenvalues are all but equal, converges too slowly
    /// for any budget).
    public let converged: Bool
}

extension UndirectedGraph {
    /// The eigenvector centrality scores alone; see ``eigenvector(tolerance:maximumIterations:)``.
    public func eigenvectorCentrality(tolerance: Double = 1e-15, maximumIterations: Int? = nil) -> [Double] {
        eigenvector(tolerance: tolerance, maximumIterations: maximumIterations).scores
    }

    /// The default cap on iterations for a graph: as many as fit a budget of
    /// 10⁹ node and edge visits, at least 1,000 and at most 100,000, so that no
    /// shape costs more than a few seconds (a path of 100,000 people, whose
    /// iteration would need billions of steps, stops unconverged and says so).
    static func defaultIterationCap(work: Int) -> Int {
        Swift.min(100_000, Swift.max(1_000, 1_000_000_000 / Swift.max(work, 1)))
    }

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
    /// Where the iteration's change flips sign from one step to the next (the
    /// slowest part of the error lies along an eigenvalue below -1 of A, as in
    /// a bipartite part such as a star, where A + I converges at only
    /// (√d - 1)/(√d + 1) per step: about 5,500 steps for 100,000 leaves), the
    /// next step is taken with A + λI instead, λ the Rayleigh quotient of the
    /// current vector: that step damps the error along an eigenvalue μ by
    /// |μ + λ|/(λ₁ + λ), so the part along -λ₁ (≈ 0 for a bipartite graph) all
    /// but goes, and the iteration goes on with A + I. The shifted step has the
    /// same fixed point, so the result is the same eigenvector to the tolerance;
    /// where the change never flips sign (most graphs) not one step differs
    /// from plain A + I iteration.
    ///
    /// Iteration stops when no score changes by more than `tolerance`, or, when
    /// rounding keeps the change above it (a node with thousands of neighbours),
    /// once the change has not fallen for 100 iterations and is within 64 units
    /// in the last place times the largest degree.
    ///
    /// The iteration is capped at `maximumIterations`, by default
    /// ``defaultIterationCap(work:)``; a capped run returns its last iterate
    /// with `converged` false.
    ///
    /// - Complexity: O(V) once, then O(V' + E) per iteration for the V' nodes with ties; iterations grow with the ratio of
    ///   the two largest eigenvalues of A + I, apart from a negative one
    ///   removed by the shifted steps (a star of 100,000 leaves takes tens of
    ///   steps, not thousands), and are capped so that the whole costs O(10⁹) at most beyond O(V + E).
    public func eigenvector(tolerance: Double = 1e-15, maximumIterations: Int? = nil) -> EigenvectorCentrality {
        let n = nodeCount
        guard edgeCount > 0 else { return EigenvectorCentrality(scores: [Double](repeating: 1, count: n), iterations: 0, converged: true) }
        var x = (0..<n).map { Double(degree(of: $0)) }
        // A node without ties starts at its degree, 0, and stays exactly 0 (it has no
        // neighbours and no share of A + λI beyond its own 0), so only nodes with ties are iterated.
        let active = (0..<n).filter { degree(of: $0) > 0 }.map { Int32($0) }
        var next = [Double](repeating: 0, count: n)
        // The previous step's change per node, to see whether the change flips sign.
        var previousChange = [Double](repeating: 0, count: n)
        let largestDegree = (0..<n).map { degree(of: $0) }.max() ?? 0
        var convergence = Convergence(tolerance: tolerance, noise: 64 * Double.ulpOfOne * Double(largestDegree + 1))
        // The diagonal shift of the next step: 1 (A + I), or the Rayleigh quotient after a step whose change flipped sign.
        var shift = 1.0
        let cap = maximumIterations ?? Self.defaultIterationCap(work: active.count + 2 * edgeCount)
        var iterations = 0, converged = false
        // Raw buffers: each of the (often many) iterations reads every edge,
        // and bounds checks would dominate.
        active.withUnsafeBufferPointer { active in
        offsets.withUnsafeBufferPointer { offsets in
        neighbours.withUnsafeBufferPointer { neighbours in
            for iteration in 0..<cap {
                let (change, flipped, rayleigh) = x.withUnsafeBufferPointer { x in
                    next.withUnsafeMutableBufferPointer { next in
                        previousChange.withUnsafeMutableBufferPointer { previousChange in
                            var largest = 0.0
                            // x·Ax and x·x, for the Rayleigh quotient.
                            var quadratic = 0.0, square = 0.0
                            for node in active {
                                let v = Int(node)
                                // shift × x[v] is x[v] itself for A + I, so those steps sum as before, bit for bit.
                                let own = shift * x[v]
                                var sum = own
                                for position in Int(offsets[v])..<Int(offsets[v + 1]) { sum += x[Int(neighbours[position])] }
                                quadratic += x[v] * (sum - own)
                                square += x[v] * x[v]
                                next[v] = sum
                                largest = Swift.max(largest, sum)
                            }
                            var change = 0.0, agreement = 0.0
                            for node in active {
                                let v = Int(node)
                                next[v] /= largest
                                let step = next[v] - x[v]
                                change = Swift.max(change, abs(step))
                                agreement += step * previousChange[v]
                                previousChange[v] = step
                            }
                            return (change, agreement < 0, square > 0 ? quadratic / square : 0)
                        }
                    }
                }
                swap(&x, &next)
                iterations = iteration + 1
                if convergence.isDone(after: change) { converged = true; break }
                // After a flip, one step with A + λI; never two running (the change after one is not comparable).
                shift = shift == 1 && flipped && iteration > 0 && rayleigh > 1 ? rayleigh : 1
            }
        }}}
        return EigenvectorCentrality(scores: x, iterations: iterations, converged: converged)
    }
}
