import Foundation
import SNAAssessments
import SNACore
import SNAIO
import Testing
@testable import SNAReports

/// The report's layer blocks (issue 19, item 2), the delivery chains set
/// against the network (item 3) and the statutory-partner findings (item 1).
@Suite struct ReportLayersAndChainTests {
    func section(_ id: String, of html: String) throws -> String {
        let start = try #require(html.range(of: "<section id=\"\(id)\">"))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func theLayerBlocksAreShownForAllThemesAndDecisionMaking() throws {
        let survey = try bolton()
        let html = try report(survey)
        _ = try parse(html)
        let layers = try section("layers", of: html)
        #expect(layers.contains("Ties between the layers, all themes") && layers.contains("Ties between the layers, decision-making"))
        // The blocks are the analysis's: strategic to strategic in decision-making.
        let analysis = PartnershipAnalysis(network: survey.network)
        let blocks = try #require(analysis.selection("decision-making")?.layerBlocks)
        #expect(layers.contains("<th scope=\"row\">strategic</th><td>\(Int(blocks.ties[0][0]))</td>"))
        let layerFindings = analysis.findings.filter { if case .layers = $0.evidence { true } else { false } }
        #expect(!layerFindings.isEmpty, "the Bolton-style survey shows a layer finding")
        for finding in layerFindings { #expect(layers.contains(HTMLText.escape(FindingWording.headline(finding)))) }
        // No layers, no section.
        var builder = NetworkBuilder()
        builder.addTie(from: "a", to: "b", theme: "work")
        let plain = try PartnershipReport(network: try builder.build(), source: "s.csv", layout: "long", rows: 1, options: ReportOptions()).html
        #expect(!plain.contains("<section id=\"layers\">"))
    }

    @Test func theWorkshopsAreSetAgainstTheNetwork() throws {
        let survey = try bolton()
        let responses = try DCAResponseReader.read(path: repositoryRoot.appendingPathComponent("datasets/dca/responses.csv").path)
        let chain = DCANetwork(responses: responses, network: survey.network)
        let html = try report(survey) { $0.dca = DCAScores(responses: responses); $0.dcaNetwork = chain }
        _ = try parse(html)
        let body = try section("dca-network", of: html)
        for outcome in chain.outcomes {
            #expect(!outcome.invitees.isEmpty)
            for invitee in outcome.invitees { #expect(body.contains(HTMLText.escape(invitee.name))) }
        }
        #expect(body.contains("Homes and Communities Agency") && body.contains("not in the survey"))
        #expect(body.contains("absent from decision-making"))
    }
}
