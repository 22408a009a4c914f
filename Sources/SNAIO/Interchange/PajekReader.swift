import Foundation
import SNACore

/// Reads a Pajek network (`.net`) into a ``ParsedGraph``: `*Vertices N`
/// with `number "label"` lines (a vertex without a line is named by its
/// number), then `*Arcs` (directed) and `*Edges` (both ways) with
/// `from to [weight]` lines, or `*Arcslist` / `*Edgeslist` with
/// `from to to ...`. A relation's name (`*Arcs :2 "work"`) becomes the
/// edges' theme. `%` starts a comment. `*Matrix` and two-mode networks are refused.
///
/// A partition beside it (`STEM.clu`) gives each vertex's organisation, named
/// by the `% NUMBER "name"` comments snatool writes (else its attribute
/// `partition`, the number); 0 means none.
enum PajekReader {
    /// Reads the `.clu` beside `file`, when there is one, into the nodes of `graph`.
    static func readPartition(besides file: String, into graph: inout ParsedGraph) throws(InputError) {
        let path = URL(fileURLWithPath: file).deletingPathExtension().path + ".clu"
        guard path != file, FileManager.default.fileExists(atPath: path) else { return }
        let bytes = try CSVReader.readBytes(path: path, kind: "a Pajek partition")
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw InputError(.badData, [Diagnostic(.error, code: "file.encoding", at: SourceLocation(file: path), "the partition is not UTF-8 text", fix: "save it as UTF-8")])
        }
        var names: [Int: String] = [:]
        var values: [(Int, Int)] = []
        var started = false
        for (offset, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.endsLine).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("%") {
                let words = tokens(String(line.dropFirst()).trimmingCharacters(in: .whitespaces))
                if words.count == 2, let number = Int(words[0]) { names[number] = words[1] }
                continue
            }
            if line.lowercased().hasPrefix("*vertices") { started = true; continue }
            guard started, !line.isEmpty else { continue }
            guard let value = Int(line) else {
                throw InputError(.badData, [Diagnostic(.error, code: "pajek.partition", at: SourceLocation(file: path, line: offset + 1),
                                                       "a partition line must be a whole number", value: line, fix: "write one cluster number per vertex")])
            }
            values.append((value, offset + 1))
        }
        guard values.count == graph.nodes.count else {
            throw InputError(.badData, [Diagnostic(.error, code: "pajek.partition", at: SourceLocation(file: path),
                                                   "the partition has \(values.count) values for \(graph.nodes.count) vertices", fix: "give one value per vertex of the .net file")])
        }
        for (index, (value, _)) in values.enumerated() where value != 0 {
            if let name = names[value] { graph.nodes[index].attributes["organisation"] = name } else { graph.nodes[index].attributes["partition"] = String(value) }
        }
    }

    /// Reads Pajek text.
    static func read(_ text: String, file: String) throws(InputError) -> ParsedGraph {
        var graph = ParsedGraph()
        var count: Int?
        var labels: [Int: (String, SourceLocation)] = [:]
        enum Section { case none, vertices, arcs(undirected: Bool, list: Bool, theme: String?) }
        var section = Section.none
        func fail(_ line: Int, _ message: String, _ value: String, _ fix: String) -> InputError {
            InputError(.badData, [Diagnostic(.error, code: "pajek.syntax", at: SourceLocation(file: file, line: line), message, value: value, fix: fix)])
        }
        var edges: [(Int, Int, String?, Bool, Double?, Int)] = []
        for (offset, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.endsLine).enumerated() {
            let line = offset + 1
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("%") { continue }
            let words = tokens(trimmed)
            if trimmed.hasPrefix("*") {
                let keyword = words[0].lowercased()
                switch keyword {
                case "*network": section = .none
                case "*vertices":
                    guard words.count >= 2, let n = Int(words[1]), n >= 0 else {
                        throw fail(line, "*Vertices must give the number of vertices", trimmed, "write e.g. '*Vertices 25'")
                    }
                    if words.count > 2 { throw fail(line, "a two-mode network (*Vertices N M) cannot be read", trimmed, "export the one-mode network") }
                    count = n
                    section = .vertices
                case "*arcs", "*edges", "*arcslist", "*edgeslist":
                    guard count != nil else { throw fail(line, "\(words[0]) comes before *Vertices", trimmed, "start the file with *Vertices N") }
                    // "*Arcs :2 "work"": relation 2, named work.
                    let theme = words.count >= 3 && words[1].hasPrefix(":") ? words[2] : nil
                    section = .arcs(undirected: keyword.hasPrefix("*edges"), list: keyword.hasSuffix("list"), theme: theme)
                case "*matrix": throw fail(line, "*Matrix networks are not read", trimmed, "save the network with *Arcs from Pajek")
                default: throw fail(line, "'\(words[0])' is not a Pajek section snatool reads", trimmed, "use *Vertices, *Arcs, *Edges, *Arcslist or *Edgeslist")
                }
                continue
            }
            switch section {
            case .none: throw fail(line, "this line is outside any section", trimmed, "start the file with *Vertices N")
            case .vertices:
                guard let number = Int(words[0]), let count, (1...max(count, 1)).contains(number), count > 0 else {
                    throw fail(line, "a vertex line must start with a number from 1 to \(count ?? 0)", trimmed, "number the vertices 1 to N as *Vertices says")
                }
                if labels[number] != nil { throw fail(line, "vertex \(number) is listed twice", trimmed, "list each vertex once") }
                labels[number] = (words.count > 1 ? words[1] : words[0], SourceLocation(file: file, line: line))
            case .arcs(let undirected, let list, let theme):
                let numbers = words.prefix(list ? words.count : 2).map { Int($0) }
                guard numbers.count >= 2, numbers.allSatisfy({ $0 != nil && (1...(count ?? 0)).contains($0!) }) else {
                    throw fail(line, "an arc must join two vertex numbers from 1 to \(count ?? 0)", trimmed, "check the numbers against *Vertices")
                }
                var weight: Double?
                if !list, words.count > 2 {
                    guard let value = Double(words[2]), value.isFinite else { throw fail(line, "the arc's weight is not a number", words[2], "write the weight as a number") }
                    weight = value
                }
                for target in numbers.dropFirst() { edges.append((numbers[0]!, target!, theme, undirected, weight, line)) }
            }
        }
        guard let count else {
            throw InputError(.badData, [Diagnostic(.error, code: "pajek.syntax", at: SourceLocation(file: file), "the file has no *Vertices line", fix: "start the file with *Vertices N")])
        }
        for number in 0..<count {
            let (label, location) = labels[number + 1] ?? (String(number + 1), SourceLocation(file: file))
            graph.addNode(String(number + 1), attributes: ["label": label], at: location)
        }
        for (source, target, theme, undirected, weight, line) in edges {
            var attributes: [String: String] = [:]
            if let theme { attributes["theme"] = theme }
            if let weight { attributes["weight"] = String(weight) }
            graph.edges.append(ParsedGraph.Edge(source: String(source), target: String(target), attributes: attributes,
                                                location: SourceLocation(file: file, line: line), undirected: undirected))
        }
        return graph
    }

    /// A line's words: runs without spaces, or text in double quotes.
    static func tokens(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var inWord = false
        for character in line {
            if character == "\"" {
                if quoted { words.append(current); current = ""; inWord = false }
                quoted.toggle()
            } else if !quoted && (character == " " || character == "\t") {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord || quoted { words.append(current) }
        return words
    }
}
