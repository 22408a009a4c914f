import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SNAMaps

@Suite struct GraphvizSmokeTests {
    @Test func rendersThreeNodeGraphToSVGInProcess() throws {
        let dot = #"digraph g { start=1; "Council" -> "Police"; "Police" -> "Fire & Rescue"; "Fire & Rescue" -> "Council" }"#
        let data = try Graphviz.shared.render(dot: dot, engine: .dot, format: .svg)
        let svg = try #require(String(data: data, encoding: .utf8))
        #expect(svg.contains("<svg"))
        #expect(svg.contains("</svg>"))
        // Each node appears as a titled group, the ampersand escaped by Graphviz.
        #expect(svg.contains("<title>Council</title>"))
        #expect(svg.contains("<title>Police</title>"))
        #expect(svg.contains("<title>Fire &amp; Rescue</title>"))
        // The SVG is well-formed XML.
        _ = try XMLDocument(data: data)
    }

    @Test func unknownFormatListsValidOnes() {
        #expect {
            try Graphviz.shared.render(dot: "digraph { a -> b }", engineName: "dot", formatName: "nonsense")
        } throws: { error in
            guard case GraphvizError.render(let format, let message) = error else { return false }
            return format == "nonsense" && message.contains("svg")
        }
    }

    @Test func unknownEngineIsATypedError() {
        #expect {
            try Graphviz.shared.render(dot: "digraph { a -> b }", engineName: "nonsense", formatName: "svg")
        } throws: { error in
            guard case GraphvizError.layout(let engine, let message) = error else { return false }
            return engine == "nonsense" && message.contains("dot")
        }
    }

    @Test func syntaxErrorIsATypedError() {
        #expect(throws: GraphvizError.self) {
            try Graphviz.shared.render(dot: "digraph { a -> ", engine: .dot, format: .svg)
        }
    }

    @Test func concurrentRendersAreSerialisedSafely() async throws {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<8 {
                group.addTask {
                    try Graphviz.shared.render(dot: "digraph { n\(i) -> m\(i) }", engine: .neato, format: .svg).count
                }
            }
            for try await size in group { #expect(size > 100) }
        }
    }
}
