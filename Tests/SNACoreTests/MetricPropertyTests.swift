import Foundation
import Testing
@testable import SNACore

/// Invariants of the metrics on seeded random graphs, checked against brute force.
@Suite struct MetricPropertyTests {
    static func randomGraph(_ random: inout SeededGenerator, nodes: Int, edges: Int) -> Digraph {
        Digraph(nodeCount: nodes, edges: (0..<edges).map { _ in
            Digraph.Edge(source: Int32(random.nextInt(below: nodes)), target: Int32(random.nextInt(below: nodes)))
        })
    }

    /// All-pairs distances by breadth-first search; -1 when unreachable.
    static func distances(_ g: Digraph) -> [[Int]] {
        (0..<g.nodeCount).map { s in
            var d = [Int](repeating: -1, count: g.nodeCount)
            d[s] = 0
            var queue = [s], head = 0
            while head < queue.count {
                let v = queue[head]; head += 1
                for w in g.successors(of: v) where d[Int(w)] < 0 { d[Int(w)] = d[v] + 1; queue.append(Int(w)) }
            }
            return d
        }
    }

    @Test func betweennessSumsToPathLengthsLessOne() {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<40 {
            let n = 3 + random.nextInt(below: 30)
            let g = Self.randomGraph(&random, nodes: n, edges: random.nextInt(below: n * 4))
            let paths = PathCentralities(g)
            let d = Self.distances(g)
            var expected = 0.0, edgeExpected = 0.0
            for s in 0..<n { for t in 0..<n where s != t && d[s][t] > 0 { expected += Double(d[s][t] - 1); edgeExpected += Double(d[s][t]) } }
            #expect(abs(paths.betweenness.reduce(0, +) - expected) < 1e-9 * max(1, expected))
            #expect(abs(paths.edgeBetweenness.reduce(0, +) - edgeExpected) < 1e-9 * max(1, edgeExpected))
            // Harmonic closeness from the distances.
            for s in 0..<n {
                let harmonic = d[s].enumerated().filter { $0.offset != s && $0.element > 0 }.reduce(0.0) { $0 + 1 / Double($1.element) } / Double(n - 1)
                #expect(abs(paths.harmonic[s] - harmonic) < 1e-12)
            }
        }
    }

    /// Relabelling the nodes moves every node to another stripe: betweenness and
    /// closeness follow the node, not its place in the work.
    @Test func resultFollowsTheNodeNotItsStripe() {
        var random = SeededGenerator(seed: 12)
        let g = Self.randomGraph(&random, nodes: 200, edges: 900)
        var permutation = Array(0..<200)
        for i in stride(from: 199, to: 0, by: -1) { permutation.swapAt(i, random.nextInt(below: i + 1)) }
        var edges: [Digraph.Edge] = []
        for v in 0..<200 { for w in g.successors(of: v) { edges.append(.init(source: Int32(permutation[v]), target: Int32(permutation[Int(w)]))) } }
        let relabelled = PathCentralities(Digraph(nodeCount: 200, edges: edges))
        let original = PathCentralities(g)
        var moved = 0
        for v in 0..<200 {
            if permutation[v] % Parallel.stripes != v % Parallel.stripes { moved += 1 }
            #expect(abs(relabelled.betweenness[permutation[v]] - original.betweenness[v]) < 1e-9 * max(1, original.betweenness[v]))
            #expect(abs(relabelled.harmonic[permutation[v]] - original.harmonic[v]) < 1e-12)
        }
        #expect(moved > 100)
    }

    @Test func brokerageTotalsCountOpenTwoPaths() {
        var random = SeededGenerator(seed: 13)
        for _ in 0..<40 {
            let n = 3 + random.nextInt(below: 25)
            let g = Self.randomGraph(&random, nodes: n, edges: random.nextInt(below: n * 3))
            let groups = (0..<n).map { _ in random.nextInt(below: 4) }
            let brokerage = Brokerage(g, groups: groups)
            for v in 0..<n {
                var open = 0
                for a in g.predecessors(of: v) {
                    for b in g.successors(of: v) where a != b && !g.hasEdge(from: Int(a), to: Int(b)) { open += 1 }
                }
                #expect(brokerage.raw[v].total == Double(open))
            }
        }
    }

