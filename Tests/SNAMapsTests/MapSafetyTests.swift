import Foundation
import SNACore
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SNAMaps

/// Names no map should choke on: very long ones, and characters XML forbids.
@Suite struct MapSafetyTests {
    /// About 850 KB of words: it used to crash Graphviz inside the process.
    static let longName = Array(repeating: "word", count: 170_000).joined(separator: " ")

    @Test func aVeryLongNameIsShortenedForDrawingAndKeptShortInTooltips() throws {
        var builder = NetworkBuilder()
        builder.addTie(from: Self.longName, organisation: Self.longName, to: "Bob", organisation: "Council", themeIndex: 0)
        builder.addTie(from: "Bob", organisation: "Council", to: Self.longName, organisation: Self.longName, themeIndex: 0)
        let built = try builder.build()
        for level in [AnalysisLevel.people, .organisations] {
            let drawn = try map(built) { $0.level = level; $0.labels = .all }
            #expect(drawn.dot.utf8.count < 20_000, "the DOT holds no full copy of the name")
            let document = try XMLDocument(data: try drawn.render(as: .svg))
            let texts = try document.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
            #expect(texts.contains { $0.hasSuffix("\u{2026}") && $0.count <= MapOptions.longestLabel })
        }
    }

    @Test func charactersXMLForbidsNeverReachTheSVG() throws {
        var builder = NetworkBuilder()
        builder.addTie(from: "Ann\u{FFFF} Lee", organisation: "Org\u{FFFE}", to: "Bob", organisation: "Council", themeIndex: 0)
        let built = try builder.build()
        let drawn = try map(built) { $0.title = "Title \u{FFFF}" }
        let svg = try drawn.render(as: .svg)
        _ = try XMLDocument(data: svg)
        let text = String(decoding: svg, as: UTF8.self)
        #expect(!text.unicodeScalars.contains { !XMLCharacters.isAllowed($0) })
    }

    @Test func shortenedCutsAtTheLimitWithAnEllipsis() {
        #expect(DOTText.shortened("abcdef", to: 4) == "abc\u{2026}")
        #expect(DOTText.shortened("abcd", to: 4) == "abcd")
        #expect(DOTText.shortened("Zoë Ó Briain", to: 5) == "Zoë \u{2026}")
    }

    @Test func xmlCharacters() {
        for allowed: Unicode.Scalar in ["\t", "\n", "a", "\u{D7FF}", "\u{E000}", "\u{FFFD}", "\u{10000}"] { #expect(XMLCharacters.isAllowed(allowed)) }
        for forbidden: Unicode.Scalar in ["\u{0}", "\u{1}", "\u{1F}", "\u{FFFE}", "\u{FFFF}"] { #expect(!XMLCharacters.isAllowed(forbidden)) }
    }
}

/// One analysis serves every theme's map; one layout serves every theme's places.
@Suite struct SharedLayoutTests {
    @Test func aThemeMapFromTheSharedAnalysisIsTheMapOfThatThemeAlone() throws {
        let bolton = try network("bolton/survey.csv", people: "bolton/people.csv")
        let shared = PartnershipAnalysis(network: bolton)
        for theme in bolton.themes.indices.prefix(3) {
            var options = MapOptions()
            options.selection = .theme(theme)
            let alone = PartnershipAnalysis(network: bolton, options: .init(selections: [.theme(theme)]))
            let fromShared = try NetworkMap(analysis: shared, options: options, source: "s")
            let fromAlone = try NetworkMap(analysis: alone, options: options, source: "s")
            #expect(fromShared.dot == fromAlone.dot, "\(bolton.themes[theme].id)")
        }
    }

    @Test func pinnedMapsKeepTheLaidOutPlacesAndOmitIsolates() throws {
        let bolton = try network("bolton/survey.csv", people: "bolton/people.csv")
        let analysis = PartnershipAnalysis(network: bolton)
        var options = MapOptions()
        options.omitIsolates = true
        let whole = try LaidOutMap(try NetworkMap(analysis: analysis, options: options, source: "s"), nodeCount: bolton.people.count)
        #expect(whole.positions.compactMap { $0 }.count > 100)
        options.positions = whole.positions
        // The theme with the most people without a tie in it.
        let themes = try bolton.themes.indices.map { theme -> NetworkMap in
            var themed = options
            themed.selection = .theme(theme)
            return try NetworkMap(analysis: analysis, options: themed, source: "s")
        }
        let theme = themes.max { $0.omitted.count < $1.omitted.count }!
        #expect(theme.pinned && theme.engineName == "nop2")
        #expect(!theme.omitted.isEmpty)
        let placed = try LaidOutMap(theme, nodeCount: bolton.people.count)
        // Graphviz moves the drawing to the origin; the places relative to each other stay.
        let pairs = placed.positions.indices.compactMap { node in placed.positions[node].flatMap { p in whole.positions[node].map { (p, $0) } } }
        #expect(pairs.count > 50)
        let (first, firstOriginal) = pairs[0]
        for (point, original) in pairs {
            #expect(abs((point.x - first.x) - (original.x - firstOriginal.x)) < 1 && abs((point.y - first.y) - (original.y - firstOriginal.y)) < 1)
        }
        // No omitted person is drawn, and each drawn node has a tie in the theme.
        for node in theme.omitted { #expect(placed.positions[node] == nil) }
    }

    @Test func everyMapOfOneNetworkColoursAnOrganisationAlike() throws {
        let bolton = try network("bolton/survey.csv", people: "bolton/people.csv")
        let analysis = PartnershipAnalysis(network: bolton)
        func colour(of name: String, theme: ThemeSelection) throws -> String? {
            var options = MapOptions()
            options.selection = theme
            let dot = try NetworkMap(analysis: analysis, options: options, source: "s").dot
            guard let line = nodeLine(name, in: dot), let range = line.range(of: ##"fillcolor="#[0-9A-F]+""##, options: .regularExpression) else { return nil }
            return String(line[range])
        }
        let person = bolton.people.first { $0.name.contains("Bolton Council") }!.name
        let colours = try [ThemeSelection.all, .theme(0), .theme(1)].compactMap { try colour(of: person, theme: $0) }
        #expect(colours.count >= 2 && Set(colours).count == 1)
    }
}

/// What a board's map leaves out and lists instead.
@Suite struct OmittedNodesTests {
    @Test func isolatesAndSmallGroupsApartAreListedNotDrawn() throws {
        var builder = NetworkBuilder()
        for (a, b) in [("A", "B"), ("B", "C"), ("C", "D"), ("D", "A"), ("E", "F")] { builder.addTie(from: a, to: b, themeIndex: 0) }
        builder.addTie(from: "G", to: "A", themeIndex: 1)
        let built = try builder.build()
        let analysis = PartnershipAnalysis(network: built)
        var options = MapOptions()
        options.selection = .theme(0)
        options.omitIsolates = true
        let drawn = try NetworkMap(analysis: analysis, options: options, source: "s")
        let names = analysis.nodeNames
        #expect(drawn.omitted.map { names[$0] } == ["G"])
        #expect(drawn.fragments.map { $0.map { names[$0] } } == [["E", "F"]])
        #expect(Set(drawn.drawnNodes.map { names[$0] }) == ["A", "B", "C", "D"])
        #expect(drawn.dot.contains("Not drawn: 1 partner with no") && drawn.dot.contains("1 small group tied only among themselves"))
        // Without the option, everyone is drawn.
        options.omitIsolates = false
        #expect(try NetworkMap(analysis: analysis, options: options, source: "s").drawnNodes.count == names.count)
    }
}
