import Foundation
import SNACore

/// Reads UCINET DL (one-mode) into a ``ParsedGraph``, as the DL
/// specification (UCINET 6 help, "DL") describes it:
///
/// - a header `DL N=n [NM=m]` (`=` optional, keywords in any case,
///   separated by spaces or commas), `FORMAT = FULLMATRIX` (the default) or
///   `EDGELIST1`, `DIAGONAL PRESENT|ABSENT`, `LABELS EMBEDDED`;
/// - `LABELS:` (or `ROW LABELS:`) and `MATRIX LABELS:` sections, labels
///   separated by commas or line breaks, in double quotes when they hold spaces;
/// - `DATA:` then, for a full matrix, m matrices of n rows of n numbers
///   (n - 1 with the diagonal absent); for an edge list, `from to [value]`
///   lines, labels or numbers from 1, matrices separated by a `!` line.
///
/// Each matrix is a theme named by its matrix label; a non-zero cell `i, j`
/// is a tie from row `i` to column `j` whose value is its strength.
enum UCINETDLReader {
    private struct Token {
        var text: String
        var line: Int
        var quoted: Bool
    }

    /// Reads DL text.
    static func read(_ text: String, file: String) throws(InputError) -> ParsedGraph {
        func fail(_ line: Int?, _ message: String, _ value: String? = nil, _ fix: String) -> InputError {
            InputError(.badData, [Diagnostic(.error, code: "dl.syntax", at: SourceLocation(file: file, line: line), message, value: value, fix: fix)])
        }
        let tokens = tokenise(text)
        var position = 0
        guard tokens.first?.text.lowercased() == "dl" else { throw fail(1, "a DL file starts with 'DL'", nil, "start the file with e.g. 'DL N=5'") }
        position = 1
        var n: Int?, matrices = 1, format = "fullmatrix", diagonal = true, embedded = false
        var labels: [Token] = [], matrixLabels: [Token] = []
        // Header: key = value pairs and keyword phrases, until DATA:.
        func value(after index: inout Int) -> Token? {
            if index < tokens.count, tokens[index].text == "=" { index += 1 }
            guard index < tokens.count else { return nil }
            defer { index += 1 }
            return tokens[index]
        }
        func readLabels(into list: inout [Token]) {
            while position < tokens.count, !isSection(tokens, position) || tokens[position].quoted {
                if tokens[position].text != "," || tokens[position].quoted { list.append(tokens[position]) }
                position += 1
            }
        }
        headerLoop: while position < tokens.count {
            let token = tokens[position]
            let word = token.text.lowercased()
            position += 1
            switch word {
            case "n", "nr", "nc":
                guard let v = value(after: &position), let number = Int(v.text), number >= 0 else {
                    throw fail(token.line, "\(word.uppercased())= must be a number of nodes", nil, "write e.g. N=25")
                }
                if word != "n" {
                    if n != nil && n != number { throw fail(token.line, "NR and NC differ: a two-mode (rectangular) DL file cannot be read", nil, "give a one-mode network (N=)") }
                }
                n = number
            case "nm":
                guard let v = value(after: &position), let number = Int(v.text), number >= 1 else {
                    throw fail(token.line, "NM= must be the number of matrices (1 or more)", nil, "write e.g. NM=2")
                }
                matrices = number
            case "format":
                guard let v = value(after: &position) else { throw fail(token.line, "FORMAT= has no value", nil, "write FORMAT = FULLMATRIX") }
                format = v.text.lowercased()
                guard ["fullmatrix", "edgelist1"].contains(format) else {
                    throw fail(v.line, "the DL format '\(v.text)' is not read", v.text, "export as FULLMATRIX or EDGELIST1")
                }
            case "diagonal":
                guard let v = value(after: &position) else { throw fail(token.line, "DIAGONAL has no value", nil, "write DIAGONAL PRESENT or DIAGONAL ABSENT") }
                diagonal = v.text.lowercased() != "absent"
            case "labels", "row", "column", "matrix":
                var isMatrix = word == "matrix"
                if word != "labels" {
                    guard position < tokens.count, tokens[position].text.lowercased().hasPrefix("labels") else {
                        throw fail(token.line, "'\(token.text)' must be followed by LABELS", nil, "write ROW LABELS:, COLUMN LABELS: or MATRIX LABELS:")
                    }
                    position += 1
                }
                if position < tokens.count, tokens[position].text.lowercased() == "embedded" {
                    embedded = true
                    position += 1
                    continue headerLoop
                }
                if position < tokens.count, tokens[position].text == ":" { position += 1 }
                if word == "column" {
                    var ignored: [Token] = []
                    readLabels(into: &ignored)
                    isMatrix = false
                    continue headerLoop
                }
                if isMatrix { readLabels(into: &matrixLabels) } else { readLabels(into: &labels) }
            case "embedded": embedded = true
            case "data":
                if position < tokens.count, tokens[position].text == ":" { position += 1 }
                break headerLoop
            case ":", ",": continue
            default:
                throw fail(token.line, "'\(token.text)' is not a DL keyword snatool reads", token.text,
                           "use N=, NM=, FORMAT=, DIAGONAL, LABELS:, MATRIX LABELS: and DATA:")
            }
        }
        guard let n else { throw fail(1, "the DL header does not give N=", nil, "write e.g. 'DL N=25'") }
        guard n <= 100_000 else { throw fail(1, "N=\(n) is more nodes than a full matrix should hold", String(n), "export a network this large as an edge list") }
        if !labels.isEmpty, labels.count != n {
            throw fail(labels.first?.line, "the file gives \(labels.count) labels for N=\(n) nodes", nil, "give one label per node")
        }
        if !matrixLabels.isEmpty, matrixLabels.count != matrices {
            throw fail(matrixLabels.first?.line, "the file gives \(matrixLabels.count) matrix labels for NM=\(matrices) matrices", nil, "give one label per matrix")
        }
        var data = Array(tokens[position...])
        var graph = ParsedGraph()
        var names = labels.map(\.text)
        if names.isEmpty { names = (1...max(n, 1)).prefix(n).map(String.init) }
        let themes: [String?] = matrices == 1 && matrixLabels.isEmpty ? [nil] : (0..<matrices).map { matrixLabels.indices.contains($0) ? matrixLabels[$0].text : "matrix \($0 + 1)" }
        var edges: [ParsedGraph.Edge] = []
        func number(_ token: Token) throws(InputError) -> Double {
            guard let value = Double(token.text), value.isFinite else { throw fail(token.line, "a matrix cell is not a number", token.text, "write each cell as a number (0 for no tie)") }
            return value
        }
        if format == "fullmatrix" {
            data.removeAll { $0.text == "," }
            var index = 0
            if embedded {
                // The first row of each matrix holds the column labels; each row starts with its label.
                var embeddedNames: [String] = []
                for matrix in 0..<matrices {
                    guard data.count >= index + n else { throw fail(data.last?.line, "the data end before matrix \(matrix + 1)'s column labels", nil, "give N column labels") }
                    if matrix == 0 { embeddedNames = data[index..<index + n].map(\.text) }
                    index += n
                    for row in 0..<n {
                        guard index < data.count else { throw fail(data.last?.line, "the data end in matrix \(matrix + 1), row \(row + 1)", nil, "give N rows of N cells") }
                        index += 1
                        for column in 0..<n where diagonal || column != row {
                            guard index < data.count else { throw fail(data.last?.line, "the data end in matrix \(matrix + 1), row \(row + 1)", nil, "give N rows of N cells") }
                            let cell = try number(data[index])
                            if cell != 0 { edges.append(edge(row, column, cell, themes[matrix], data[index].line, file)) }
                            index += 1
                        }
                    }
                }
                names = embeddedNames
            } else {
                let perRow = diagonal ? n : n - 1
                let expected = matrices * n * perRow
                guard data.count == expected else {
                    throw fail(data.last?.line ?? 1, "the data hold \(data.count) cells, but NM=\(matrices) matrices of \(n) rows of \(perRow) need \(expected)", nil,
                               "give each matrix N rows of N numbers (N - 1 with DIAGONAL ABSENT)")
                }
                for matrix in 0..<matrices {
                    for row in 0..<n {
                        for column in 0..<n where diagonal || column != row {
                            let cell = try number(data[index])
                            if cell != 0 { edges.append(edge(row, column, cell, themes[matrix], data[index].line, file)) }
                            index += 1
                        }
                    }
                }
            }
        } else {
            // EDGELIST1: from to [value] per line; '!' ends a matrix.
            var matrix = 0
            let byLine = Dictionary(grouping: data.filter { $0.text != "," }, by: \.line).sorted { $0.key < $1.key }
            let index = Dictionary(names.enumerated().map { (NameKey.key($1), $0) }, uniquingKeysWith: { a, _ in a })
            func node(_ token: Token) throws(InputError) -> Int {
                if let position = index[NameKey.key(token.text)], embedded || !labels.isEmpty { return position }
                if let number = Int(token.text), (1...max(n, 1)).contains(number), n > 0 { return number - 1 }
                throw fail(token.line, "'\(token.text)' is not one of the \(n) nodes", token.text, "use a label or a number from 1 to N")
            }
            for (line, words) in byLine {
                if words.count == 1, words[0].text == "!" { matrix += 1; continue }
                guard matrix < matrices else { throw fail(line, "the data have more matrices than NM=\(matrices)", nil, "raise NM or remove the extra '!'") }
                guard words.count == 2 || words.count == 3 else { throw fail(line, "an edge-list line holds from, to and an optional value", nil, "write e.g. 'anna ben 2'") }
                let value = words.count == 3 ? try number(words[2]) : 1
                if value != 0 { edges.append(edge(try node(words[0]), try node(words[1]), value, themes[matrix], line, file)) }
            }
        }
        for (index, name) in names.enumerated() {
            graph.addNode(String(index + 1), attributes: ["label": name], at: SourceLocation(file: file, line: labels.indices.contains(index) ? labels[index].line : nil))
        }
        graph.edges = edges
        return graph
    }