    @Test func cutPointsAndRemovalImpactMatchBruteForce() {
        var random = SeededGenerator(seed: 14)
        for _ in 0..<40 {
            let n = 2 + random.nextInt(below: 25)
            let g = Self.randomGraph(&random, nodes: n, edges: random.nextInt(below: n * 2)).symmetrised()
            let cut = CutPoints(g)
            let none = [Bool](repeating: false, count: n)
            let before = g.components(removed: none)
            func pairs(_ labels: [Int], skipping: Int) -> Int {
                var sizes: [Int: Int] = [:]
                for v in 0..<n where v != skipping && labels[v] >= 0 { sizes[labels[v], default: 0] += 1 }
                return sizes.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
            }
            for v in 0..<n {
                var removed = none
                removed[v] = true
                let after = g.components(removed: removed)
                let connectedBefore = pairs(before, skipping: v), connectedAfter = pairs(after, skipping: v)
                let impact = connectedBefore == 0 ? 0 : Double(connectedBefore - connectedAfter) / Double(connectedBefore)
                #expect(abs(cut.removalImpact[v] - impact) < 1e-12)
                // An articulation point splits its component.
                let componentsBefore = Set((0..<n).filter { $0 != v }.map { before[$0] }).count
                let componentsAfter = Set((0..<n).filter { $0 != v }.map { after[$0] }).count
                #expect(cut.isArticulationPoint[v] == (componentsAfter > componentsBefore))
                if g.degree(of: v) == 0 { #expect(cut.removalImpact[v] == 0) }
            }
            // A bridge is exactly an edge whose removal disconnects its ends.
            var bruteForce: [(Int, Int)] = []
            for (u, w) in Self.edges(of: g) {
                let without = UndirectedGraph(nodeCount: n, pairs: Self.edges(of: g).filter { $0 != (u, w) }.map { (Int32($0.0), Int32($0.1)) })
                let labels = without.components(removed: none)
                if labels[u] != labels[w] { bruteForce.append((u, w)) }
            }
            #expect(cut.bridges.map { [$0.0, $0.1] } == bruteForce.map { [$0.0, $0.1] })
        }
    }

    /// Each undirected edge once, as (smaller, larger), sorted.
    static func edges(of g: UndirectedGraph) -> [(Int, Int)] {
        var result: [(Int, Int)] = []
        for a in 0..<g.nodeCount {
            for b in g.neighbours(of: a) where Int(b) > a { result.append((a, Int(b))) }
        }
        return result
    }

    @Test func coreNumbersHaveTheirDefiningProperty() {
        var random = SeededGenerator(seed: 15)
        for _ in 0..<30 {
            let n = 2 + random.nextInt(below: 30)
            let g = Self.randomGraph(&random, nodes: n, edges: random.nextInt(below: n * 4)).symmetrised()
            let core = g.coreNumbers()
            // Within the k-core (nodes with core ≥ k) every node has at least k neighbours there.
            for k in Set(core) {
                for v in 0..<n where core[v] >= k {
                    #expect(g.neighbours(of: v).filter { core[Int($0)] >= k }.count >= k)
                }
            }
        }
    }

    @Test func pageRankSumsToOneAndEigenvectorPeaksAtOne() {
        var random = SeededGenerator(seed: 16)
        for _ in 0..<20 {
            let n = 2 + random.nextInt(below: 40)
            let g = Self.randomGraph(&random, nodes: n, edges: random.nextInt(below: n * 3))
            #expect(abs(g.pageRank().reduce(0, +) - 1) < 1e-12)
            let eigen = g.symmetrised().eigenvectorCentrality()
            #expect(abs((eigen.max() ?? 0) - 1) < 1e-12)
            #expect(eigen.allSatisfy { $0 >= -1e-12 })
        }
    }

    @Test func eigenvectorSaysWhenItsIterationStopsAtTheCap() {
        // A path of 2,000 people: the two largest eigenvalues of A + I differ by
        // about 3π²/n² ≈ 7e-6, so 500 steps cannot settle it; a triangle settles at once.
        let path = UndirectedGraph(nodeCount: 2_000, pairs: (1..<2_000).map { (Int32($0 - 1), Int32($0)) })
        let capped = path.eigenvector(maximumIterations: 500)
        #expect(!capped.converged)
        #expect(capped.iterations == 500)
        #expect(abs((capped.scores.max() ?? 0) - 1) < 1e-12)
        let triangle = UndirectedGraph(nodeCount: 3, pairs: [(0, 1), (1, 2), (0, 2)])
        let settled = triangle.eigenvector()
        #expect(settled.converged)
        #expect(settled.iterations < 100)
        #expect(settled.scores == triangle.eigenvectorCentrality())
        // The default cap keeps the work near 10⁹ visits, within 1,000 and 100,000 steps.
        #expect(UndirectedGraph.defaultIterationCap(work: 300_000) == 3_333)
        #expect(UndirectedGraph.defaultIterationCap(work: 10) == 100_000)
        #expect(UndirectedGraph.defaultIterationCap(work: 50_000_000) == 1_000)
    }

    @Test func greedyRemovalNeverRaisesConnectivity() {
        var random = SeededGenerator(seed: 17)
        let g = Self.randomGraph(&random, nodes: 60, edges: 90).symmetrised()
        let steps = g.greedyRemoval(count: 8)
        #expect(!steps.isEmpty)
        for (a, b) in zip(steps, steps.dropFirst()) { #expect(b.connectivityLeft <= a.connectivityLeft + 1e-12) }
    }

    @Test func blocksAndEIIndex() {
        // 0,1 in group 0; 2 in group 1. Ties 0->1 (inside), 0->2, 2->1 (across).
        let g = Digraph(nodeCount: 3, edges: [.init(source: 0, target: 1), .init(source: 0, target: 2), .init(source: 2, target: 1)])
        let blocks = GroupBlocks(g, groupOf: [0, 0, 1], names: ["A", "B"])
        #expect(blocks.ties.dense == [[1, 1], [1, 0]])
        #expect(blocks.density(0, 0) == 0.5)
        #expect(blocks.density(0, 1) == 0.5)
        #expect(blocks.eiIndex(0) == (2.0 - 1) / 3)
        #expect(blocks.eiIndex(1) == 1)
        #expect(blocks.networkEIIndex == (2.0 - 1) / 3)
    }

    /// The branch-free search (masks, parity arrays, lists padded to blocks of
    /// four) against an independent implementation: Dijkstra with every
    /// length 1, on graphs whose out-degrees cover every remainder mod 4.
    @Test func branchFreeSearchMatchesDijkstraWithUnitLengths() {
        var random = SeededGenerator(seed: 29)
        for _ in 0..<40 {
            let n = 2 + random.nextInt(below: 40)
            let g = Self.randomGraph(&random, nodes: n, edges: random.nextInt(below: n * 6))
            let fast = PathCentralities(g, edges: false), withEdges = PathCentralities(g)
            let dijkstra = WeightedBetweenness(g, lengths: [Double](repeating: 1, count: g.edgeCount))
            #expect(fast.betweenness == withEdges.betweenness)
            for v in 0..<n {
                #expect(abs(fast.betweenness[v] - dijkstra.betweenness[v]) < 1e-9 * max(1, dijkstra.betweenness[v]))
            }
        }
    }

    /// Distance summaries within a subset (outside nodes blocked) against brute force.
    @Test func distanceSummaryWithinSubsetMatchesBruteForce() {
        var random = SeededGenerator(seed: 31)
        for _ in 0..<40 {
            let n = 2 + random.nextInt(below: 30)
            let g = Self.randomGraph(&random, nodes: n, edges: random.nextInt(below: n * 5))
            let members = (0..<n).filter { _ in random.nextInt(below: 3) > 0 }
            let inside = Set(members)
            // Brute force on the subgraph induced by the members.
            var edges: [Digraph.Edge] = []
            for v in members { for w in g.successors(of: v) where inside.contains(Int(w)) { edges.append(.init(source: Int32(v), target: w)) } }
            let d = Self.distances(Digraph(nodeCount: n, edges: edges))
            var longest = 0, total = 0, pairs = 0
            for s in members { for t in members where s != t && d[s][t] > 0 { longest = max(longest, d[s][t]); total += d[s][t]; pairs += 1 } }
            let summary = g.distanceSummary(within: members)
            #expect(summary.diameter == longest && summary.connectedPairs == pairs)
            #expect(summary.meanDistance == (pairs == 0 ? nil : Double(total) / Double(pairs)))
        }
    }
}

@Suite struct ThreadingTests {
    @Test func resultsAreIdenticalWithOneThreadOrMany() {
        var random = SeededGenerator(seed: 18)
        let g = MetricPropertyTests.randomGraph(&random, nodes: 300, edges: 1500)
        let one = Parallel.withThreads(1) { PathCentralities(g) }
        let many = Parallel.withThreads(4) { PathCentralities(g) }
        #expect(one == many)
    }

    /// The thread limit is the caller's alone: it holds inside `withThreads`, ends with it,
    /// and concurrent callers with other limits do not see it (no process-wide setting).
    @Test func threadLimitIsScopedToTheCaller() async {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        #expect(Parallel.withThreads(1) { Parallel.maximumThreads } == 1)
        #expect(Parallel.maximumThreads == max(1, cores))
        let seen = await withTaskGroup(of: (Int, Int).self) { group in
            for limit in 1...6 { group.addTask { (limit, Parallel.withThreads(limit) { Parallel.maximumThreads }) } }
            var pairs: [(Int, Int)] = []
            for await pair in group { pairs.append(pair) }
            return pairs
        }
        #expect(seen.count == 6)
        for (limit, observed) in seen { #expect(observed == limit) }
    }

    /// `AnalysisOptions.threads` reaches the kernels: one thread and many give the same analysis.
    @Test func analysisThreadsOptionGivesTheSameResult() {
        var random = SeededGenerator(seed: 21)
        let g = MetricPropertyTests.randomGraph(&random, nodes: 120, edges: 500)
        var people: [Person] = []
        for v in 0..<g.nodeCount { people.append(Person(name: "p\(v)", organisation: "o\(v % 6)")) }
        var ties: [Tie] = []
        for v in 0..<g.nodeCount { for w in g.successors(of: v) { ties.append(Tie(source: v, target: Int(w), theme: nil)) } }
        let organisations = (0..<6).map { o in Organisation(name: "o\(o)", members: people.indices.filter { $0 % 6 == o }) }
        let network = PartnershipNetwork(themeSet: .standard, themes: [], people: people, organisations: organisations, ties: ties, unit: .people)
        let one = PartnershipAnalysis(network: network, options: .init(threads: 1))
        let many = PartnershipAnalysis(network: network, options: .init(threads: 4))
        #expect(one.selections.map(\.metrics.paths) == many.selections.map(\.metrics.paths))
        #expect(one.findings == many.findings)
    }

    @Test func selectedMetricsEqualTheFullOnes() throws {
        var random = SeededGenerator(seed: 19)
        let g = MetricPropertyTests.randomGraph(&random, nodes: 80, edges: 300)
        let groups = (0..<80).map { $0 % 5 }
        let full = NodeMetrics(g, groups: groups)
        let selected = try SelectedMetrics(g, groups: groups, metrics: Set(NodeMetric.allCases))
        func column(_ name: String) -> [Double?] { selected.columns.first { $0.name == name }!.values }
        #expect(column("betweenness") == full.paths.betweenness.map { Optional($0) })
        #expect(column("pagerank") == full.pageRank.map { Optional($0) })
        #expect(column("constraint") == full.structuralHoles.constraint)
        #expect(column("core") == full.core.map { Optional(Double($0)) })
        #expect(column("removal_impact") == full.cutPoints.removalImpact.map { Optional($0) })
        #expect(column("brokerage_total") == full.brokerage.raw.map { Optional($0.total) })
        #expect(selected.columns.count == NodeMetric.allCases.flatMap(\.columns).count)
        #expect(column("weighted_betweenness") == (try WeightedBetweenness(g)).betweenness.map { Optional($0) })
        #expect(try SelectedMetrics(g, groups: groups, metrics: [.betweenness]).columns.map(\.name) == ["betweenness", "betweenness_normalised"])
        // Every column the full analysis has, --metrics computes alike (to rounding of the order of summation).
        for catalogued in NodeMetricColumn.full {
            let values = column(catalogued.name)
            for v in 0..<80 {
                let a = values[v], b = catalogued.value(in: full, node: v)
                #expect((a == nil) == (b == nil), "\(catalogued.name)")
                if let a, let b { #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "\(catalogued.name) node \(v)") }
            }
        }
        #expect(NodeMetricColumn.full.count == 29)
    }
}
