import Foundation
import SNACore
import SNAIO
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SNAMaps

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func network(_ survey: String, people: String? = nil) throws -> PartnershipNetwork {
    let root = repositoryRoot.appendingPathComponent("datasets")
    return try SurveyImporter.load(path: root.appendingPathComponent(survey).path,
                                   options: .init(peoplePath: people.map { root.appendingPathComponent($0).path })).network
}

func map(_ network: PartnershipNetwork, _ configure: (inout MapOptions) -> Void = { _ in }) throws -> NetworkMap {
    var options = MapOptions()
    configure(&options)
    let analysis = PartnershipAnalysis(network: network, options: .init(level: options.level, selections: [options.selection]))
    return try NetworkMap(analysis: analysis, options: options, source: "test.csv")
}

/// Node statements of a DOT text: lines `  n12 [...]`.
func nodeLines(_ dot: String) -> [Substring] {
    dot.split(separator: "\n").filter { line in
        line.hasPrefix("  n") && line.dropFirst(3).prefix { $0 != " " }.allSatisfy(\.isNumber) && line.contains(" [width=")
    }
}

/// The node statement of the node whose tooltip names `name`.
func nodeLine(_ name: String, in dot: String) -> Substring? {
    nodeLines(dot).first { $0.contains("tooltip=\"\(name);") || $0.contains("tooltip=\"\(name) (") }
}

/// The generated ID of the node named `name`.
func nodeID(_ name: String, in dot: String) -> String? {
    nodeLine(name, in: dot).map { String($0.dropFirst(2).prefix { $0 != " " }) }
}

