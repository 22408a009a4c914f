/// The five brokerage roles of Gould and Fernandez (1989), "Structures of
/// mediation", Sociological Methodology 19. A node v brokers the ordered pair
/// (a, b) when a -> v -> b and there is no a -> b; the role depends on groups:
public enum BrokerageRole: String, CaseIterable, Sendable, Codable {
    /// a, v and b all in one group (sna `w_I`).
    case coordinator
    /// a and b in one group, v in another (sna `w_O`).
    case itinerant
    /// v shares b's group, a differs: v controls access to its group (sna `b_OI`).
    case gatekeeper
    /// v shares a's group, b differs: v speaks for its group (sna `b_IO`).
    case representative
    /// all three in different groups (sna `b_O`).
    case liaison
}

/// Counts per role, and their total.
public struct BrokerageCounts: Sendable, Equatable {
    /// Counts in the order of ``BrokerageRole/allCases``.
    public var counts: [Double] = [0, 0, 0, 0, 0]

    /// The count of one role.
    public subscript(role: BrokerageRole) -> Double {
        get { counts[BrokerageRole.allCases.firstIndex(of: role)!] }
        set { counts[BrokerageRole.allCases.firstIndex(of: role)!] = newValue }
    }

    /// All roles together.
    public var total: Double { counts.reduce(0, +) }
}

/// Gould-Fernandez brokerage of every node, with the expected counts, standard
/// deviations and z-scores under the random-graph model, exactly as R sna
/// `brokerage(g, cl)` reports them (`raw.nli`, `exp.nli`, `sd.nli`, `z.nli`,
/// and the whole-network `*.gli`). Ordered pairs are counted: a two-path with
/// mutual ties at both steps and no tie between the ends counts twice.
public struct Brokerage: Sendable, Equatable {
    /// Each node's counts.
    public let raw: [BrokerageCounts]
    /// Each node's expected counts (by its group's size), roles then total.
    public let expected: [[Double]]
    /// Each node's standard deviations, roles then total.
    public let standardDeviation: [[Double]]
    /// Each node's z-scores, roles then total; `nil` where the deviation is 0.
    public let z: [[Double?]]
    /// Whole-network counts, roles then total.
    public let networkRaw: [Double]
    /// Whole-network expected counts.
    public let networkExpected: [Double]
    /// Whole-network standard deviations.
    public let networkStandardDeviation: [Double]
    /// Whole-network z-scores; `nil` where the deviation is 0.
    public let networkZ: [Double?]

