import Testing
@testable import SNACore

/// Brokerage, structural holes and triangles, whose fast forms count by group
/// tallies and common neighbours, against plain enumeration on seeded random
/// graphs: dense ones, stars (one person naming and named by everyone) and
/// separate pairs, with few groups and with one group per person.
@Suite struct BrokerageBruteForceTests {
    /// A random graph, a star with some reciprocated and some closing ties, or separate pairs.
    static func graph(_ random: inout SeededGenerator, shape: Int) -> Digraph {
        let n = 3 + random.nextInt(below: 28)
        var edges: [Digraph.Edge] = []
        switch shape {
        case 0:
            for _ in 0..<random.nextInt(below: n * 4) {
                edges.append(.init(source: Int32(random.nextInt(below: n)), target: Int32(random.nextInt(below: n))))
            }
        case 1:
            let hub = Int32(random.nextInt(below: n))
            for v in 0..<Int32(n) where v != hub {
                if random.nextInt(below: 4) != 0 { edges.append(.init(source: hub, target: v)) }
                if random.nextInt(below: 2) == 0 { edges.append(.init(source: v, target: hub)) }
                if random.nextInt(below: 6) == 0 { edges.append(.init(source: v, target: Int32(random.nextInt(below: n)))) }
            }
        default:
            for v in stride(from: 0, to: n - 1, by: 2) {
                edges.append(.init(source: Int32(v), target: Int32(v + 1)))
                if random.nextInt(below: 3) == 0 { edges.append(.init(source: Int32(v + 1), target: Int32(v))) }
            }
        }
        return Digraph(nodeCount: n, edges: edges)
    }

    /// Group labels: a few shared ones, or one per node; labels are not 0..<G.
    static func groups(_ random: inout SeededGenerator, nodes: Int) -> [Int] {
        let perNode = random.nextInt(below: 3) == 0
        let spread = 1 + random.nextInt(below: 5)
        return (0..<nodes).map { perNode ? 7 * $0 - 40 : 3 * random.nextInt(below: spread) - 2 }
    }

    static func adjacency(_ g: Digraph) -> [[Bool]] {
        var a = [[Bool]](repeating: [Bool](repeating: false, count: g.nodeCount), count: g.nodeCount)
        for v in 0..<g.nodeCount { for w in g.successors(of: v) { a[v][Int(w)] = true } }
        return a
    }

