import Foundation
import Testing
@testable import SNACore

/// Riondato-Kornaropoulos sampling against exact betweenness on graphs of a few hundred nodes.
@Suite struct ApproximateBetweennessTests {
    /// Graphs of a few hundred nodes: sparse random, denser random, and clustered (groups of 20, most ties inside).
    static func graphs() -> [Digraph] {
        var random = SeededGenerator(seed: 41)
        var clustered: [Digraph.Edge] = []
        for _ in 0..<1600 {
            let a = random.nextInt(below: 300)
            let b = random.nextUnit() < 0.7 ? (a / 20) * 20 + random.nextInt(below: 20) : random.nextInt(below: 300)
            clustered.append(.init(source: Int32(a), target: Int32(b), weight: Double(1 + random.nextInt(below: 4))))
        }
        return [
            WeightedBetweennessTests.randomGraph(&random, nodes: 200, edges: 500, weights: [1, 2, 3]),
            WeightedBetweennessTests.randomGraph(&random, nodes: 300, edges: 1500, weights: [1, 2]),
            Digraph(nodeCount: 300, edges: clustered, merge: .max),
        ]
    }

    @Test func errorBoundHoldsOverManySeeds() throws {
        let (epsilon, delta) = (0.1, 0.1)
        var trials = 0, misses = 0
        for graph in Self.graphs() {
            let exact = PathCentralities(graph, edges: false)
            let n = Double(graph.nodeCount)
            var sum = 0.0
            let seeds: [UInt64] = Array(1...30)
            for seed in seeds {
                let estimate = try ApproximateBetweenness(graph, epsilon: epsilon, delta: delta, seed: seed)
                let error = zip(estimate.betweennessNormalised, exact.betweennessNormalised).map { abs($0 - $1) }.max()!
                trials += 1
                if error > epsilon { misses += 1 }
                // Raw and normalised estimates agree with each other as exact values do.
                #expect(zip(estimate.betweenness, estimate.betweennessNormalised).allSatisfy { abs($0 / ((n - 1) * (n - 2)) - $1) < 1e-12 })
                sum += estimate.betweenness.reduce(0, +)
            }
            // Unbiased: the mean estimate of the total betweenness is close to the exact total.
            let total = exact.betweenness.reduce(0, +)
            #expect(abs(sum / Double(seeds.count) - total) < 0.05 * total, "mean total \(sum / Double(seeds.count)) against \(total)")
        }
        // Each trial misses with probability at most delta; far fewer miss in practice.
        #expect(misses <= Int(delta * Double(trials)), "\(misses) of \(trials) estimates missed epsilon")
    }

    @Test func weightedEstimateWithinBound() throws {
        let graph = Self.graphs()[2]
        let lengths = try WeightedBetweenness.lengths(of: graph, .inverse)
        let exact = WeightedBetweenness(graph, lengths: lengths).betweennessNormalised
        var misses = 0
        for seed in UInt64(1)...10 {
            let estimate = try ApproximateBetweenness(graph, epsilon: 0.1, seed: seed, lengths: lengths)
            if zip(estimate.betweennessNormalised, exact).contains(where: { abs($0 - $1) > 0.1 }) { misses += 1 }
            #expect(estimate.betweennessNormalised != exact)
        }
        #expect(misses <= 1)
    }

    @Test func sameSeedSameResultOnAnyThreads() throws {
        let graph = Self.graphs()[1]
        let one = try Parallel.withThreads(1) { try ApproximateBetweenness(graph, epsilon: 0.1, seed: 9) }
        #expect(try Parallel.withThreads(3) { try ApproximateBetweenness(graph, epsilon: 0.1, seed: 9) } == one)
        #expect(try ApproximateBetweenness(graph, epsilon: 0.1, seed: 10).betweenness != one.betweenness)
    }

    @Test func sampleSizeFollowsTheFormula() throws {
        // (0.5 / ε'²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ)), ε' = ε (n − 2)/n: n = 102, ε = 0.1, VD = 34: ⌊log₂ 32⌋ = 5.
        let scaled = 0.1 * 100 / 102
        let expected = Int((0.5 / (scaled * scaled) * (5 + 1 + log(1 / 0.1))).rounded(.up))
        #expect(ApproximateBetweenness.sampleSize(epsilon: 0.1, delta: 0.1, vertexDiameter: 34, nodes: 102) == expected)
        #expect(ApproximateBetweenness.sampleSize(epsilon: 0.1, delta: 0.1, vertexDiameter: 2, nodes: 102) == 0)
        let graph = Self.graphs()[0]
        let estimate = try ApproximateBetweenness(graph, epsilon: 0.2, delta: 0.05)
        #expect(estimate.vertexDiameterBound == graph.weakComponents().largest)
        #expect(estimate.samples == ApproximateBetweenness.sampleSize(epsilon: 0.2, delta: 0.05, vertexDiameter: estimate.vertexDiameterBound, nodes: 200))
    }

    @Test func invalidParametersAreRejected() {
        let graph = Self.graphs()[0]
        for epsilon in [0, -0.1, 1, 2, .nan] {
            #expect(throws: ApproximateBetweenness.ParameterError.self) { try ApproximateBetweenness(graph, epsilon: epsilon) }
        }
        for delta in [0.0, 1, -1] {
            #expect(throws: ApproximateBetweenness.ParameterError.delta(delta)) { try ApproximateBetweenness(graph, epsilon: 0.1, delta: delta) }
        }
    }
}
