import Testing
@testable import SNACore

/// Layer findings (seed 004, paragraph 44): gaps between adjacent layers,
/// one person as the only link, decision-making confined to one layer.
@Suite struct LayerFindingTests {
    static let layers: [String: Layer] = ["A1": .strategic, "A2": .strategic, "A3": .strategic,
                                          "B1": .executive, "B2": .executive, "C1": .operational, "C2": .operational]

    func analysis(_ ties: [(String, String, String)], thresholds: FindingThresholds = .init()) throws -> PartnershipAnalysis {
        var builder = NetworkBuilder()
        for (name, layer) in Self.layers.sorted(by: { $0.key < $1.key }) {
            builder.addPerson(name, organisation: "Org \(name.prefix(1))", layer: layer, origin: .peopleFile)
        }
        for (from, to, theme) in ties { builder.addTie(from: from, to: to, theme: theme) }
        var options = AnalysisOptions()
        options.thresholds = thresholds
        return PartnershipAnalysis(network: try builder.build(), options: options)
    }

    func layerFindings(_ analysis: PartnershipAnalysis) -> [Finding] {
        analysis.findings.filter { [.layerGap, .onlyLayerLink, .confinedToLayer, .layersDecideApart].contains($0.kind) }
    }

    @Test func everyLayerDecidingOnItsOwnIsLayersDecidingApart() throws {
        let decisions = [("A1", "A2"), ("A2", "A3"), ("A3", "A1"), ("A2", "A1"), ("A1", "A3"),
                         ("B1", "B2"), ("B2", "B1"), ("C1", "C2"), ("C2", "C1"), ("A3", "A2"), ("A1", "B1")].map { ($0.0, $0.1, "decision-making") }
        let work = [("A1", "B1"), ("B1", "C1"), ("B2", "C2"), ("A2", "C1"), ("C2", "B1"), ("A3", "B2")].map { ($0.0, $0.1, "work") }
        let found = layerFindings(try analysis(decisions + work))
        #expect(!found.contains { $0.kind == .confinedToLayer })
        let apart = try #require(found.first { $0.kind == .layersDecideApart })
        #expect(apart.theme == "decision-making")
        guard case .layers(let e) = apart.evidence else { Issue.record("no layer evidence"); return }
        // Ten of the eleven decision-making ties stay inside a layer (91 %); across all themes 10 of the 16 distinct pairs (62.5 %).
        #expect(e.layers == [.strategic, .executive, .operational] && e.ties == 10 && e.totalTies == 11)
        #expect(e.activeMembers == [3, 2, 2])
        #expect(abs((e.withinShareInAllThemes ?? 0) - 10.0 / 16.0) < 1e-12)
        // Where decisions cross layers as often as the rest of the work, or fewer than ten ties, nothing is said.
        let fewer = Array(decisions.prefix(9))
        #expect(!layerFindings(try analysis(fewer + work)).contains { $0.kind == .layersDecideApart })
        #expect(!layerFindings(try analysis(decisions)).contains { $0.kind == .layersDecideApart })
    }

    @Test func onePersonCarryingEveryTieBetweenLayersAndConfinedDecisions() throws {
        let ties = [("A1", "B1", "work"), ("A2", "B1", "work"), ("B1", "C1", "work"), ("B1", "C2", "work"), ("C1", "C2", "work"),
                    ("A1", "A2", "work"), ("A2", "A3", "work"), ("B2", "B1", "work"),
                    ("A1", "A2", "decision-making"), ("A2", "A3", "decision-making"), ("A3", "A1", "decision-making"),
                    ("A1", "A3", "decision-making"), ("A2", "A1", "decision-making"), ("A1", "B1", "decision-making")]
        let found = layerFindings(try analysis(ties))
        let links = found.filter { $0.kind == .onlyLayerLink }
        #expect(links.map(\.subjectNames) == [["B1"], ["B1"]])
        guard case .layers(let upper) = try #require(links.first).evidence else { Issue.record("no layer evidence"); return }
        #expect(upper.layers == [.strategic, .executive] && upper.ties == 2)
        let confined = try #require(found.first { $0.kind == .confinedToLayer })
        #expect(confined.theme == "decision-making")
        guard case .layers(let e) = confined.evidence else { Issue.record("no layer evidence"); return }
        // Five of decision-making's six ties join strategic people: 83 % ≥ 80 %.
        #expect(e.layers == [.strategic] && e.ties == 5 && e.totalTies == 6 && e.layersLeftOut == [.executive, .operational])
        // At 90 % it is not confined.
        var strict = FindingThresholds()
        strict.layerConfinedShare = 0.9
        #expect(!layerFindings(try analysis(ties, thresholds: strict)).contains { $0.kind == .confinedToLayer })
    }

    @Test func adjacentLayersWithNoTieAreAGap() throws {
        let ties = [("A1", "B1", "work"), ("B2", "A2", "work"), ("C1", "C2", "work"), ("C2", "A3", "work")]
        let found = layerFindings(try analysis(ties))
        let gap = try #require(found.first { $0.kind == .layerGap })
        guard case .layers(let e) = gap.evidence else { Issue.record("no layer evidence"); return }
        #expect(e.layers == [.executive, .operational] && e.ties == 0 && e.activeMembers == [2, 2])
        #expect(gap.subjects.isEmpty)
        // Strategic and executive: two ties, on four different people, so nobody is the only link.
        #expect(!found.contains { $0.kind == .onlyLayerLink })
    }

    @Test func noLayersNoLayerFindings() throws {
        var builder = NetworkBuilder()
        builder.addTie(from: "A", to: "B", theme: "decision-making")
        builder.addTie(from: "B", to: "C", theme: "decision-making")
        #expect(layerFindings(PartnershipAnalysis(network: try builder.build())).isEmpty)
    }
}