@Suite struct NetworkMapTests {
    @Test func hostileNamesCannotChangeTheGraph() throws {
        let hostile = ["\"]; x -> y; //", "<script>alert(1)</script>", "AT&T \\N", "Zoë Ó Briain, Café & Co", "&amp; literal", "a\\\"b", "ends with \\"]
        var builder = NetworkBuilder()
        for (a, b) in zip(hostile, hostile.dropFirst() + [hostile[0]]) { builder.addTie(from: a, to: b, themeIndex: 0) }
        let built = try builder.build()
        let drawn = try map(built) { $0.selection = .all }
        // Exactly one node per person and one edge per tie come out of Graphviz.
        let svg = try drawn.render(as: .svg)
        let document = try XMLDocument(data: svg)
        #expect(try document.nodes(forXPath: "//*[local-name()='g'][@class='node']").count == hostile.count)
        #expect(try document.nodes(forXPath: "//*[local-name()='g'][@class='edge']").count == hostile.count)
        // Node IDs are generated; every name is in a tooltip, exactly as written.
        let tooltips = try document.nodes(forXPath: "//*[local-name()='a']/@*[local-name()='title']").compactMap(\.stringValue)
        for name in hostile { #expect(tooltips.contains { $0.hasPrefix(name + "; ") }, "\(name)") }
        let texts = try document.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
        #expect(texts.contains("Zoë Ó Briain, Café & Co"))
        #expect(texts.contains("ends with \\"))
        #expect(texts.contains("AT&T \\N"))
        #expect(texts.contains("a\\\"b"))
        #expect(texts.contains("<script>alert(1)</script>"))
        #expect(texts.contains("&amp; literal"))
        #expect(!String(decoding: svg, as: UTF8.self).contains("<script>"))
    }

    @Test func boltonDecisionMakingMapMarksTheGatekeepers() throws {
        let bolton = try network("bolton/survey.csv", people: "bolton/people.csv")
        let index = bolton.themes.firstIndex { $0.id == "decision-making" }!
        let drawn = try map(bolton) { $0.selection = .theme(index) }
        #expect(nodeLines(drawn.dot).count == 210)
        let gatekeeperLines = nodeLines(drawn.dot).filter { $0.contains("peripheries=2") }
        #expect(!gatekeeperLines.isEmpty)
        // Every gatekeeper is labelled.
        #expect(gatekeeperLines.allSatisfy { $0.contains("xlabel=") })
        #expect(drawn.dot.contains("Decision-making ties, test.csv (210 people)"))
        #expect(drawn.dot.contains("Double black outline: gatekeeper"))
        // Isolates are marked.
        #expect(nodeLines(drawn.dot).contains { $0.contains("filled,dashed") })
    }

    @Test func derbyshireMapsShowWeakLinksAndAbsentPartners() throws {
        let derbyshire = try network("derbyshire/survey.csv", people: "derbyshire/partners.csv")
        let all = try map(derbyshire)
        let weak = all.dot.split(separator: "\n").filter { $0.contains("style=dashed") && $0.contains(" -> ") }
        func linked(_ a: String, _ b: String) -> Bool {
            guard let x = nodeID(a, in: all.dot), let y = nodeID(b, in: all.dot) else { return false }
            return weak.contains { $0.contains("  \(x) -> \(y) ") || $0.contains("  \(y) -> \(x) ") }
        }
        #expect(linked("Jobcentre Plus Derbyshire", "Derby City Primary Care Trust"))
        #expect(linked("Derbyshire County Council", "Derbyshire County Primary Care Trust"))
        let index = derbyshire.themes.firstIndex { $0.id == "decision-making" }!
        let decision = try map(derbyshire) { $0.selection = .theme(index) }
        for name in ["Learning and Skills Council Derbyshire", "Chesterfield College", "Derby College", "University of Derby"] {
            let line = try #require(nodeLine(name, in: decision.dot))
            #expect(line.contains("xlabel="))
            #expect(line.contains("color=\"\(Palette.weakLink)\""))
        }
    }

    @Test func organisationMapSizesByPeopleAndColoursBySector() throws {
        let bolton = try network("bolton/survey.csv", people: "bolton/people.csv")
        let drawn = try map(bolton) { $0.level = .organisations }
        #expect(nodeLines(drawn.dot).count == 25)
        #expect(drawn.dot.contains("Colour: sector. Size: people."))
        // The biggest organisation is drawn biggest.
        let council = try #require(nodeLine("Bolton Council", in: drawn.dot))
        #expect(council.contains("width=0.8"))
    }

    @Test func egoMapDrawsTheNeighbourhood() throws {
        let bolton = try network("bolton/survey.csv", people: "bolton/people.csv")
        let ego = "Partnership Manager, Fortalice"
        let one = try map(bolton) { $0.ego = ego; $0.radius = 1 }
        let two = try map(bolton) { $0.ego = ego; $0.radius = 2 }
        let neighbours = Set(bolton.graph(.all).symmetrised().neighbours(of: bolton.personIndex(named: ego)!).map(Int.init))
        #expect(one.nodeCount == neighbours.count + 1)
        #expect(two.nodeCount > one.nodeCount)
        #expect(one.dot.contains("around Partnership Manager, Fortalice (1 step)"))
        #expect(throws: MapError.self) { try map(bolton) { $0.ego = "Nobody Here" } }
    }

    @Test func clustersSwitchToAnEngineThatDrawsThem() throws {
        let texas = try network("emon/Texas/survey.csv", people: "emon/Texas/organisations.csv")
        let drawn = try map(texas) { $0.clusterBy = "sponsorship" }
        #expect(drawn.engine == .fdp)
        #expect(drawn.notes.count == 1)
        #expect(drawn.dot.contains("subgraph \"cluster_"))
        #expect(throws: MapError.self) { try map(texas) { $0.colourBy = "shoe size" } }
    }

    @Test func formatsHaveValidHeadersAndLayoutIsReproducible() throws {
        let texas = try network("emon/Texas/survey.csv", people: "emon/Texas/organisations.csv")
        let drawn = try map(texas) { $0.seed = 7 }
        let png = try drawn.render(as: .png)
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let pdf = try drawn.render(as: .pdf)
        #expect(pdf.prefix(5) == Data("%PDF-".utf8))
        #expect(try drawn.render(as: .dot) == Data(drawn.dot.utf8))
        #expect(try drawn.render(as: .svg) == (try drawn.render(as: .svg)))
        let other = try map(texas) { $0.seed = 8 }
        #expect(try other.render(as: .svg) != (try drawn.render(as: .svg)))
    }

    @Test(arguments: LayoutEngine.allCases)
    func everyEngineDrawsEveryNode(engine: LayoutEngine) throws {
        let cheyenne = try network("emon/Cheyenne/survey.csv", people: "emon/Cheyenne/organisations.csv")
        let drawn = try map(cheyenne) { $0.engine = engine }
        let document = try XMLDocument(data: try drawn.render(as: .svg))
        let titles = try document.nodes(forXPath: "//*[local-name()='g'][@class='node']/*[local-name()='title']").compactMap(\.stringValue)
        #expect(titles.count == cheyenne.people.count)
        let tooltips = try document.nodes(forXPath: "//*[local-name()='a']/@*[local-name()='title']").compactMap(\.stringValue)
        #expect(Set(tooltips.compactMap { $0.components(separatedBy: "; ").first }) == Set(cheyenne.people.map(\.name)))
    }

    @Test func labelEscapingRules() {
        #expect(DOTText.quoted("a\"b\\c") == "\"a\\\"b\\\\c\"")
        #expect(DOTText.label(["AT&T", "x\\N"]) == "\"AT&amp;T\\nx\\\\N\"")
        #expect(DOTText.html("<b>&\"") == "&lt;b&gt;&amp;&quot;")
        #expect(DOTText.tooltip("a\\N") == "\"a\\\\\\\\N\"")
    }
}

/// Cases found by a hostile review.
@Suite struct MapRegressionTests {
    @Test func clustersWithDotDoNotCrashGraphviz() throws {
        let bolton = try network("bolton/survey.csv", people: "bolton/people.csv")
        let drawn = try map(bolton) { $0.clusterBy = "organisation"; $0.engine = .dot; $0.selection = .theme(6) }
        #expect(try drawn.render(as: .svg).count > 1000)
    }