    /// Computes brokerage of `graph` (unweighted) for the group of each node.
    ///
    /// The counts come from ``roleCounts(_:groups:groupCount:)``; the expected
    /// counts and variances of each group and of the whole network are sna's
    /// formulas with their sums over other groups (pairs and triples of groups
    /// included) written as sums of powers of the group sizes, so that they cost
    /// O(G) for G groups in all.
    ///
    /// - Complexity: O(V log V + E + Σ_(a->b) min(out(a), in(b)) log d): linear
    ///   in people and ties for stars, pairs and many groups; O(V + G) memory
    ///   besides the result.
    package init(_ graph: Digraph, groups: [Int]) {
        let n = graph.nodeCount
        precondition(groups.count == n)
        // Groups numbered 0..<G in the order of their numbers, as sna sorts them.
        let labels = Array(Set(groups)).sorted()
        var position: [Int: Int] = [:]
        position.reserveCapacity(labels.count)
        for (index, label) in labels.enumerated() { position[label] = index }
        let dense = groups.map { position[$0]! }
        var groupSizes = [Int](repeating: 0, count: labels.count)
        for g in dense { groupSizes[g] += 1 }
        let ns = groupSizes.map(Double.init)
        let roles = BrokerageRole.allCases.count
        let counts = Self.roleCounts(graph, groups: dense, groupCount: labels.count)
        let raw = (0..<n).map { v in BrokerageCounts(counts: (0..<roles).map { Double(counts[v * roles + $0]) }) }
        self.raw = raw
        // Expectations under a random graph of the same density (sna's formulas).
        let total = Double(n)
        let d = n > 1 ? Double(graph.edgeCount) / (total * (total - 1)) : 0
        let q = d * d * (1 - d), r = d * d * d * (1 - d) * (1 - d) * (1 - d)
        // Sums of powers of the group sizes; a sum over the other groups is the sum less the group's own term.
        var p2 = 0.0, p3 = 0.0, p4 = 0.0, falling2 = 0.0, falling3 = 0.0
        for m in ns {
            p2 += m * m
            p3 += m * m * m
            p4 += m * m * m * m
            falling2 += m * (m - 1)
            falling3 += m * (m - 1) * (m - 2)
        }
        func choose2(_ x: Double) -> Double { x * (x - 1) / 2 }
        var groupExpected: [[Double]] = [], groupVariance: [[Double]] = []
        for m in ns {
            let others = total - m
            var e = [Double](repeating: 0, count: 6), v = [Double](repeating: 0, count: 6)
            e[0] = q * (m - 1) * (m - 2)
            v[0] = e[0] * (1 - q) + 2 * (m - 1) * (m - 2) * (m - 3) * r
            e[1] = q * (falling2 - m * (m - 1))
            v[1] = e[1] * (1 - q) + 2 * (falling3 - m * (m - 1) * (m - 2)) * r
            e[3] = q * (total - m) * (m - 1)
            v[3] = e[3] * (1 - q) + 2 * ((m - 1) * choose2(total - m) + (total - m) * choose2(m - 1)) * r
            e[2] = e[3]
            v[2] = v[3]
            e[4] = q * (others * others - (p2 - m * m))
            // Σ over other groups of size k of k × C(total - k - m, 2), expanded in powers of k.
            let pairsBeyond = ((others * others - others) * others + (1 - 2 * others) * (p2 - m * m) + (p3 - m * m * m)) / 2
            v[4] = e[4] * (1 - q) + 4 * pairsBeyond * r
            e[5] = q * (total - 1) * (total - 2)
            v[5] = e[5] * (1 - q) + 2 * (total - 1) * (total - 2) * (total - 3) * r
            groupExpected.append(e)
            groupVariance.append(v)
        }
        let groupDeviation = groupVariance.map { $0.map { $0.squareRoot() } }
        expected = dense.map { groupExpected[$0] }
        standardDeviation = dense.map { groupDeviation[$0] }
        z = (0..<n).map { v in
            let counts = raw[v].counts + [raw[v].total]
            return (0..<6).map { k in
                let sd = groupDeviation[dense[v]][k]
                return sd == 0 ? nil : (counts[k] - groupExpected[dense[v]][k]) / sd
            }
        }
        // Whole network.
        var networkRaw = [Double](repeating: 0, count: 6)
        for counts in raw {
            for k in 0..<5 { networkRaw[k] += counts.counts[k] }
            networkRaw[5] += counts.total
        }
        let q4 = d * d * d * d * (1 - d) * (1 - d), q5 = d * d * d * d * d * (1 - d)
        var e = [Double](repeating: 0, count: 6), v = [Double](repeating: 0, count: 6)
        e[0] = q * ns.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) }
        v[0] = e[0] * (1 - q) + ns.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) * ((4 * $1 - 10) * r - 4 * ($1 - 3) * q4 + ($1 - 3) * q5) }
        e[1] = q * ns.reduce(0) { $0 + $1 * (total - $1) * ($1 - 1) }
        // sna: Σ over all pairs of groups (x, y) of x y (x - 1) ((2x + 2y - 6) r + (total - x - 1) q5), less
        // the pairs with y = x. Summed over the other groups y first, the coefficients of r and q5 are sums of
        // whole numbers, exact in doubles, so that a variance that is 0 comes out as 0.
        var pairR = 0.0, pairQ5 = 0.0
        for x in ns {
            pairR += x * (x - 1) * ((2 * x - 6) * (total - x) + 2 * (p2 - x * x))
            pairQ5 += x * (x - 1) * (total - x - 1) * (total - x)
        }
        v[1] = e[1] * (1 - q) + pairR * r + pairQ5 * q5
        e[2] = q * ns.reduce(0) { $0 + $1 * (total - $1) * ($1 - 1) }
        v[2] = e[2] * (1 - q) + ns.reduce(0) { $0 + $1 * (total - $1) * ($1 - 1) * ((total - 3) * r + ($1 - 2) * q5) }
        e[3] = e[2]
        v[3] = v[2]
        // Σ over all pairs of groups of x y (total - x - y).
        let tripleSum = total * total * total - 2 * total * p2
        e[4] = q * (tripleSum - ns.reduce(0) { $0 + $1 * $1 * (total - 2 * $1) })
        v[4] = e[4] * (1 - q)
        // Σ over triples of distinct groups (a, b, c) of a b c ((4(total - b) - 2(a + c + 1)) r
        // - (4(total - c) - 2(a + b + 1)) q4 + (total - (a + c + 1)) q5), from the sums over distinct
        // triples of a b c and of a² b c (the same whichever of the three is squared).
        let distinct3 = total * total * total - 3 * total * p2 + 2 * p3
        let distinct4 = p2 * total * total - 2 * p3 * total - p2 * p2 + 2 * p4
        v[4] += (r - q4) * ((4 * total - 2) * distinct3 - 8 * distinct4) + q5 * ((total - 1) * distinct3 - 2 * distinct4)
        e[5] = q * total * (total - 1) * (total - 2)
        v[5] = e[5] * (1 - q) + total * (total - 1) * (total - 2) * ((4 * total - 10) * r - 4 * (total - 3) * q4 + (total - 3) * q5)
        self.networkRaw = networkRaw
        networkExpected = e
        networkStandardDeviation = v.map { $0.squareRoot() }
        networkZ = (0..<6).map { k in
            let sd = v[k].squareRoot()
            return sd == 0 || sd.isNaN ? nil : (networkRaw[k] - e[k]) / sd
        }
    }
}
