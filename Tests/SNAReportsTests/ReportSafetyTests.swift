import Foundation
import SNAAssessments
import SNACore
import Testing
@testable import SNAReports

/// Reports of awkward and large inputs: well-formed, and quick to make.
@Suite struct ReportSafetyTests {
    @Test func aVeryLongNameAndForbiddenCharactersGiveAWellFormedReport() throws {
        let long = Array(repeating: "word", count: 170_000).joined(separator: " ")
        var builder = NetworkBuilder()
        builder.addTie(from: long, organisation: "Org A", to: "Bob\u{FFFF}", organisation: "Org\u{FFFE} B", theme: 0)
        builder.addTie(from: "Bob\u{FFFF}", organisation: "Org\u{FFFE} B", to: "Carol", organisation: "Org A", theme: 0)
        let network = try builder.build()
        var options = ReportOptions()
        options.title = "Board \u{FFFF} report"
        let html = PartnershipReport(network: network, source: "s\u{FFFE}.csv", layout: "long", rows: 2, options: options).html
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
        let html = report(survey) { $0.personMapLimit = 100 }
        let document = try parse(html)
        #expect(try document.nodes(forXPath: "//*[local-name()='figure'][@class='map']").count == 1)
        #expect(html.contains("No per-person maps"))
    }
}
