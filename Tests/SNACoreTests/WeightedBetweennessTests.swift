import Testing
@testable import SNACore

/// Weighted betweenness against a brute-force count of shortest paths on random graphs.
@Suite struct WeightedBetweennessTests {
    /// A random graph with integer weights drawn from `weights`.
    static func randomGraph(_ random: inout SeededGenerator, nodes: Int, edges: Int, weights: [Double]) -> Digraph {
        Digraph(nodeCount: nodes, edges: (0..<edges).map { _ in
            Digraph.Edge(source: Int32(random.nextInt(below: nodes)), target: Int32(random.nextInt(below: nodes)),
                         weight: weights[random.nextInt(below: weights.count)])
        }, merge: .max)
    }

    /// Betweenness from all-pairs distances (Floyd-Warshall) and path counts, in exact integers:
    /// `lengths[e]` is the integer length of out-edge e.
    static func bruteForce(_ g: Digraph, lengths: [Int]) -> [Double] {
        let n = g.nodeCount, none = Int.max / 4
        var d = [[Int]](repeating: [Int](repeating: none, count: n), count: n)
        for v in 0..<n {
            d[v][v] = 0
            for e in Int(g.outOffsets[v])..<Int(g.outOffsets[v + 1]) { d[v][Int(g.outTargets[e])] = min(d[v][Int(g.outTargets[e])], lengths[e]) }
        }
        for k in 0..<n { for i in 0..<n where d[i][k] < none { for j in 0..<n where d[k][j] < none { d[i][j] = min(d[i][j], d[i][k] + d[k][j]) } } }
        // sigma[s][t]: shortest paths from s to t, counted over nodes in order of distance from s.
        var sigma = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for s in 0..<n {
            sigma[s][s] = 1
            for t in (0..<n).filter({ $0 != s && d[s][$0] < none }).sorted(by: { d[s][$0] < d[s][$1] }) {
                for e in 0..<g.edgeCount {
                    let u = g.outOffsets.lastIndex { Int($0) <= e }!
                    if Int(g.outTargets[e]) == t && d[s][u] < none && d[s][u] + lengths[e] == d[s][t] { sigma[s][t] += sigma[s][u] }
                }
            }
        }
        var result = [Double](repeating: 0, count: n)
        for s in 0..<n { for t in 0..<n where t != s && d[s][t] < none {
            for v in 0..<n where v != s && v != t && d[s][v] < none && d[v][t] < none && d[s][v] + d[v][t] == d[s][t] {
                result[v] += sigma[s][v] * sigma[v][t] / sigma[s][t]
            }
        } }
        return result
    }

    static func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($0), abs($1)) }
    }

    @Test func lengthsAreWeightsAsBruteForce() throws {
        var random = SeededGenerator(seed: 31)
        for _ in 0..<30 {
            let n = 3 + random.nextInt(below: 20)
            let g = Self.randomGraph(&random, nodes: n, edges: random.nextInt(below: n * 4), weights: [1, 2, 3])
            let mine = try WeightedBetweenness(g, length: .weight).betweenness
            #expect(Self.close(mine, Self.bruteForce(g, lengths: g.outWeights.map { Int($0) })))
        }
    }

    @Test func inverseLengthsTieAsFractionsDo() throws {
        // Weights 1, 2, 3, 6: lengths 1, 1/2, 1/3, 1/6, which are 6, 3, 2, 1 sixths, so sums of
        // fractions that tie exactly (1/3 + 1/6 = 1/2) must tie in floating point too.
        var random = SeededGenerator(seed: 32)
        for _ in 0..<30 {
            let n = 3 + random.nextInt(below: 20)
            let g = Self.randomGraph(&random, nodes: n, edges: random.nextInt(below: n * 4), weights: [1, 2, 3, 6])
            let mine = try WeightedBetweenness(g, length: .inverse).betweenness
            #expect(Self.close(mine, Self.bruteForce(g, lengths: g.outWeights.map { Int(6 / $0) })))
        }
    }

    @Test func equalWeightsGiveUnweightedBetweenness() throws {
        var random = SeededGenerator(seed: 33)
        let g = Self.randomGraph(&random, nodes: 150, edges: 700, weights: [2])
        #expect(Self.close(try WeightedBetweenness(g).betweenness, PathCentralities(g, edges: false).betweenness))
        #expect(Self.close(try WeightedBetweenness(g, length: .inverse).betweenness, PathCentralities(g, edges: false).betweenness))
    }

    @Test func sameResultOnAnyNumberOfThreads() throws {
        var random = SeededGenerator(seed: 34)
        let g = Self.randomGraph(&random, nodes: 300, edges: 1500, weights: [1, 1.5, 2.25, 4])
        let one = try Parallel.withThreads(1) { try WeightedBetweenness(g, length: .inverse) }
        #expect(try Parallel.withThreads(3) { try WeightedBetweenness(g, length: .inverse) } == one)
    }

    @Test func weightsThatCannotBeLengthsAreRejected() throws {
        let g = Digraph(nodeCount: 3, edges: [.init(source: 0, target: 1, weight: 2), .init(source: 1, target: 2, weight: 0)])
        #expect(throws: WeightedBetweenness.InvalidLength(source: 1, target: 2, weight: 0, length: .weight)) {
            try WeightedBetweenness(g, length: .weight)
        }
        // With lengths 1/weight a weight of 0 is no path: nobody lies between 0 and 2.
        #expect(try WeightedBetweenness(g, length: .inverse).betweenness == [0, 0, 0])
        let negative = Digraph(nodeCount: 2, edges: [.init(source: 0, target: 1, weight: -1)])
        #expect(throws: WeightedBetweenness.InvalidLength.self) { try WeightedBetweenness(negative, length: .inverse) }
    }
}