    static func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 1e-9 * max(1, abs(x), abs(y)) }

    @Test func roleCountsMatchEveryTwoPath() {
        var random = SeededGenerator(seed: 1601)
        for round in 0..<120 {
            let g = Self.graph(&random, shape: round % 3)
            let n = g.nodeCount
            let groups = Self.groups(&random, nodes: n)
            let a = Self.adjacency(g)
            var expected = [[Double]](repeating: [0, 0, 0, 0, 0], count: n)
            for v in 0..<n {
                for s in 0..<n where s != v && a[s][v] {
                    for t in 0..<n where t != v && t != s && a[v][t] && !a[s][t] {
                        let role: Int
                        if groups[s] == groups[v] && groups[t] == groups[v] { role = 0 }
                        else if groups[s] == groups[t] { role = 1 }
                        else if groups[t] == groups[v] { role = 2 }
                        else if groups[s] == groups[v] { role = 3 }
                        else { role = 4 }
                        expected[v][role] += 1
                    }
                }
            }
            let brokerage = Brokerage(g, groups: groups)
            #expect(brokerage.raw.map(\.counts) == expected)
        }
    }

    /// sna's expected counts and variances summed group by group, pair by pair
    /// and triple by triple, as `sna::brokerage` writes them.
    static func snaMoments(n: Int, edges: Int, groups: [Int]) -> (node: [[Double]], nodeVariance: [[Double]], network: [Double], networkVariance: [Double]) {
        let total = Double(n)
        let d = n > 1 ? Double(edges) / (total * (total - 1)) : 0
        let q = d * d * (1 - d), r = d * d * d * (1 - d) * (1 - d) * (1 - d)
        let q4 = d * d * d * d * (1 - d) * (1 - d), q5 = d * d * d * d * d * (1 - d)
        let labels = Array(Set(groups)).sorted()
        let ns = labels.map { label in Double(groups.filter { $0 == label }.count) }
        func choose2(_ x: Double) -> Double { x * (x - 1) / 2 }
        var node: [[Double]] = [], nodeVariance: [[Double]] = []
        for v in 0..<n {
            let own = labels.firstIndex(of: groups[v])!
            let m = ns[own]
            let others = ns.indices.filter { $0 != own }.map { ns[$0] }
            var e = [Double](repeating: 0, count: 6), s = [Double](repeating: 0, count: 6)
            e[0] = q * (m - 1) * (m - 2)
            s[0] = e[0] * (1 - q) + 2 * (m - 1) * (m - 2) * (m - 3) * r
            e[1] = q * others.reduce(0) { $0 + $1 * ($1 - 1) }
            s[1] = e[1] * (1 - q) + 2 * others.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) } * r
            e[2] = q * (total - m) * (m - 1)
            s[2] = e[2] * (1 - q) + 2 * ((m - 1) * choose2(total - m) + (total - m) * choose2(m - 1)) * r
            e[3] = e[2]
            s[3] = s[2]
            let sum = others.reduce(0, +)
            e[4] = q * (sum * sum - others.reduce(0) { $0 + $1 * $1 })
            s[4] = e[4] * (1 - q) + 4 * others.reduce(0) { $0 + $1 * choose2(total - $1 - m) } * r
            e[5] = q * (total - 1) * (total - 2)
            s[5] = e[5] * (1 - q) + 2 * (total - 1) * (total - 2) * (total - 3) * r
            node.append(e)
            nodeVariance.append(s)
        }
        var e = [Double](repeating: 0, count: 6), s = [Double](repeating: 0, count: 6)
        e[0] = q * ns.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) }
        s[0] = e[0] * (1 - q) + ns.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) * ((4 * $1 - 10) * r - 4 * ($1 - 3) * q4 + ($1 - 3) * q5) }
        e[1] = q * ns.reduce(0) { $0 + $1 * (total - $1) * ($1 - 1) }
        var pairs = 0.0
        for x in ns { for y in ns { pairs += x * y * (x - 1) * ((2 * x + 2 * y - 6) * r + (total - x - 1) * q5) } }
        s[1] = e[1] * (1 - q) + pairs - ns.reduce(0) { $0 + $1 * $1 * ($1 - 1) * ((4 * $1 - 6) * r + (total - $1 - 1) * q5) }
        e[2] = q * ns.reduce(0) { $0 + $1 * (total - $1) * ($1 - 1) }
        s[2] = e[2] * (1 - q) + ns.reduce(0) { $0 + $1 * (total - $1) * ($1 - 1) * ((total - 3) * r + ($1 - 2) * q5) }
        e[3] = e[2]
        s[3] = s[2]
        var triples = 0.0
        for x in ns { for y in ns { triples += x * y * (total - x - y) } }
        e[4] = q * (triples - ns.reduce(0) { $0 + $1 * $1 * (total - 2 * $1) })
        s[4] = e[4] * (1 - q)
        for i in ns.indices {
            for j in ns.indices where j != i {
                for k in ns.indices where k != i && k != j {
                    let (a, b, c) = (ns[i], ns[j], ns[k])
                    s[4] += a * b * c * ((4 * (total - b) - 2 * (a + c + 1)) * r - (4 * (total - c) - 2 * (a + b + 1)) * q4
                        + (total - (a + c + 1)) * q5)
                }
            }
        }
        e[5] = q * total * (total - 1) * (total - 2)
        s[5] = e[5] * (1 - q) + total * (total - 1) * (total - 2) * ((4 * total - 10) * r - 4 * (total - 3) * q4 + (total - 3) * q5)
        return (node, nodeVariance, e, s)
    }

    @Test func expectationsMatchSnaSumsOverGroups() {
        var random = SeededGenerator(seed: 1602)
        for round in 0..<90 {
            let g = Self.graph(&random, shape: round % 3)
            let groups = Self.groups(&random, nodes: g.nodeCount)
            let brokerage = Brokerage(g, groups: groups)
            let sna = Self.snaMoments(n: g.nodeCount, edges: g.edgeCount, groups: groups)
            for v in 0..<g.nodeCount {
                for k in 0..<6 {
                    #expect(Self.close(brokerage.expected[v][k], sna.node[v][k]))
                    #expect(Self.close(brokerage.standardDeviation[v][k], sna.nodeVariance[v][k].squareRoot()))
                }
            }
            for k in 0..<6 {
                #expect(Self.close(brokerage.networkExpected[k], sna.network[k]))
                let sd = sna.networkVariance[k].squareRoot()
                #expect(brokerage.networkStandardDeviation[k].isNaN == sd.isNaN)
                if !sd.isNaN { #expect(Self.close(brokerage.networkStandardDeviation[k], sd)) }
            }
        }
    }

    @Test func structuralHolesMatchSumsOverEveryNeighbour() {
        var random = SeededGenerator(seed: 1603)
        for round in 0..<90 {
            let g = Self.graph(&random, shape: round % 3)
            let n = g.nodeCount
            let a = Self.adjacency(g)
            let w = (0..<n).map { i in (0..<n).map { j in (a[i][j] ? 1.0 : 0) + (a[j][i] ? 1 : 0) } }
            let holes = StructuralHoles(g)
            for i in 0..<n {
                let total = w[i].reduce(0, +)
                guard total > 0 else { #expect(holes.constraint[i] == nil); continue }
                let p = { (x: Int, y: Int) -> Double in w[x][y] / w[x].reduce(0, +) }
                var c = 0.0, size = 0.0
                for j in 0..<n where w[i][j] > 0 {
                    var indirect = 0.0, redundancy = 0.0
                    for q in 0..<n where q != j && w[i][q] > 0 && w[q][j] > 0 {
                        indirect += p(i, q) * p(q, j)
                        redundancy += p(i, q) * w[q][j] / w[j].max()!
                    }
                    c += (p(i, j) + indirect) * (p(i, j) + indirect)
                    size += 1 - redundancy
                }
                #expect(Self.close(holes.constraint[i]!, c))
                #expect(Self.close(holes.effectiveSize[i]!, size))
            }
        }
    }

    @Test func trianglesMatchEveryTriple() {
        var random = SeededGenerator(seed: 1604)
        for round in 0..<90 {
            let g = Self.graph(&random, shape: round % 3).symmetrised()
            let n = g.nodeCount
            var a = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
            for v in 0..<n { for w in g.neighbours(of: v) { a[v][Int(w)] = true } }
            var expected = [Int](repeating: 0, count: n)
            for x in 0..<n { for y in (x + 1)..<max(x + 1, n) where a[x][y] { for z in (y + 1)..<max(y + 1, n) where a[x][z] && a[y][z] {
                expected[x] += 1; expected[y] += 1; expected[z] += 1
            } } }
            #expect(g.triangles() == expected)
        }
    }
}
