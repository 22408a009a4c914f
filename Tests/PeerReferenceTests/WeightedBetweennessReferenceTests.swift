import Foundation
import SNACore
import SNAIO
import Testing

/// Weighted betweenness against igraph and networkx (Tests/Reference/weighted-betweenness.json,
/// made by scripts/reference/weighted_betweenness.py): lengths = weights, and lengths = 1/weights.
@Suite struct WeightedBetweennessReferenceTests {
    static func datasets() throws -> [String: Any] {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Reference/weighted-betweenness.json"))
        return (try JSONSerialization.jsonObject(with: data) as! [String: Any])["datasets"] as! [String: Any]
    }

    func expectMatches(_ graph: Digraph, _ expected: [String: Any], _ label: String, names: [String]) throws {
        for (key, length) in [("weighted_betweenness", WeightedBetweenness.Length.weight),
                              ("weighted_betweenness_inverse", .inverse)] {
            let theirs = (expected[key] as! [NSNumber]).map(\.doubleValue)
            let mine = try WeightedBetweenness(graph, length: length).betweenness
            #expect(mine.count == theirs.count, "\(label) \(key)")
            var failures = 0
            for (v, (a, b)) in zip(mine, theirs).enumerated() where abs(a - b) > 1e-9 * max(1, abs(a), abs(b)) {
                failures += 1
                if failures <= 3 { Issue.record("\(label) \(key) of \(names[v]): snatool \(a), reference \(b)") }
            }
        }
        // The fixture has ties in path lengths, or it would not test them.
        #expect((expected["pairs_with_tied_paths"] as! NSNumber).intValue > 0, "\(label)")
        #expect((expected["pairs_with_tied_paths_inverse"] as! NSNumber).intValue > 0, "\(label)")
    }

    @Test(arguments: ReferenceCase.all.filter { $0.fixture != "derbyshire" })
    func datasetsMatchIgraphAndNetworkx(_ dataset: ReferenceCase) throws {
        let network = try dataset.network()
        let entry = try #require(try Self.datasets()[dataset.fixture] as? [String: Any])
        let names = network.people.map(\.name)
        #expect(names == entry["nodes"] as! [String])
        let selections = entry["selections"] as! [String: Any]
        #expect(selections.count == network.selections.count)
        for selection in network.selections {
            let id = network.id(of: selection)
            let expected = try #require(selections[id] as? [String: Any], "\(id)")
            try expectMatches(network.graph(selection), expected, "\(dataset.fixture)/\(id)", names: names)
        }
    }

    @Test func fractionalTiesMatch() throws {
        let entry = try #require(try Self.datasets()["hand-made"] as? [String: Any])
        let names = entry["nodes"] as! [String]
        let edges = (entry["edges"] as! [[NSNumber]]).map {
            Digraph.Edge(source: $0[0].int32Value, target: $0[1].int32Value, weight: $0[2].doubleValue)
        }
        let graph = Digraph(nodeCount: names.count, edges: edges)
        let expected = (entry["selections"] as! [String: Any])["all"] as! [String: Any]
        try expectMatches(graph, expected, "hand-made", names: names)
    }
}
