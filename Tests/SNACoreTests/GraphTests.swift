import Testing
@testable import SNACore

@Suite struct GraphTests {
    /// 0 <-> 1 -> 2, 3 -> 2, 4 isolated, with a parallel edge and a self-loop.
    let graph = Digraph(nodeCount: 5, edges: [
        .init(source: 0, target: 1), .init(source: 1, target: 0), .init(source: 1, target: 2),
        .init(source: 3, target: 2), .init(source: 1, target: 2, weight: 2), .init(source: 2, target: 2),
    ])

    @Test func buildsCSRMergingParallelEdgesAndDroppingLoops() {
        #expect(graph.edgeCount == 4)
        #expect(Array(graph.successors(of: 1)) == [0, 2])
        #expect(Array(graph.predecessors(of: 2)) == [1, 3])
        #expect(graph.outWeights[Int(graph.outOffsets[1]) + 1] == 3)
        #expect(graph.hasEdge(from: 3, to: 2))
        #expect(!graph.hasEdge(from: 2, to: 3))
        #expect(graph.inDegree(of: 4) == 0 && graph.outDegree(of: 4) == 0)
    }

    @Test func components() {
        let weak = graph.weakComponents()
        #expect(weak.count == 2)
        #expect(weak.sizes == [4, 1])
        let strong = graph.strongComponents()
        // {0,1}, {2}, {3}, {4}
        #expect(strong.count == 4)
        #expect(strong.largest == 2)
        #expect(strong.membership[0] == strong.membership[1])
    }

    @Test func summary() {
        let summary = GraphSummary(graph)
        #expect(summary.nodes == 5)
        #expect(summary.ties == 4)
        #expect(summary.isolates == 1)
        #expect(summary.density == 4.0 / 20.0)
        #expect(summary.mutualPairs == 1)
        #expect(summary.reciprocity == 0.5)
    }

    @Test func emptyGraphSummary() {
        let summary = GraphSummary(Digraph(nodeCount: 1, edges: []))
        #expect(summary.density == 0)
        #expect(summary.reciprocity == nil)
        #expect(summary.weakComponents == 1)
    }

    /// Strong components on random graphs agree with a reachability check.
    @Test func strongComponentsMatchMutualReachability() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<30 {
            let n = 2 + random.nextInt(below: 25)
            let m = random.nextInt(below: n * 3)
            let edges = (0..<m).map { _ in Digraph.Edge(source: Int32(random.nextInt(below: n)), target: Int32(random.nextInt(below: n))) }
            let g = Digraph(nodeCount: n, edges: edges)
            var reach = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
            for s in 0..<n {
                var stack = [s]
                reach[s][s] = true
                while let v = stack.popLast() {
                    for w in g.successors(of: v) where !reach[s][Int(w)] { reach[s][Int(w)] = true; stack.append(Int(w)) }
                }
            }
            let strong = g.strongComponents()
            for a in 0..<n {
                for b in 0..<n {
                    #expect((strong.membership[a] == strong.membership[b]) == (reach[a][b] && reach[b][a]))
                }
            }
        }
    }
}
