import Foundation
import SNAAssessments
import SNACore
import SNAIO
import Testing
@testable import SNAReports

/// Reports of awkward and large inputs: well-formed, and quick to make.
@Suite struct ReportSafetyTests {
    @Test func aVeryLongNameAndForbiddenCharactersGiveAWellFormedReport() throws {
        let long = Array(repeating: "word", count: 170_000).joined(separator: " ")
        var builder = NetworkBuilder()
        builder.addTie(from: long, organisation: "Org A", to: "Bob\u{FFFF}", organisation: "Org\u{FFFE} B", themeIndex: 0)
        builder.addTie(from: "Bob\u{FFFF}", organisation: "Org\u{FFFE} B", to: "Carol", organisation: "Org A", themeIndex: 0)
        let network = try builder.build()
        var options = ReportOptions()
        options.title = "Board \u{FFFF} report"
        let html = try PartnershipReport(network: network, source: "s\u{FFFE}.csv", layout: "long", rows: 2, options: options).html
        _ = try parse(html)
        #expect(!html.unicodeScalars.contains { !XMLCharacters.isAllowed($0) })
        #expect(html.contains("<figure class=\"map\">"))
    }

    @Test func inlineSVGDropsThePrologAndCommentsAndPrefixesIDs() {
        let svg = """
            <?xml version="1.0"?>
            <!DOCTYPE svg>
            <!-- Generated -->
            <svg width="10pt" height="20pt" viewBox="0 0 10 20"><g id="graph0"><!-- n0 --><g id="n0"><title>a id="x"</title></g></g></svg>
            """
        let inline = ReportCharts.inline(svg: svg, label: "A & B", prefix: "map-x")
        #expect(inline == #"<svg role="img" aria-label="A &amp; B" viewBox="0 0 10 20"><g id="map-x-graph0"><g id="map-x-n0"><title>a id="x"</title></g></g></svg>"#)
    }

    @Test func aLargeSurveyGetsTheOrganisationMapAndANote() throws {
        let survey = try bolton()
        let html = try report(survey) { $0.personMapLimit = 100 }
        let document = try parse(html)
        #expect(try document.nodes(forXPath: "//*[local-name()='figure'][@class='map']").count == 1)
        #expect(html.contains("No per-person maps"))
    }
}

/// The interactive view's data: what the browser test relies on, checked without a browser.
@Suite struct InteractiveMapTests {
    struct Data: Decodable {
        struct Node: Decodable { let i: Int; let name: String; let org: String?; let findings: [Int]; let orgFindings: [Int]? }
        struct Finding: Decodable { let kind: String; let headline: String; let evidence: String }
        let prefix: String
        let themes: [String]
        let nodes: [Node]
        let findings: [Finding]
        let edges: [[JSONEdgePart]]
    }
    enum JSONEdgePart: Decodable {
        case node(Int), themes([Int])
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let index = try? container.decode(Int.self) { self = .node(index) } else { self = .themes(try container.decode([Int].self)) }
        }
    }

    func viewData(_ html: String) throws -> Data {
        let start = try #require(html.range(of: "<script type=\"application/json\" class=\"explore-data\">")).upperBound
        let end = try #require(html[start...].range(of: "</script>")).lowerBound
        return try JSONDecoder().decode(Data.self, from: Foundation.Data(html[start..<end].utf8))
    }

    @Test func everyFindingNamingANodeIsInItsPanelData() throws {
        let survey = try bolton()
        let html = try report(survey)
        let view = try viewData(html)
        #expect(view.prefix == "explore-map")
        // Every id in the page is unique (the section is "explore", the view inside it "explore-map").
        let ids = html.matches(of: /\sid="([^"]+)"/).map { String($0.output.1) }
        #expect(Set(ids).count == ids.count, "\(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        #expect(view.themes.count == survey.network.themes.count)
        let analysis = PartnershipAnalysis(network: survey.network)
        #expect(view.findings.map(\.headline) == analysis.findings.map { FindingWording.headline($0) })
        for node in view.nodes {
            let expected = analysis.findings.indices.filter { analysis.findings[$0].subjectNames.contains(node.name) }
            #expect(node.findings == expected, "\(node.name)")
            if let org = node.org {
                #expect(node.orgFindings == analysis.findings.indices.filter { analysis.findings[$0].subjectNames.contains(org) })
            }
        }
        // Every node and edge of the data is drawn in the view's SVG.
        for node in view.nodes { #expect(html.contains("id=\"explore-map-n\(node.i)\""), "\(node.name)") }
        for edge in view.edges {
            guard case .node(let a) = edge[0], case .node(let b) = edge[1] else { Issue.record("edge shape"); continue }
            #expect(html.contains("id=\"explore-map-e\(a)_\(b)\""))
        }
    }

    @Test func aRatedSurveysPanelShowsEachMeasureReceivedAndGiven() throws {
        struct Rated: Decodable { struct Node: Decodable { let i: Int; let name: String; let figures: [[String]] }; let nodes: [Node] }
        let root = repositoryRoot.appendingPathComponent("datasets/bolton-wave2")
        var options = SurveyImportOptions(peoplePath: root.appendingPathComponent("people.csv").path)
        options.ratings = RatingSet.partnershipTrustValue
        let survey = try SurveyImporter.load(path: root.appendingPathComponent("survey.csv").path, options: options)
        let html = try report(survey)
        let start = try #require(html.range(of: "<script type=\"application/json\" class=\"explore-data\">")).upperBound
        let end = try #require(html[start...].range(of: "</script>")).lowerBound
        let view = try JSONDecoder().decode(Rated.self, from: Foundation.Data(html[start..<end].utf8))
        let summary = try #require(survey.network.ratingSummary(.all))
        let trust = try #require(summary.scores.firstIndex { $0.id == "trust" })
        var checked = 0
        for node in view.nodes {
            let labels = node.figures.map { $0[0] }
            // The preset's measures, not its six items, and only trust: the wave rates no tie on value.
            #expect(labels.suffix(3) == ["Brokerage between groups", "Trust, received", "Trust, given"], "\(labels)")
            let received = summary.personReceived[trust][node.i]
            let expected = received.mean.map { "\(ReportCharts.number($0, places: 2)) (\(received.count))" } ?? "-"
            #expect(node.figures.first { $0[0] == "Trust, received" }?[1] == expected, "\(node.name)")
            if received.count > 0 { checked += 1 }
        }
        #expect(checked > 50)
    }

    @Test func jsonTextIsSafeInsideXHTML() {
        #expect(JSONText.string("a</script>&\"\\\u{1}\u{FFFF}\u{2028}") == #""a\u003c/script\u003e\u0026\"\\\u0001\ufffd\u2028""#)
    }
}
