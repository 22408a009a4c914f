import Foundation
import SNACore
import SNAIO
import Testing
@testable import SNASynthetic

/// The second Bolton wave differs from the first by exactly its designed
/// changes, and `WaveComparison` of the bundled waves finds exactly those.
@Suite struct SecondWaveTests {
    typealias NamedLink = BoltonSecondWaveScenario.NamedLink

    /// Every themed tie of a generated survey, by names.
    func links(_ survey: SyntheticSurvey) -> Set<NamedLink> {
        Set(survey.links.map { NamedLink(source: survey.members[$0.source].name, target: survey.members[$0.target].name, theme: $0.theme) })
    }

    /// The comparison of the two bundled waves, every finding kept.
    func bundledComparison() throws -> WaveComparison {
        var options = AnalysisOptions()
        options.thresholds.maximumPerKind = .max
        let before = try load("bolton/survey.csv", people: "bolton/people.csv")
        let after = try load("bolton-wave2/survey.csv", people: "bolton-wave2/people.csv")
        return WaveComparison(before: PartnershipAnalysis(network: before, options: options), after: PartnershipAnalysis(network: after, options: options))
    }

    @Test func theBundledSecondWaveIsWhatTheGeneratorMakes() throws {
        for file in BoltonSecondWaveScenario(seed: 1).files() {
            let committed = try String(contentsOfFile: datasetPath("bolton-wave2/\(file.name)"), encoding: .utf8)
            #expect(committed == file.contents, "datasets/bolton-wave2/\(file.name) differs from `snatool generate bolton-wave2 --seed 1`")
        }
        #expect(BoltonScenario(seed: 1).files()[0].contents == (try String(contentsOfFile: datasetPath("bolton/survey.csv"), encoding: .utf8)))
    }

    @Test func theWavesDifferByTheDesignOnly() {
        let (before, after, design) = BoltonSecondWaveScenario(seed: 1).waves()
        let old = links(before), new = links(after)
        // Gained: exactly the added ties, none of which were there before.
        #expect(new.subtracting(old) == Set(design.added))
        #expect(design.added.count == Set(design.added).count)
        // Lost: the removed ties, every tie of the person who left and every tie named by the one who stopped answering.
        let expectedLost = Set(design.removed).union(old.filter {
            design.left.contains($0.source) || design.left.contains($0.target) || design.stoppedAnswering.contains($0.source)
        })
        #expect(old.subtracting(new) == expectedLost)
        #expect(!design.removed.isEmpty)
        #expect(Set(after.members.map(\.name)) == Set(before.members.map(\.name)).subtracting(design.left).union(design.joined))
    }

