import Testing
@testable import SNACore

/// `CutPoints.Separations` (the nodes a cut-point or a bridge cuts off, from
/// one depth-first forest) against searching the graph again without the node
/// or the tie, as the findings did, on seeded random graphs: sparse ones (many
/// cut-points and bridges), trees, paths, stars and denser ones, some with
/// nodes ignored.
@Suite struct CutPointSeparationTests {
    static func graph(_ random: inout SeededGenerator, shape: Int) -> UndirectedGraph {
        let n = 1 + random.nextInt(below: 40)
        var pairs: [(Int32, Int32)] = []
        func node() -> Int32 { Int32(random.nextInt(below: n)) }
        switch shape {
        case 0:  // sparse random: about one tie per node
            for _ in 0..<random.nextInt(below: n + 2) { pairs.append((node(), node())) }
        case 1:  // a random forest, nodes shuffled
            let order = (0..<Int32(n)).shuffled(using: &random)
            for i in 1..<max(1, n) where random.nextInt(below: 8) != 0 {
                pairs.append((order[i], order[random.nextInt(below: i)]))
            }
        case 2:  // a path in a random order, with a few chords
            let order = (0..<Int32(n)).shuffled(using: &random)
            for i in 1..<max(1, n) { pairs.append((order[i - 1], order[i])) }
            for _ in 0..<random.nextInt(below: 3) { pairs.append((node(), node())) }
        case 3:  // stars around a few hubs
            let hubs = (0..<(1 + random.nextInt(below: 3))).map { _ in node() }
            for v in 0..<Int32(n) { pairs.append((v, hubs[random.nextInt(below: hubs.count)])) }
        default:  // denser
            for _ in 0..<random.nextInt(below: n * 3) { pairs.append((node(), node())) }
        }
        return UndirectedGraph(nodeCount: n, pairs: pairs)
    }

    /// The search the findings made: components without v, then every node
    /// outside the largest piece of v's neighbours (ties to the piece found first).
    static func bruteCutOff(by v: Int, in graph: UndirectedGraph, removed: [Bool]) -> [Int] {
        var without = removed
        without[v] = true
        let label = graph.components(removed: without)
        var sizes = [Int: Int]()
        for w in graph.neighbours(of: v) where !removed[Int(w)] { sizes[label[Int(w)]] = 0 }
        for w in 0..<graph.nodeCount where label[w] >= 0 && sizes[label[w]] != nil { sizes[label[w]]! += 1 }
        guard let main = sizes.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key else { return [] }
        return (0..<graph.nodeCount).filter { w in w != v && label[w] >= 0 && sizes[label[w]] != nil && label[w] != main }
    }

    /// Both sides of the tie by search; the smaller (`bridge.0`'s on a tie).
    static func bruteSmallerSide(of bridge: (Int, Int), in graph: UndirectedGraph, removed: [Bool]) -> [Int] {
        func reach(from start: Int, avoiding other: Int) -> [Int] {
            var seen: Set<Int> = [start]
            var stack = [start]
            while let x = stack.popLast() {
                for y32 in graph.neighbours(of: x) where !removed[Int(y32)] {
                    let y = Int(y32)
                    if x == start && y == other { continue }
                    if seen.insert(y).inserted { stack.append(y) }
                }
            }
            return seen.sorted()
        }
        let a = reach(from: bridge.0, avoiding: bridge.1), b = reach(from: bridge.1, avoiding: bridge.0)
        return a.count <= b.count ? a : b
    }

    @Test func matchesSearchingAgain() {
        var random = SeededGenerator(seed: 16)
        var cutPointsSeen = 0, bridgesSeen = 0
        for trial in 0..<1500 {
            let graph = Self.graph(&random, shape: trial % 5)
            let n = graph.nodeCount
            let removed: [Bool]? = trial % 3 == 0 ? (0..<n).map { _ in random.nextInt(below: 6) == 0 } : nil
            let gone = removed ?? [Bool](repeating: false, count: n)
            let cut = CutPoints(graph, removed: removed)
            let separations = CutPoints.Separations(graph, removed: removed)
            for v in 0..<n where !gone[v] {
                let expected = Self.bruteCutOff(by: v, in: graph, removed: gone)
                #expect(separations.cutOff(by: v) == expected, "trial \(trial), node \(v)")
                #expect(separations.cutOffCount(by: v) == expected.count)
                #expect(expected.isEmpty || cut.isArticulationPoint[v], "trial \(trial), node \(v)")
                if cut.isArticulationPoint[v] { cutPointsSeen += 1 }
            }
            for (index, bridge) in cut.bridges.enumerated() {
                let expected = Self.bruteSmallerSide(of: bridge, in: graph, removed: gone)
                #expect(separations.smallerSide(of: bridge) == expected, "trial \(trial), bridge \(bridge)")
                #expect(separations.smallerSide(of: (bridge.1, bridge.0)).count == expected.count)
                #expect(expected.count == cut.bridgeSmallerSide[index])
                bridgesSeen += 1
            }
            // A tie that is not a bridge, or no tie at all, has no side.
            for v in 0..<n where !gone[v] {
                for w in graph.neighbours(of: v) where Int(w) > v && !gone[Int(w)] {
                    if !cut.bridges.contains(where: { $0 == (v, Int(w)) }) {
                        #expect(separations.smallerSide(of: (v, Int(w))).isEmpty)
                    }
                }
            }
        }
        #expect(cutPointsSeen > 1000 && bridgesSeen > 1000)
    }

    /// A long path: every inner node is a cut-point; all of them answered in
    /// about the size of their answers, not a search each.
    @Test func longPath() {
        let n = 3_000
        let graph = UndirectedGraph(nodeCount: n, pairs: (1..<n).map { (Int32($0 - 1), Int32($0)) })
        let separations = CutPoints.Separations(graph)
        var total = 0
        for v in 1..<(n - 1) {
            let lost = separations.cutOff(by: v)
            #expect(lost.count == min(v, n - 1 - v))
            #expect(separations.cutOffCount(by: v) == lost.count)
            total += lost.count
        }
        #expect(separations.smallerSide(of: (0, 1)) == [0])
        #expect(separations.smallerSide(of: (n - 2, n - 1)) == [n - 1])
        #expect(separations.smallerSide(of: (n / 2 - 1, n / 2)) == Array(0..<(n / 2)))
        #expect(total > 0)
    }
}