    @Test func theDefaultEngineRepeatsByteForByte() throws {
        let bolton = try network("bolton/survey.csv", people: "bolton/people.csv")
        let drawn = try map(bolton) { $0.selection = .theme(6) }
        #expect(drawn.engine == .neato)
        let first = try drawn.render(as: .svg)
        for _ in 0..<4 { #expect(try drawn.render(as: .svg) == first) }
    }

    @Test func backslashesInTheLegendAreText() throws {
        var builder = NetworkBuilder()
        builder.addTie(from: "Ann", organisation: "Org \\G one", to: "Bob", organisation: "Org \\E two", themeIndex: 0)
        let drawn = try map(try builder.build()) { $0.title = "a\\Gb" }
        let svg = String(decoding: try drawn.render(as: .svg), as: UTF8.self)
        #expect(svg.contains("Org \\G one"))
        #expect(svg.contains("a\\Gb"))
    }
}

/// Labels on a map drawn in known places never cover one another.
@Suite struct LabelFitTests {
    @Test func aLabelCoveringAMoreImportantOneIsLeftOut() {
        let positions: [MapPoint?] = [MapPoint(x: 100, y: 100), MapPoint(x: 110, y: 102), MapPoint(x: 400, y: 100), nil]
        let kept = NetworkMap.labelsThatFit([0, 1, 2, 3], positions: positions, fontSize: 9) { _ in (["Youth Worker", "Bolton Council"], 5) }
        // Node 1 sits on node 0's label; node 2 is far away; node 3 has no place.
        #expect(kept == [0, 2])
        // The order is the priority: the other of the pair wins when it comes first.
        #expect(NetworkMap.labelsThatFit([1, 0], positions: positions, fontSize: 9) { _ in (["Youth Worker"], 5) } == [1])
    }
}
