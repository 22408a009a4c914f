/// Writes CSV text (RFC 4180) that spreadsheets open safely.
///
/// Fields with commas, quotes or line breaks are quoted, quotes doubled; a
/// text cell that begins with `=`, `+`, `-`, `@`, tab or carriage return is
/// prefixed with `'` so that a spreadsheet shows it instead of running it as a
/// formula. Numbers are written as they are.
public struct CSVWriter: Sendable {
    /// A cell: text (escaped against formula injection) or a number.
    public enum Cell: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        /// Text, quoted as needed and protected against formulas.
        case text(String)
        /// A number, written in full precision; empty when `nil`.
        case number(Double?)
        /// An integer.
        case integer(Int)

        /// A text cell from a literal.
        public init(stringLiteral value: String) { self = .text(value) }
        /// An integer cell from a literal.
        public init(integerLiteral value: Int) { self = .integer(value) }
    }

    private(set) var text = ""

    /// Starts a table with its header.
    public init(header: [String]) {
        append(header.map { .text($0) })
    }

    /// Adds a row.
    public mutating func append(_ row: [Cell]) {
        text += row.map(Self.render).joined(separator: ",") + "\r\n"
    }

    /// The table so far.
    public var output: String { text }

    static func render(_ cell: Cell) -> String {
        switch cell {
        case .integer(let value): return String(value)
        case .number(let value): return value.map(JSONValue.format) ?? ""
        case .text(var value):
            if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
                value = "'" + value
            }
            // Bytes, not Characters: "\r\n" is one Character equal to neither "\r" nor "\n".
            if value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                // Most quoted cells hold a comma and no quote: nothing to double.
                let inner = value.utf8.contains(0x22) ? value.replacing("\"", with: "\"\"") : value
                return "\"" + inner + "\""
            }
            return value
        }
    }
}
