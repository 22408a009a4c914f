import Testing
@testable import SNACore

/// Statutory partners (seed 004, Appendix 3): types matched loosely to the
/// statute's kinds, and the three findings judged from them.
@Suite struct StatutoryPartnerFindingTests {
    static let crimeAndDisorder = PartnershipKind(
        id: "crime-and-disorder", name: "Crime and disorder reduction partnerships", statute: "Crime and Disorder Act 1998.",
        required: [OrganisationKind(name: "Local authorities", spellings: ["council"]),
                   OrganisationKind(name: "Primary care trusts", spellings: ["PCT", "CCG"]),
                   OrganisationKind(name: "Police authorities"),
                   OrganisationKind(name: "Fire and rescue authorities", spellings: ["fire and rescue service"])])

    @Test func typesMatchKindsLoosely() {
        let kinds = Self.crimeAndDisorder
        #expect(kinds.requiredKind(ofType: "Local Authority")?.name == "Local authorities")
        #expect(kinds.requiredKind(ofType: "local-authorities")?.name == "Local authorities")
        #expect(kinds.requiredKind(ofType: "pct")?.name == "Primary care trusts")
        #expect(kinds.requiredKind(ofType: "Primary Care Trust")?.name == "Primary care trusts")
        #expect(kinds.requiredKind(ofType: "POLICE AUTHORITY")?.name == "Police authorities")
        #expect(kinds.requiredKind(ofType: "Fire & Rescue Services")?.name == "Fire and rescue authorities")
        #expect(kinds.requiredKind(ofType: "charity") == nil)
        #expect(OrganisationKind.typeKey("Jobcentre Plus") == "jobcentre plus")
    }

    @Test func findingsNameTheMissingAbsentAndUnansweredKinds() throws {
        var builder = NetworkBuilder()
        let people = [("c1", "Council"), ("c2", "Council"), ("p1", "Police Authority"), ("h1", "Health"), ("h2", "Health"), ("h3", "Health")]
        for (name, organisation) in people { builder.addPerson(name, organisation: organisation, origin: .peopleFile) }
        for (from, to, theme) in [("c1", "p1", "work"), ("p1", "c1", "work"), ("c1", "h1", "decision-making"), ("c2", "h2", "strategy"),
                                  ("h1", "c1", "decision-making"), ("c1", "c2", "decision-making"), ("p1", "c2", "strategy")] {
            builder.addTie(from: from, to: to, theme: theme)
        }
        let network = try builder.build().settingOrganisationAttributes(
            ["council": ["type": "Council"], "police authority": ["type": "police authority"], "health": ["type": "PCT"]])
        var options = AnalysisOptions()
        options.statutory = StatutoryCheck(partnership: Self.crimeAndDisorder,
                                           listedOutsideSurvey: [ListedOrganisation(name: "County Fire", type: "Fire and rescue service")])
        let findings = PartnershipAnalysis(network: network, options: options).findings
        let missing = try #require(findings.first { $0.kind == .requiredPartnerMissing })
        guard case .statutory(let e) = missing.evidence else { Issue.record("no statutory evidence"); return }
        #expect(e.kinds.map(\.name) == ["Fire and rescue authorities"] && e.listedOutsideSurvey == ["County Fire"])
        #expect(findings.filter { $0.kind == .requiredPartnerMissing }.count == 1)
        let absent = findings.filter { $0.kind == .requiredPartnerAbsent }
        #expect(absent.map(\.theme) == ["decision-making"])
        #expect(absent.first?.subjectNames == ["Police Authority"])
        let unanswered = findings.filter { $0.kind == .requiredPartnerUnanswered }
        // Health: h1 answered, h2 and h3 did not (one of three); the council's two both answered.
        #expect(unanswered.map(\.subjectNames) == [["Health"]])
        guard case .statutory(let u) = try #require(unanswered.first).evidence else { Issue.record("no statutory evidence"); return }
        #expect(u.members == 3 && u.answered == 1)
    }

    @Test func anExpectedLinkToAnOrganisationNotInTheSurveyIsAFinding() throws {
        var builder = NetworkBuilder()
        builder.addTie(from: "a", to: "b", theme: "work")
        builder.addPerson("a", organisation: "Council", origin: .peopleFile)
        builder.addPerson("b", organisation: "Police", origin: .peopleFile)
        var options = AnalysisOptions()
        options.expectedLinks = [ExpectedLink("Council", "Fire Service", note: "arson")]
        let findings = PartnershipAnalysis(network: try builder.build(), options: options).findings
        let found = try #require(findings.first { $0.kind == .expectedPartnerNotInSurvey })
        #expect(found.subjectNames == ["Council"])
        guard case .expectedPartnerNotInSurvey(let e) = found.evidence else { Issue.record("wrong evidence"); return }
        #expect(e.notInSurvey == ["Fire Service"])
        #expect(e.closest == [nil])
        #expect(!findings.contains { $0.kind == .missingLink })
    }

    @Test func aMisspeltOrAbbreviatedExpectedPartnerNamesTheOrganisationItMayBe() throws {
        var builder = NetworkBuilder()
        builder.addTie(from: "a", to: "b", theme: "work")
        builder.addPerson("a", organisation: "Bolton Council", origin: .peopleFile)
        builder.addPerson("b", organisation: "Greater Manchester Police", origin: .peopleFile)
        var options = AnalysisOptions()
        options.expectedLinks = [ExpectedLink("Bolton Concil", "GMP"), ExpectedLink("Bolton Council", "Fire Service")]
        let findings = PartnershipAnalysis(network: try builder.build(), options: options).findings.filter { $0.kind == .expectedPartnerNotInSurvey }
        let evidence = findings.compactMap { finding -> ExpectedPartnerEvidence? in
            guard case .expectedPartnerNotInSurvey(let e) = finding.evidence else { return nil }
            return e
        }
        #expect(evidence.map(\.notInSurvey) == [["Bolton Concil", "GMP"], ["Fire Service"]])
        #expect(evidence.map(\.closest) == [["Bolton Council", "Greater Manchester Police"], [nil]])
    }
}
