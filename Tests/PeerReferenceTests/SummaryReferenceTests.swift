import Foundation
import SNACore
import SNAIO
import Testing

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A bundled dataset and its fixture of values computed by igraph, networkx
/// and R sna (Tests/Reference, made by scripts/reference/compute_reference.py).
struct ReferenceCase: CustomStringConvertible, Sendable {
    var fixture: String
    var survey: String
    var people: String
    var description: String { fixture }

    static let all = [
        ReferenceCase(fixture: "bolton", survey: "bolton/survey.csv", people: "bolton/people.csv"),
        ReferenceCase(fixture: "derbyshire", survey: "derbyshire/survey.csv", people: "derbyshire/partners.csv"),
    ] + ["Cheyenne", "HurrFrederic", "MtSi", "Texas"].map {
        ReferenceCase(fixture: "emon-\($0)", survey: "emon/\($0)/survey.csv", people: "emon/\($0)/organisations.csv")
    }

    func network() throws -> PartnershipNetwork {
        let datasets = repositoryRoot.appendingPathComponent("datasets")
        return try SurveyImporter.load(
            path: datasets.appendingPathComponent(survey).path,
            options: .init(peoplePath: datasets.appendingPathComponent(people).path)).network
    }

    func reference() throws -> [String: Any] {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Reference/\(fixture).json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
}

@Suite struct SummaryReferenceTests {
    @Test(arguments: ReferenceCase.all)
    func summaryMatchesIgraphAndNetworkx(_ dataset: ReferenceCase) throws {
        let network = try dataset.network()
        let reference = try dataset.reference()
        // Same nodes in the same order, so per-node values line up.
        #expect(network.people.map(\.name) == reference["nodes"] as! [String])
        let order = reference["selection_order"] as! [String]
        // The fixture lists themes in order of first appearance; snatool in the theme set's order.
        #expect(Set(network.selections.map(network.id(of:))) == Set(order))
        let selections = reference["selections"] as! [String: [String: Any]]
        for selection in network.selections {
            let id = network.id(of: selection)
            let expected = try #require(selections[id]?["summary"] as? [String: Any], "\(id)")
            let graph = network.graph(selection)
            let summary = GraphSummary(graph)
            func int(_ key: String) -> Int { (expected[key] as! NSNumber).intValue }
            #expect(summary.nodes == int("nodes"), "\(id)")
            #expect(summary.ties == int("ties"), "\(id)")
            #expect(summary.isolates == int("isolates"), "\(id)")
            #expect(summary.mutualPairs == int("mutual_pairs"), "\(id)")
            #expect(summary.weakComponents == int("weak_components"), "\(id)")
            #expect(summary.largestWeakComponent == int("largest_weak_component"), "\(id)")
            #expect(summary.strongComponents == int("strong_components"), "\(id)")
            #expect(summary.largestStrongComponent == int("largest_strong_component"), "\(id)")
            #expect(abs(summary.density - (expected["density"] as! NSNumber).doubleValue) < 1e-12, "\(id)")
            let reciprocity = (expected["reciprocity"] as? NSNumber)?.doubleValue
            #expect(summary.reciprocity.map { r in reciprocity.map { abs(r - $0) < 1e-12 } ?? false } ?? (reciprocity == nil), "\(id)")
            // Degrees and weighted strengths, node by node.
            let people = try #require(selections[id]?["people"] as? [String: Any])
            let inDegree = people["in_degree"] as! [NSNumber], outDegree = people["out_degree"] as! [NSNumber]
            let inStrength = people["in_strength"] as! [NSNumber], outStrength = people["out_strength"] as! [NSNumber]
            for v in 0..<graph.nodeCount {
                #expect(graph.inDegree(of: v) == inDegree[v].intValue)
                #expect(graph.outDegree(of: v) == outDegree[v].intValue)
                let weightIn = graph.inWeights[Int(graph.inOffsets[v])..<Int(graph.inOffsets[v + 1])].reduce(0, +)
                let weightOut = graph.outWeights[Int(graph.outOffsets[v])..<Int(graph.outOffsets[v + 1])].reduce(0, +)
                #expect(abs(weightIn - inStrength[v].doubleValue) < 1e-9)
                #expect(abs(weightOut - outStrength[v].doubleValue) < 1e-9)
            }
        }
    }
}
