import Foundation
import SNACore
import SNAIO
import Testing

/// snatool's exported files as networkx and igraph read them, and files those
/// tools wrote as snatool reads them (Tests/Reference/interchange-*.json and
/// Tests/Fixtures/interchange, made by scripts/reference/interchange.py).
@Suite struct InterchangeReferenceTests {
    func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 1e-9 * max(1, abs(x), abs(y)) }

    func fixture(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Reference/\(name).json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// The Bolton export as `snatool export` makes it (metrics of `all`, every theme).
    func boltonExport() throws -> (InterchangeNetwork, PartnershipAnalysis) {
        let network = try ReferenceCase.all[0].network()
        let analysis = PartnershipAnalysis(network: network, options: AnalysisOptions(selections: [.all]))
        return (InterchangeNetwork(analysis: analysis), analysis)
    }

    @Test(arguments: ["graphml", "gexf", "json", "pajek"])
    func peersReadTheBoltonExportAsWritten(_ format: String) throws {
        let (export, analysis) = try boltonExport()
        let formats = try #require(try fixture("interchange-bolton")["formats"] as? [String: Any])
        let read = try #require(formats[format] as? [String: Any])
        let nodes = try #require(read["nodes"] as? [String: [String: Any]])
        #expect(Set(nodes.keys) == Set(export.nodes.map(\.name)), "\(format): the nodes networkx read")
        // Edges: the pairs, and (but in Pajek, which carries the weight alone) their themes and flags.
        let edges = try #require(read["edges"] as? [[Any]])
        let mine = Dictionary(uniqueKeysWithValues: export.edges.map { ("\(export.nodes[$0.source].name)\t\(export.nodes[$0.target].name)", $0) })
        #expect(edges.count == export.edges.count, "\(format): the edges networkx read")
        for edge in edges {
            let key = "\(edge[0] as! String)\t\(edge[1] as! String)"
            guard let ours = mine[key] else { Issue.record("\(format): networkx read an edge snatool did not write: \(key)"); continue }
            #expect(close((edge[2] as! NSNumber).doubleValue, ours.weight), "\(format): weight of \(key)")
            if format != "pajek" {
                #expect(edge[3] as? String == export.themes(of: ours).joined(separator: ";"), "\(format): themes of \(key)")
                #expect((edge[4] as? NSNumber)?.intValue == ours.multiplexity, "\(format): multiplexity of \(key)")
                #expect((edge[5] as? NSNumber)?.boolValue == ours.bridge, "\(format): bridge flag of \(key)")
                #expect((edge[6] as? NSNumber)?.boolValue == ours.weakLink, "\(format): weak-link flag of \(key)")
            }
        }
        // Node attributes as read, and betweenness as networkx and igraph compute it on the file.
        let all = try #require(analysis.selection("all")).metrics
        let networkx = try #require(read["betweenness"] as? [String: NSNumber])
        let igraph = try #require(read["igraph_betweenness"] as? [String: NSNumber])
        let betweennessColumn = try #require(export.metricColumns.firstIndex { $0.name == "betweenness" })
        let pagerankColumn = try #require(export.metricColumns.firstIndex { $0.name == "pagerank" })
        var failures = 0
        for (index, node) in export.nodes.enumerated() {
            let snatool = all.paths.betweenness[index]
            let ok = close(networkx[node.name]!.doubleValue, snatool) && close(igraph[node.name]!.doubleValue, snatool)
            if !ok && failures < 3 {
                failures += 1
                Issue.record("\(format): betweenness of \(node.name): snatool \(snatool), networkx \(networkx[node.name]!), igraph \(igraph[node.name]!)")
            }
            guard format != "pajek", let attributes = nodes[node.name] else { continue }
            #expect(attributes["organisation"] as? String == node.organisation, "\(format): organisation of \(node.name)")
            #expect(attributes["sector"] as? String == node.attributes[export.attributeNames.firstIndex(of: "sector")!], "\(format): sector of \(node.name)")
            #expect((attributes["gatekeeper"] as? NSNumber)?.boolValue == node.gatekeeper, "\(format): gatekeeper flag of \(node.name)")
            #expect(close((attributes["betweenness"] as! NSNumber).doubleValue, node.metrics[betweennessColumn]!), "\(format): betweenness attribute of \(node.name)")
            #expect(close((attributes["pagerank"] as! NSNumber).doubleValue, node.metrics[pagerankColumn]!), "\(format): pagerank attribute of \(node.name)")
        }
        #expect(failures == 0)
    }

    @Test(arguments: ["networkx.graphml", "networkx.gexf", "igraph.graphml", "gephi.gexf"])
    func filesWrittenByPeersGiveTheirBetweenness(_ writer: String) throws {
        let reference = try fixture("interchange-emon")
        let files = try #require(reference["files"] as? [String: String])
        let path = repositoryRoot.appendingPathComponent("Tests/Fixtures/interchange/\(try #require(files[writer]))").path
        // No options: the format is told from the file.
        let network = try SurveyImporter.load(path: path).network
        #expect(network.people.count == reference["nodes"] as? Int)
        #expect(network.ties.count == reference["edges"] as? Int)
        let betweenness = NodeMetrics(network.graph(.all), groups: [Int](repeating: 0, count: network.people.count)).paths.betweenness
        let networkx = try #require(reference["betweenness_networkx"] as? [String: NSNumber])
        let igraph = try #require(reference["betweenness_igraph"] as? [String: NSNumber])
        for (index, person) in network.people.enumerated() {
            let theirs = try #require(networkx[person.name], "\(writer): \(person.name) is not in the network written")
            #expect(close(betweenness[index], theirs.doubleValue) && close(betweenness[index], igraph[person.name]!.doubleValue),
                    "\(writer): betweenness of \(person.name): snatool \(betweenness[index]), networkx \(theirs)")
        }
        // The node attributes came through as people-file attributes.
        #expect(network.people.contains { $0.attributes["sponsorship"] == "Federal" }, "\(writer): the sponsorship attribute")
        // And the same betweenness as the survey the network came from.
        let original = try ReferenceCase.all.first { $0.fixture == "emon-Texas" }!.network()
        let originalBetweenness = NodeMetrics(original.graph(.all), groups: [Int](repeating: 0, count: original.people.count)).paths.betweenness
        for (index, person) in original.people.enumerated() {
            let position = try #require(network.personIndex(named: person.name))
            #expect(close(betweenness[position], originalBetweenness[index]), "\(writer): \(person.name) against the survey")
        }
    }
}
