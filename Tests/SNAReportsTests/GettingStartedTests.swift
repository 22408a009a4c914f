import Foundation
import SNACore
import SNAIO
import SNAMaps
import Testing

/// The code of the SNAIO getting-started article (Sources/SNAIO/SNAIO.docc/GettingStarted.md),
/// step by step on the bundled Bolton-style survey, so the article stays true.
@Suite struct GettingStartedTests {
    @Test func everyStepOfTheArticleWorks() throws {
        let root = repositoryRoot.appendingPathComponent("datasets/bolton")
        let survey = try SurveyImporter.load(
            path: root.appendingPathComponent("survey.csv").path,
            options: SurveyImportOptions(peoplePath: root.appendingPathComponent("people.csv").path))
        let network = survey.network
        #expect(network.people.count == 210 && network.themes.count == 7)

        let analysis = PartnershipAnalysis(network: network)
        let all = try #require(analysis.selection("all"))
        let betweenness = all.metrics.paths.betweenness
        let top = try #require(betweenness.indices.max { betweenness[$0] < betweenness[$1] })

        // Methods of the graph give what the analysis gives, and names reach the same values.
        let graph = network.graph(.all)
        #expect(graph.pathCentralities().betweenness == betweenness)
        #expect(graph.pageRank() == all.metrics.pageRank)
        #expect(graph.brokerage(groups: analysis.groups).raw.map(\.total) == all.metrics.brokerage.raw.map(\.total))
        #expect(graph.symmetrised().cutPoints() == all.metrics.cutPoints)
        #expect(analysis.value("betweenness", of: analysis.nodeNames[top]) == betweenness[top])
        #expect(analysis.value("betweenness_normalised", of: network.people[0].name) != nil)

        let gatekeepers = analysis.findings.filter { $0.kind == .gatekeeper }
        let first = try #require(gatekeepers.first)
        #expect(FindingWording.headline(first).contains(first.subjects[0].name))
        guard case .gatekeeper(let evidence) = first.evidence else { Issue.record("a gatekeeper without gatekeeper evidence"); return }
        #expect(evidence.removalImpact > 0 || evidence.brokerage != nil)
        #expect(analysis.findings(about: first.subjects[0].name).contains { $0.kind == .gatekeeper })

        var options = MapOptions()
        options.selection = .all
        options.omitIsolates = true
        let map = try NetworkMap(analysis: analysis, options: options, source: "survey.csv")
        let svg = String(decoding: try map.render(as: .svg), as: UTF8.self)
        #expect(svg.contains("<svg"))

        let output = AnalysisOutput(analysis: analysis, survey: survey)
        #expect(output.text(top: 5).contains("Gatekeeper"))
        var json = ""
        try output.writeJSON { json += $0 }
        #expect(json.contains("\"schema_version\""))
    }
}