    @Test func compareFindsExactlyTheDesignedChanges() throws {
        let comparison = try bundledComparison()
        let (before, after, design) = BoltonSecondWaveScenario(seed: 1).waves()
        let old = links(before), new = links(after)
        #expect(comparison.joined == design.joined)
        #expect(comparison.left == design.left)
        #expect(comparison.stoppedAnswering == design.stoppedAnswering)
        #expect(comparison.startedAnswering.isEmpty)
        #expect(comparison.nearMisses.isEmpty)
        #expect(comparison.themesOnlyBefore.isEmpty && comparison.themesOnlyAfter.isEmpty)
        func pairs(_ set: Set<NamedLink>, _ theme: String?) -> Set<WaveComparison.NamedTie> {
            Set(set.filter { theme == nil || $0.theme == theme }.map { WaveComparison.NamedTie(source: $0.source, target: $0.target) })
        }
        for theme in comparison.themes {
            let id: String? = theme.id == Theme.allID ? nil : theme.id
            // Per theme the themed ties; in all themes a pair counts once, whatever its themes.
            #expect(Set(theme.tiesGained) == pairs(new, id).subtracting(pairs(old, id)), "\(theme.id)")
            #expect(Set(theme.tiesLost) == pairs(old, id).subtracting(pairs(new, id)), "\(theme.id)")
            #expect(theme.tiesGained.count == Set(theme.tiesGained).count)
        }
        func change(_ id: String) throws -> WaveComparison.ThemeChange { try #require(comparison.themes.first { $0.id == id }) }
        // The designed gatekeeper is resolved in work and all themes by the new ties...
        #expect(try change(Theme.allID).gatekeepersResolved.map(\.name) == [design.resolvedGatekeeper])
        #expect(try change("work").gatekeepersResolved.map(\.name) == [design.resolvedGatekeeper])
        #expect(try change(Theme.allID).gatekeepersResolved.first?.cutOffBefore == 4)
        // ...and two more as consequences: the new decision tie of the Director of Public Health
        // (who had only their chief executive), and the Fire Service's respondent who stopped answering.
        #expect(try change("decision-making").gatekeepersResolved.map(\.name) == ["Chief Executive, Bolton Primary Care Trust"])
        #expect(try change("innovation").gatekeepersResolved.map(\.name) == ["Borough Fire Commander, Greater Manchester Fire and Rescue Service"])
        // Bolton Interfaith Council joins decision-making through the council's manager, who becomes its gatekeeper there.
        #expect(try change("decision-making").organisationsJoined == ["Bolton Interfaith Council"])
        #expect(try change("decision-making").gatekeepersNew.map(\.name) == ["Community Safety Partnership Manager, Bolton Council"])
        #expect(try change("innovation").organisationsLeft == ["Bolton Mediation Service"])
        // Losing every strategy tie between council and police opens a weak link between them.
        #expect(try change("strategy").weakLinksOpened.contains(WaveComparison.NamedPair("Bolton Council", "Greater Manchester Police")))
        for theme in comparison.themes {
            let designedResolved = ["all", "work", "decision-making", "innovation"].contains(theme.id)
            #expect(theme.gatekeepersResolved.isEmpty != designedResolved, "\(theme.id)")
            #expect(theme.gatekeepersNew.isEmpty == (theme.id != "decision-making"), "\(theme.id)")
            #expect(theme.gatekeepersGone.isEmpty, "\(theme.id)")
            #expect(theme.organisationsJoined.isEmpty == (theme.id != "decision-making"), "\(theme.id)")
            #expect(theme.organisationsLeft.isEmpty == (theme.id != "innovation"), "\(theme.id)")
        }
        // 189 answered; the leaver and the one who stopped did not this time, the newcomer did.
        #expect(comparison.responseBefore.respondents == 189)
        #expect(comparison.responseAfter.respondents == 188)
        #expect(comparison.responseAfter.people == 210)
    }

    @Test func aWaveComparedWithItselfHasNoChange() throws {
        let network = try load("bolton/survey.csv", people: "bolton/people.csv")
        let analysis = PartnershipAnalysis(network: network)
        let comparison = WaveComparison(before: analysis, after: analysis)
        #expect(comparison.joined.isEmpty && comparison.left.isEmpty && comparison.stoppedAnswering.isEmpty)
        for theme in comparison.themes {
            #expect(theme.tiesGained.isEmpty && theme.tiesLost.isEmpty && theme.joined.isEmpty && theme.left.isEmpty)
            #expect(theme.gatekeepersResolved.isEmpty && theme.gatekeepersNew.isEmpty && theme.organisationPairs.isEmpty)
            #expect(theme.before == theme.after)
        }
    }

    @Test func theSecondWaveRatesTrustAsDesigned() throws {
        let (before, after, _) = BoltonSecondWaveScenario(seed: 1).waves()
        #expect(before.links.allSatisfy { $0.trust == nil })
        #expect(after.links.allSatisfy { ($0.trust ?? []).count == 3 && $0.trust!.allSatisfy { (1...4).contains($0) } })
        let header = after.longCSV().split(separator: "\r\n")[0]
        #expect(header.hasSuffix("strength,trust_openness,trust_reliability,trust_mission"))
        // Read with the preset, the designed distrust comes out as findings.
        let network = try SurveyImporter.load(path: datasetPath("bolton-wave2/survey.csv"),
                                              options: .init(peoplePath: datasetPath("bolton-wave2/people.csv"), ratings: .partnershipTrustValue)).network
        #expect(network.ties.allSatisfy { $0.ratings.prefix(3).allSatisfy { $0 != nil } && $0.ratings.suffix(3).allSatisfy { $0 == nil } })
        let findings = PartnershipAnalysis(network: network).findings
        let pair = BoltonSecondWaveScenario.lowTrustPair
        #expect(findings.contains { $0.kind == .lowTrustLink && Set($0.subjectNames) == [pair.0, pair.1] })
        #expect(findings.contains { $0.kind == .distrustedGatekeeper && $0.subjectNames == [BoltonSecondWaveScenario.distrustedGatekeeper] })
        // Elsewhere trust is high: every other low-trust pair involves the distrusted gatekeeper's organisation.
        let gatekeeperOrganisation = "Bolton Lads and Girls Club"
        for finding in findings where finding.kind == .lowTrustLink && Set(finding.subjectNames) != [pair.0, pair.1] {
            #expect(finding.subjectNames.contains(gatekeeperOrganisation), "\(finding.subjectNames)")
        }
        let all = try #require(network.ratingSummary(.all))
        let trust = try #require(network.ratingSet.score(id: "trust"))
        #expect(all.overall[trust].mean! > 3)
    }
}
