import Foundation
import SNACore
import SNAIO
import Testing
@testable import SNASynthetic

/// The findings name what each case-study dataset was built to show.
@Suite struct CaseStudyFindingsTests {
    @Test func boltonFindingsNameTheGatekeepers() throws {
        let network = try load("bolton/survey.csv", people: "bolton/people.csv")
        let analysis = PartnershipAnalysis(network: network, options: .init(selections: [.all]))
        let gatekeepers = Set(analysis.findings.filter { $0.kind == .gatekeeper }.flatMap(\.subjectNames))
        #expect(Set(BoltonScenario.builtInGatekeepers).isSubset(of: gatekeepers))
        // Each built-in gatekeeper of a gated organisation cuts off everyone in it.
        let gated = analysis.findings.filter { $0.kind == .gatekeeper && $0.subjects[0].name.contains("Fortalice") }
        try #require(!gated.isEmpty)
        for finding in gated {
            guard case .gatekeeper(let evidence) = finding.evidence else { Issue.record("not gatekeeper evidence"); continue }
            #expect(evidence.organisationsCutOff.map(\.name).contains("Fortalice"))
            #expect(FindingWording.headline(finding).contains("including all the connected members of Fortalice"))
        }
    }

    @Test func derbyshireFindingsNameTheWeakLinksAndTheIsolation() throws {
        typealias Names = DerbyshireScenario.Names
        let network = try load("derbyshire/survey.csv", people: "derbyshire/partners.csv")
        let analysis = PartnershipAnalysis(network: network, options: .init(grouping: Grouping("sector")))
        let weak = analysis.findings.filter { $0.kind == .weakLink }.map { Set($0.subjectNames) }
        #expect(weak.prefix(2).contains([Names.jobcentrePlus, Names.cityPCT]))
        #expect(weak.prefix(2).contains([Names.countyCouncil, Names.countyPCT]))
        let absent = try #require(analysis.findings.first { $0.kind == .absentFromTheme && $0.theme == "decision-making" })
        let learning = [Names.learningAndSkillsCouncil] + Names.colleges
        #expect(Set(learning).isSubset(of: Set(absent.subjectNames)))
    }

    @Test func expectedLinksTurnIntoNamedGaps() throws {
        typealias Names = DerbyshireScenario.Names
        let network = try load("derbyshire/survey.csv", people: "derbyshire/partners.csv")
        let options = AnalysisOptions(expectedLinks: [
            ExpectedLink(Names.jobcentrePlus, Names.cityPCT, note: "employment support for people with disabilities"),
            ExpectedLink(Names.countyCouncil, Names.countyPCT, theme: "decision-making"),
            ExpectedLink("education and skills", "employment", theme: "decision-making"),
        ])
        let missing = PartnershipAnalysis(network: network, options: options).findings.filter { $0.kind == .missingLink }
        #expect(missing.contains { Set($0.subjectNames) == [Names.jobcentrePlus, Names.cityPCT] && $0.theme == "all" })
        #expect(missing.contains { Set($0.subjectNames) == [Names.countyCouncil, Names.countyPCT] && $0.theme == "decision-making" })
        #expect(missing.contains { $0.subjectNames.contains(Names.learningAndSkillsCouncil) && $0.theme == "decision-making" })
    }

    @Test func emonFindingsAreComputedForOrganisationLevelSurveys() throws {
        let network = try load("emon/MtSi/survey.csv", people: "emon/MtSi/organisations.csv")
        let analysis = PartnershipAnalysis(network: network, options: .init(grouping: Grouping("sponsorship")))
        let isolated = try #require(analysis.findings.first { $0.kind == .isolatedPeople })
        #expect(isolated.subjects.count == 5)
        #expect(FindingWording.headline(isolated).hasPrefix("5 partners have no ties at all"))
    }

    @Test func symmetrisingChangesTheGraphAsDocumented() throws {
        let network = try load("emon/Texas/survey.csv", people: "emon/Texas/organisations.csv")
        let plain = PartnershipAnalysis(network: network).selections[0].graph
        let either = PartnershipAnalysis(network: network, options: .init(symmetrisation: .either)).selections[0].graph
        let both = PartnershipAnalysis(network: network, options: .init(symmetrisation: .both)).selections[0].graph
        let mutual = GraphSummary(plain).mutualPairs
        #expect(both.edgeCount == 2 * mutual)
        #expect(either.edgeCount == 2 * (plain.edgeCount - mutual))
        #expect(GraphSummary(either).reciprocity == 1)
    }
}
