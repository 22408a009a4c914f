import Foundation
import Testing
@testable import SNAIO
import SNACore

@Suite struct OutputTests {
    @Test func csvWriterEscapesFormulasAndQuotes() {
        var writer = CSVWriter(header: ["a", "b"])
        writer.append([.text("=SUM(A1)"), .text("say \"hi\", then")])
        writer.append([.text("-2"), .number(-2.5)])
        writer.append([.text("@x"), .number(nil)])
        #expect(writer.output == "a,b\r\n'=SUM(A1),\"say \"\"hi\"\", then\"\r\n'-2,-2.5\r\n'@x,\r\n")
    }

    @Test func jsonKeepsKeyOrderAndEscapes() {
        let value: JSONValue = .object([("b", 1), ("a", .array([.null, true, 0.5, "q\"\n\u{1}"]))])
        #expect(value.rendered() == "{\n  \"b\": 1,\n  \"a\": [\n    null,\n    true,\n    0.5,\n    \"q\\\"\\n\\u0001\"\n  ]\n}\n")
        #expect(JSONValue.number(.nan) == .null)
        // DEL and the C1 controls too: the JSON is printed on a terminal as it is.
        #expect(JSONValue.string("a\u{7F}b\u{85}c\u{9F}d\u{A0}").rendered() == "\"a\\u007fb\\u0085c\\u009fd\u{A0}\"\n")
        #expect(JSONValue.number(2) .rendered() == "2\n")
    }

    @Test func atomicWriteReplacesWholeFileAndLeavesNoTemporaries() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snatool-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out/report.txt").path
        try AtomicWriter.write(Data("one".utf8), to: path)
        try AtomicWriter.write(Data("two".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path) == ["report.txt"])
        try AtomicWriter.write(files: [("a.csv", "1"), ("b.csv", "2")], into: folder.appendingPathComponent("tables").path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("tables").path).sorted() == ["a.csv", "b.csv"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["out", "tables"])
    }

    @Test func atomicWriteIntoAFileFails() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("snatool-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: OutputError.self) { try AtomicWriter.write(Data("y".utf8), to: file.appendingPathComponent("inside.txt").path) }
        #expect(try String(contentsOf: file, encoding: .utf8) == "x")
    }
}

/// The streamed JSON of `analyse` is the document `json()` builds, byte for byte.
@Suite struct StreamedJSONTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: [("bolton/survey.csv", "bolton/people.csv"), ("emon/Texas/survey.csv", "emon/Texas/organisations.csv")])
    func streamedEqualsRendered(_ files: (String, String)) throws {
        let datasets = Self.root.appendingPathComponent("datasets")
        let survey = try SurveyImporter.load(path: datasets.appendingPathComponent(files.0).path,
                                             options: .init(peoplePath: datasets.appendingPathComponent(files.1).path))
        let output = AnalysisOutput(analysis: PartnershipAnalysis(network: survey.network), survey: survey)
        var pieces: [String] = []
        try output.writeJSON { pieces.append($0) }
        let rendered = output.json().rendered()
        #expect(pieces.joined() == rendered)
        // A document over a megabyte comes in several pieces, none much over a megabyte.
        #expect(pieces.count == 1 || rendered.utf8.count > 1 << 20)
        #expect(pieces.allSatisfy { $0.utf8.count < (1 << 20) + 100_000 })
    }
}
