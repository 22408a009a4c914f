/// A plain-text table for terminals: columns padded to their widest cell,
/// numbers right-aligned.
public struct TextTable: Sendable {
    /// How a column is aligned.
    public enum Alignment: Sendable { case left, right }

    private let header: [String]
    private let alignments: [Alignment]
    private var rows: [[String]] = []

    /// Creates a table with a header; `alignments` defaults to left for the
    /// first column and right for the rest.
    public init(header: [String], alignments: [Alignment]? = nil) {
        self.header = header
        self.alignments = alignments ?? header.indices.map { $0 == 0 ? .left : .right }
    }

    /// Adds a row; missing cells are blank.
    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The table as lines of text, with a rule under the header.
    public func rendered(indent: String = "") -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in
            all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            let padded = header.indices.map { column -> String in
                let cell = column < cells.count ? cells[column] : ""
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return alignments[column] == .left ? cell + padding : padding + cell
            }
            var text = indent + padded.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        var lines = [line(header), indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += rows.map(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
