import Foundation
import SNACore
import SNAIO
import Testing

/// Every node, edge and network metric against igraph, networkx and R sna.
@Suite struct NodeMetricReferenceTests {
    /// |x - y| ≤ tolerance × max(1, |x|, |y|).
    func close(_ x: Double, _ y: Double, _ tolerance: Double = 1e-9) -> Bool {
        abs(x - y) <= tolerance * max(1, abs(x), abs(y))
    }

    func doubles(_ any: Any?) -> [Double?] {
        (any as! [Any]).map { ($0 as? NSNumber)?.doubleValue }
    }

    func expectClose(_ mine: [Double?], _ theirs: [Double?], _ what: String, names: [String], tolerance: Double = 1e-9) {
        #expect(mine.count == theirs.count, "\(what)")
        var failures = 0
        for (index, (a, b)) in zip(mine, theirs).enumerated() {
            let ok: Bool
            switch (a, b) {
            case (nil, nil): ok = true
            case (let x?, let y?): ok = close(x, y, tolerance)
            default: ok = false
            }
            if !ok && failures < 3 {
                failures += 1
                Issue.record("\(what) of \(names[index]): snatool \(String(describing: a)), reference \(String(describing: b))")
            }
        }
    }

    @Test(arguments: ReferenceCase.all)
    func everyMetricMatches(_ dataset: ReferenceCase) throws {
        let network = try dataset.network()
        let reference = try dataset.reference()
        let names = network.people.map(\.name)
        let groupNames = reference["groups"] as! [String]
        var groupIndex: [String: Int] = [:]
        let groups = groupNames.map { name in groupIndex[name] ?? { groupIndex[name] = groupIndex.count; return groupIndex.count - 1 }() }
        let selections = reference["selections"] as! [String: [String: Any]]
        for selection in network.selections {
            let id = network.id(of: selection)
            let expected = try #require(selections[id])
            let people = expected["people"] as! [String: Any]
            let graph = network.graph(selection)
            let metrics = NodeMetrics(graph, groups: groups)
            func check(_ mine: [Double?], _ key: String, tolerance: Double = 1e-9) {
                expectClose(mine, doubles(people[key]), "\(dataset.fixture)/\(id)/\(key)", names: names, tolerance: tolerance)
            }
            check(metrics.degree.map(Double.init), "degree")
            check(metrics.paths.betweenness, "betweenness")
            check(metrics.paths.betweennessNormalised, "betweenness_normalised")
            check(metrics.paths.harmonic, "harmonic_closeness")
            check(metrics.paths.closeness, "closeness")
            check(metrics.pageRank, "pagerank")
            // Eigenvector scores near 0 outside the main component are noise in every tool.
            expectClose(metrics.eigenvector, doubles(people["eigenvector"]), "\(dataset.fixture)/\(id)/eigenvector", names: names, tolerance: 1e-9)
            check(metrics.structuralHoles.constraint, "constraint")
            check(metrics.structuralHoles.effectiveSize, "effective_size")
            check(metrics.core.map(Double.init), "coreness")
            check(metrics.clustering, "clustering")
            #expect(metrics.cutPoints.isArticulationPoint == (people["articulation_point"] as! [Bool]), "\(id)")
            // Edges: betweenness and bridges.
            let edges = expected["edges"] as! [[String: Any]]
            #expect(edges.count == graph.edgeCount)
            let bridges = Set(metrics.cutPoints.bridges.map { "\($0.0) \($0.1)" })
            var position = 0
            for v in 0..<graph.nodeCount {
                for w in graph.successors(of: v) {
                    let edge = edges[position]
                    #expect(edge["source"] as! String == names[v] && edge["target"] as! String == names[Int(w)])
                    #expect(close(metrics.paths.edgeBetweenness[position], (edge["edge_betweenness"] as! NSNumber).doubleValue))
                    #expect(bridges.contains("\(min(v, Int(w))) \(max(v, Int(w)))") == (edge["bridge"] as! Bool))
                    position += 1
                }
            }
            // Network level.
            let whole = expected["network"] as! [String: Any]
            func number(_ key: String) -> Double { (whole[key] as! NSNumber).doubleValue }
            #expect(close(metrics.undirected.transitivity(), number("transitivity")), "\(id) transitivity")
            #expect(close(metrics.undirected.degreeCentralisation(), number("degree_centralisation")), "\(id)")
            #expect(close(metrics.paths.betweennessCentralisation, number("betweenness_centralisation")), "\(id)")
            let directed = graph.distanceSummary()
            #expect(Double(directed.diameter) == number("diameter_directed"), "\(id)")
            #expect(close(directed.meanDistance ?? .nan, number("mean_distance_directed")), "\(id)")
            let largest = graph.weakComponents()
            let biggest = largest.sizes.firstIndex(of: largest.largest)!
            let members = (0..<graph.nodeCount).filter { largest.membership[$0] == biggest }
            let lwc = graph.distanceSummary(within: members)
            #expect(metrics.paths.distanceSummary(sources: members) == lwc, "\(id)")
            #expect(Double(lwc.diameter) == number("lwc_diameter_directed"), "\(id)")
            #expect(close(lwc.meanDistance ?? .nan, number("lwc_mean_distance_directed")), "\(id)")
            let lwcUndirected = metrics.undirected.distanceSummary(within: members)
            #expect(Double(lwcUndirected.diameter) == number("lwc_diameter_symmetrised"), "\(id)")
            #expect(close(lwcUndirected.meanDistance ?? .nan, number("lwc_mean_distance_symmetrised")), "\(id)")
            // Brokerage against sna.
            guard let brokerage = expected["brokerage"] as? [String: Any] else { continue }
            let columns = ["w_I": 0, "w_O": 1, "b_OI": 2, "b_IO": 3, "b_O": 4, "t": 5]
            let raw = brokerage["raw"] as! [String: Any], exp = brokerage["expected"] as! [String: Any], z = brokerage["z"] as! [String: Any]
            for (column, k) in columns {
                let mine = metrics.brokerage.raw.map { k == 5 ? $0.total : $0.counts[k] }
                expectClose(mine, doubles(raw[column]), "\(dataset.fixture)/\(id)/brokerage \(column)", names: names)
                expectClose(metrics.brokerage.expected.map { $0[k] }, doubles(exp[column]), "\(dataset.fixture)/\(id)/expected \(column)", names: names)
                expectClose(metrics.brokerage.z.map { $0[k] }, doubles(z[column]), "\(dataset.fixture)/\(id)/z \(column)", names: names)
            }
            let networkRaw = brokerage["network_raw"] as! [String: Any], networkExpected = brokerage["network_expected"] as! [String: Any]
            let networkZ = brokerage["network_z"] as! [String: Any]
            for (column, k) in columns {
                #expect(close(metrics.brokerage.networkRaw[k], (networkRaw[column] as! NSNumber).doubleValue), "\(id) \(column)")
                #expect(close(metrics.brokerage.networkExpected[k], (networkExpected[column] as! NSNumber).doubleValue), "\(id) \(column)")
                let theirs = (networkZ[column] as? NSNumber)?.doubleValue
                #expect(metrics.brokerage.networkZ[k].map { mine in theirs.map { close(mine, $0) } ?? false } ?? (theirs == nil), "\(id) z \(column)")
            }
        }
    }
}
