import Foundation
import SNACore

/// Reads Gephi's spreadsheet pair into a ``ParsedGraph``: the edges table
/// (`Source,Target[,Type][,Weight],...`; `Type` Undirected counts both ways)
/// and, when found beside it, the nodes table (`Id[,Label],...`): the file
/// named `STEM.nodes.csv` (as `snatool export --format gephi-csv` writes),
/// or the edges file's name with `edges` replaced by `nodes`. Without a nodes
/// table, the nodes are the ids the edges name.
enum GephiCSVReader {
    /// Whether a CSV's first lines are a Gephi edges table: `Source` and
    /// `Target` first, capitalised as Gephi writes them, and a `Type` column
    /// whose first value (when there is a row) is `Directed`, `Undirected`
    /// or `Mixed`, so that a survey headed `Source,Target,Relation,Weight`
    /// (or with a `Type` theme column) stays a survey.
    static func isEdgesTable(_ lines: [String]) -> Bool {
        guard let first = lines.first, let table = try? CSVReader.parse(text: lines.prefix(2).joined(separator: "\n") + "\n", file: "") else { return false }
        let cells = table.header.map { $0.trimmingCharacters(in: .whitespaces) }
        guard first.hasPrefix("Source") || first.hasPrefix("\"Source"), cells.count >= 3, cells[0] == "Source", cells[1] == "Target",
              let type = cells.firstIndex(of: "Type") else { return false }
        guard let row = table.records.first, type < row.fields.count else { return true }
        return ["directed", "undirected", "mixed"].contains(row.fields[type].trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// Whether a CSV header is a Gephi nodes table (`Id,Label,...`).
    static func isNodesHeader(_ header: [String]) -> Bool {
        header.count >= 2 && header[0].trimmingCharacters(in: .whitespaces) == "Id" && header[1].trimmingCharacters(in: .whitespaces) == "Label"
    }

    /// The nodes table beside an edges table, when there is one.
    static func nodesFile(besides path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        var candidates = [url.deletingPathExtension().lastPathComponent + ".nodes.csv"]
        if name.lowercased().contains("edges") {
            candidates.append(name.replacingOccurrences(of: "edges", with: "nodes").replacingOccurrences(of: "Edges", with: "Nodes"))
        }
        let folder = url.deletingLastPathComponent()
        return candidates.map { folder.appendingPathComponent($0).path }.first { $0 != url.path && FileManager.default.fileExists(atPath: $0) }
    }

    /// Reads the edges table and its nodes table.
    static func read(_ data: Data, file: String) throws(InputError) -> ParsedGraph {
        let edges = try CSVReader.parse(data, file: file)
        var graph = ParsedGraph()
        if let nodesPath = nodesFile(besides: file) {
            let nodes = try CSVReader.read(path: nodesPath)
            guard isNodesHeader(nodes.header) || nodes.header.first?.trimmingCharacters(in: .whitespaces) == "Id" else {
                throw InputError(.badData, [Diagnostic(.error, code: "gephi.nodes-header", at: SourceLocation(file: nodesPath, line: nodes.headerLine),
                                                       "the nodes table beside the edges table does not start with an Id column",
                                                       fix: "export the nodes table from Gephi's data laboratory (Id,Label,...)")])
            }
            for record in nodes.records {
                var attributes: [String: String] = [:]
                for (column, field) in zip(nodes.header, record.fields).dropFirst() where !field.isEmpty {
                    attributes[column == "Label" ? "label" : column] = unprotected(field)
                }
                graph.addNode(unprotected(record.fields[0]), attributes: attributes, at: nodes.location(line: record.line, column: 1))
            }
        }
        let declared = !graph.nodes.isEmpty
        for record in edges.records {
            guard record.fields.count >= 2 else { continue }
            let source = unprotected(record.fields[0]), target = unprotected(record.fields[1])
            var attributes: [String: String] = [:]
            var undirected = false
            for (column, field) in zip(edges.header, record.fields).dropFirst(2) where !field.isEmpty {
                switch column {
                case "Type": undirected = field.lowercased() == "undirected"
                case "Weight": attributes["weight"] = field
                case "Id", "Label", "timeset": break
                default: attributes[column] = unprotected(field)
                }
            }
            if !declared {
                for id in [source, target] where graph.node(id) == nil { graph.addNode(id, attributes: [:], at: edges.location(line: record.line, column: 1)) }
            }
            graph.edges.append(ParsedGraph.Edge(source: source, target: target, attributes: attributes,
                                                location: edges.location(line: record.line, column: 1), undirected: undirected))
        }
        return graph
    }

    /// A cell without the `'` that ``CSVWriter`` puts before a leading `=`, `+`, `-` or `@`.
    static func unprotected(_ field: String) -> String {
        guard field.hasPrefix("'"), let next = field.dropFirst().unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(next) else { return field }
        return String(field.dropFirst())
    }
}
