import Foundation
import SNACore

/// Tells a network file of another tool from a survey by its content (never
/// its name), and reads it as a survey: docs/interchange.md.
public enum InterchangeReader {
    /// The format of `bytes` when they are a network file snatool reads:
    /// XML whose root is `graphml` or `gexf`; JSON with `nodes`; a first
    /// line (after `%` comments) starting `*Vertices` or `*Network`
    /// (Pajek); a first word `DL` (UCINET); a CSV headed as Gephi's edges
    /// table (``GephiCSVReader/isEdgesTable(_:)``). `nil` for anything else (a survey).
    public static func detect(_ bytes: Data) -> InterchangeFormat? {
        var start = bytes.startIndex
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        while start < bytes.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.endIndex else { return nil }
        let head = String(decoding: bytes[start..<min(bytes.endIndex, start + 4096)], as: UTF8.self)
        switch bytes[start] {
        case UInt8(ascii: "<"):
            if head.range(of: "<graphml", options: .caseInsensitive) != nil { return .graphml }
            if head.range(of: "<gexf", options: .caseInsensitive) != nil { return .gexf }
            return nil
        case UInt8(ascii: "{"):
            return head.contains("\"nodes\"") || String(decoding: bytes, as: UTF8.self).contains("\"nodes\"") ? .json : nil
        default: break
        }
        let lines = head.split(whereSeparator: \.endsLine).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = lines.first(where: { !$0.isEmpty && !$0.hasPrefix("%") }) else { return nil }
        let lower = first.lowercased()
        if lower.hasPrefix("*vertices") || lower.hasPrefix("*network") { return .pajek }
        if lower == "dl" || lower.hasPrefix("dl ") || lower.hasPrefix("dl\t") || lower.hasPrefix("dl,") { return .dl }
        if GephiCSVReader.isEdgesTable(Array(lines.drop { $0 != first }.prefix(2))) { return .gephiCSV }
        return nil
    }

    /// Whether `bytes` are an XML document (a survey never is), for an error
    /// that says so instead of a CSV error.
    static func isOtherXML(_ bytes: Data) -> Bool {
        var start = bytes.startIndex
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        while start < bytes.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        return start < bytes.endIndex && bytes[start] == UInt8(ascii: "<")
    }

    /// Reads a network file of `format` as a survey, with the people and alias files of `options`.
    static func load(_ bytes: Data, format: InterchangeFormat, path: String, options: SurveyImportOptions,
                     people: CSVTable?, aliases: CSVTable?) throws(InputError) -> ImportedSurvey {
        func text() throws(InputError) -> String {
            guard let text = String(data: bytes, encoding: .utf8) else {
                throw InputError(.badData, [Diagnostic(.error, code: "file.encoding", at: SourceLocation(file: path),
                                                       "the \(format.title) file is not UTF-8 text", fix: "save it as UTF-8")])
            }
            return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        }
        let graph: ParsedGraph
        switch format {
        case .graphml: graph = try GraphMLReader.read(bytes, file: path)
        case .gexf: graph = try GEXFReader.read(bytes, file: path)
        case .json: graph = try NodeLinkJSONReader.read(bytes, file: path)
        case .pajek:
            var network = try PajekReader.read(try text(), file: path)
            try PajekReader.readPartition(besides: path, into: &network)
            graph = network
        case .dl: graph = try UCINETDLReader.read(try text(), file: path)
        case .gephiCSV: graph = try GephiCSVReader.read(bytes, file: path)
        case .kumu, .neo4j:
            throw InputError(.usage, [Diagnostic(.error, code: "file.write-only", at: SourceLocation(file: path),
                                                 "snatool writes \(format.title) but does not read it", fix: "export GraphML or Gephi CSV for snatool to read")])
        }
        let network = try graph.network(file: path, options: options, people: people, aliases: aliases)
        return ImportedSurvey(network: network, file: path, layout: .long, rows: graph.edges.count, reading: SurveyReading(), format: format)
    }
}
