import Testing
@testable import SNACore

/// The shapes whose cost once exploded (issue 16): stars, separate pairs and
/// many groups give the values their definitions give.
@Suite struct ScaleShapeTests {
    /// One hub tied to `leaves` people, each way when `mutual`.
    static func star(leaves: Int, mutual: Bool) -> Digraph {
        var edges: [Digraph.Edge] = []
        for v in 1...leaves {
            edges.append(.init(source: 0, target: Int32(v)))
            if mutual { edges.append(.init(source: Int32(v), target: 0)) }
        }
        return Digraph(nodeCount: leaves + 1, edges: edges)
    }

    @Test func starDistancesFromLeavesFoldedIntoTheHub() {
        for leaves in [1, 2, 3, 50] {
            let summary = Self.star(leaves: leaves, mutual: false).symmetrised().distanceSummary()
            // Hub to leaves and back: 2d pairs at 1; leaf to leaf: d(d - 1) pairs at 2.
            let pairs = leaves * (leaves + 1)
            #expect(summary.connectedPairs == pairs)
            #expect(summary.diameter == (leaves == 1 ? 1 : 2))
            #expect(summary.meanDistance == Double(2 * leaves + 2 * leaves * (leaves - 1)) / Double(pairs))
        }
    }

    @Test func leafFoldingAgreesWithASearchFromEveryNode() {
        var random = SeededGenerator(seed: 1605)
        for _ in 0..<60 {
            let n = 2 + random.nextInt(below: 30)
            var edges: [Digraph.Edge] = []
            // Sparse graphs: many leaves, some on the same node, some in separate pairs.
            for _ in 0..<random.nextInt(below: n + 2) {
                edges.append(.init(source: Int32(random.nextInt(below: n)), target: Int32(random.nextInt(below: n))))
            }
            let undirected = Digraph(nodeCount: n, edges: edges).symmetrised()
            let inside = (0..<n).filter { _ in random.nextInt(below: 4) != 0 }
            var longest = 0, total = 0, pairs = 0
            for source in inside {
                var distance = [Int](repeating: -1, count: n)
                distance[source] = 0
                var queue = [source], head = 0
                let allowed = Set(inside)
                while head < queue.count {
                    let v = queue[head]; head += 1
                    for w in undirected.neighbours(of: v) where distance[Int(w)] < 0 && allowed.contains(Int(w)) {
                        distance[Int(w)] = distance[v] + 1
                        queue.append(Int(w))
                        longest = max(longest, distance[Int(w)]); total += distance[Int(w)]; pairs += 1
                    }
                }
            }
            let summary = undirected.distanceSummary(within: inside)
            #expect(summary.diameter == longest)
            #expect(summary.connectedPairs == pairs)
            #expect(summary.meanDistance == (pairs == 0 ? nil : Double(total) / Double(pairs)))
        }
    }

    @Test func powerIterationsConvergeOnAStarAndOnManyPairs() {
        // The leading eigenvector of a star of d leaves: hub 1, leaves 1/√d.
        let leaves = 4000
        let eigen = Self.star(leaves: leaves, mutual: false).symmetrised().eigenvectorCentrality()
        #expect(eigen[0] == 1)
        #expect(eigen[1...].allSatisfy { abs($0 - 1 / Double(leaves).squareRoot()) < 1e-9 })
        // 20,000 separate mutual pairs: every PageRank is 1/n.
        let n = 40000
        var edges: [Digraph.Edge] = []
        for i in stride(from: Int32(0), to: Int32(n), by: 2) {
            edges.append(Digraph.Edge(source: i, target: i + 1))
            edges.append(Digraph.Edge(source: i + 1, target: i))
        }
        let pairs = Digraph(nodeCount: n, edges: edges)
        #expect(pairs.pageRank().allSatisfy { abs($0 - 1 / Double(n)) < 1e-15 })
    }

    @Test func weakLinkCandidatesHoldEveryPairThatCanExpectTheMinimum() {
        var random = SeededGenerator(seed: 1606)
        for _ in 0..<50 {
            let count = 2 + random.nextInt(below: 40)
            let outs = (0..<count).map { _ in Double(random.nextInt(below: 6)) }
            let ins = (0..<count).map { _ in Double(random.nextInt(below: 6)) }
            let total = outs.reduce(0, +)
            guard total > 0 else { continue }
            let minimum = [0.5, 1, 2, 4][random.nextInt(below: 4)]
            let candidates = FindingsBuilder.weakLinkCandidates(zip(outs, ins).map { $0 + $1 }, total: total, minimum: minimum)
            var wanted: [(Int, Int)] = []
            for a in 0..<count {
                for b in (a + 1)..<count where (outs[a] * ins[b] + outs[b] * ins[a]) / total >= minimum { wanted.append((a, b)) }
            }
            let found = Set(candidates.map { [$0.0, $0.1] })
            #expect(wanted.allSatisfy { found.contains([$0.0, $0.1]) })
            #expect(candidates.map { [$0.0, $0.1] } == candidates.map { [$0.0, $0.1] }.sorted { $0.lexicographicallyPrecedes($1) })
        }
    }
}