    private static func edge(_ row: Int, _ column: Int, _ value: Double, _ theme: String?, _ line: Int, _ file: String) -> ParsedGraph.Edge {
        var attributes = ["strength": String(value)]
        if let theme { attributes["theme"] = theme }
        return ParsedGraph.Edge(source: String(row + 1), target: String(column + 1), attributes: attributes, location: SourceLocation(file: file, line: line))
    }

    private static func isSection(_ tokens: [Token], _ index: Int) -> Bool {
        let word = tokens[index].text.lowercased()
        if ["data", "labels", "format", "nm", "n", "diagonal"].contains(word) {
            return index + 1 < tokens.count && [":", "="].contains(tokens[index + 1].text) || word == "labels"
        }
        if ["row", "column", "matrix"].contains(word) { return index + 1 < tokens.count && tokens[index + 1].text.lowercased().hasPrefix("labels") }
        return false
    }

    /// Words, quoted strings, and `=`, `:` and `,` as tokens of their own, with their lines.
    private static func tokenise(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var line = 1
        var current = ""
        var quoted = false
        func flush() {
            if !current.isEmpty { tokens.append(Token(text: current, line: line, quoted: false)) }
            current = ""
        }
        for character in text {
            if quoted {
                if character == "\"" { tokens.append(Token(text: current, line: line, quoted: true)); current = ""; quoted = false } else { current.append(character) }
                if character.endsLine { line += 1 }
                continue
            }
            switch character {
            case "\"": flush(); quoted = true
            case "=", ":", ",": flush(); tokens.append(Token(text: String(character), line: line, quoted: false))
            case _ where character.endsLine: flush(); line += 1
            case _ where character.isWhitespace: flush()
            default: current.append(character)
            }
        }
        flush()
        return tokens
    }
}
