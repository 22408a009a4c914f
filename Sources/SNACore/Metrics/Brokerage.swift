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
    public var raw: [BrokerageCounts]
    /// Each node's expected counts (by its group's size), roles then total.
    public var expected: [[Double]]
    /// Each node's standard deviations, roles then total.
    public var standardDeviation: [[Double]]
    /// Each node's z-scores, roles then total; `nil` where the deviation is 0.
    public var z: [[Double?]]
    /// Whole-network counts, roles then total.
    public var networkRaw: [Double]
    /// Whole-network expected counts.
    public var networkExpected: [Double]
    /// Whole-network standard deviations.
    public var networkStandardDeviation: [Double]
    /// Whole-network z-scores; `nil` where the deviation is 0.
    public var networkZ: [Double?]

    /// Computes brokerage of `graph` (unweighted) for the group of each node.
    ///
    /// - Complexity: O(Σ_v in(v) out(v) log d) for the counts.
    public init(_ graph: Digraph, groups: [Int]) {
        let n = graph.nodeCount
        precondition(groups.count == n)
        var raw = [BrokerageCounts](repeating: BrokerageCounts(), count: n)
        for v in 0..<n {
            let g = groups[v]
            for a32 in graph.predecessors(of: v) {
                let a = Int(a32)
                for b32 in graph.successors(of: v) where b32 != a32 {
                    let b = Int(b32)
                    guard !graph.hasEdge(from: a, to: b) else { continue }
                    let ga = groups[a], gb = groups[b]
                    let role: Int
                    if ga == g && gb == g { role = 0 }
                    else if ga == gb { role = 1 }
                    else if gb == g { role = 2 }
                    else if ga == g { role = 3 }
                    else { role = 4 }
                    raw[v].counts[role] += 1
                }
            }
        }
        self.raw = raw
        // Expectations under a random graph of the same density (sna's formulas).
        let total = Double(n)
        let d = n > 1 ? Double(graph.edgeCount) / (total * (total - 1)) : 0
        let q = d * d * (1 - d), r = d * d * d * (1 - d) * (1 - d) * (1 - d)
        var sizes: [Int: Double] = [:]
        for g in groups { sizes[g, default: 0] += 1 }
        func choose2(_ x: Double) -> Double { x * (x - 1) / 2 }
        var groupExpected: [Int: [Double]] = [:], groupVariance: [Int: [Double]] = [:]
        for (group, m) in sizes {
            let others = sizes.filter { $0.key != group }.map(\.value)
            var e = [Double](repeating: 0, count: 6), v = [Double](repeating: 0, count: 6)
            e[0] = q * (m - 1) * (m - 2)
            v[0] = e[0] * (1 - q) + 2 * (m - 1) * (m - 2) * (m - 3) * r
            e[1] = q * others.reduce(0) { $0 + $1 * ($1 - 1) }
            v[1] = e[1] * (1 - q) + 2 * others.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) } * r
            e[3] = q * (total - m) * (m - 1)
            v[3] = e[3] * (1 - q) + 2 * ((m - 1) * choose2(total - m) + (total - m) * choose2(m - 1)) * r
            e[2] = e[3]
            v[2] = v[3]
            let sumOthers = others.reduce(0, +)
            e[4] = q * (sumOthers * sumOthers - others.reduce(0) { $0 + $1 * $1 })
            v[4] = e[4] * (1 - q) + 4 * others.reduce(0) { $0 + $1 * choose2(total - $1 - m) } * r
            e[5] = q * (total - 1) * (total - 2)
            v[5] = e[5] * (1 - q) + 2 * (total - 1) * (total - 2) * (total - 3) * r
            groupExpected[group] = e
            groupVariance[group] = v
        }
        expected = groups.map { groupExpected[$0]! }
        standardDeviation = groups.map { groupVariance[$0]!.map { $0.squareRoot() } }
        z = (0..<n).map { v in
            let counts = raw[v].counts + [raw[v].total]
            return (0..<6).map { k in
                let sd = groupVariance[groups[v]]![k].squareRoot()
                return sd == 0 ? nil : (counts[k] - groupExpected[groups[v]]![k]) / sd
            }
        }
        // Whole network.
        var networkRaw = [Double](repeating: 0, count: 6)
        for counts in raw {
            for k in 0..<5 { networkRaw[k] += counts.counts[k] }
            networkRaw[5] += counts.total
        }
        let ns = sizes.keys.sorted().map { sizes[$0]! }
        let q4 = d * d * d * d * (1 - d) * (1 - d), q5 = d * d * d * d * d * (1 - d)
        var e = [Double](repeating: 0, count: 6), v = [Double](repeating: 0, count: 6)
        e[0] = q * ns.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) }
        v[0] = e[0] * (1 - q) + ns.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) * ((4 * $1 - 10) * r - 4 * ($1 - 3) * q4 + ($1 - 3) * q5) }
        e[1] = q * ns.reduce(0) { $0 + $1 * (total - $1) * ($1 - 1) }
        var pairSum = 0.0
        for x in ns { for y in ns { pairSum += x * y * (x - 1) * ((2 * x + 2 * y - 6) * r + (total - x - 1) * q5) } }
        v[1] = e[1] * (1 - q) + pairSum - ns.reduce(0) { $0 + $1 * $1 * ($1 - 1) * ((4 * $1 - 6) * r + (total - $1 - 1) * q5) }
        e[2] = q * ns.reduce(0) { $0 + $1 * (total - $1) * ($1 - 1) }
        v[2] = e[2] * (1 - q) + ns.reduce(0) { $0 + $1 * (total - $1) * ($1 - 1) * ((total - 3) * r + ($1 - 2) * q5) }
        e[3] = e[2]
        v[3] = v[2]
        var tripleSum = 0.0
        for x in ns { for y in ns { tripleSum += x * y * (total - x - y) } }
        e[4] = q * (tripleSum - ns.reduce(0) { $0 + $1 * $1 * (total - 2 * $1) })
        v[4] = e[4] * (1 - q)
        for i in ns.indices {
            for j in ns.indices where j != i {
                for k in ns.indices where k != i && k != j {
                    let (a, b, c) = (ns[i], ns[j], ns[k])
                    v[4] += a * b * c * ((4 * (total - b) - 2 * (a + c + 1)) * r - (4 * (total - c) - 2 * (a + b + 1)) * q4
                        + (total - (a + c + 1)) * q5)
                }
            }
        }
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
