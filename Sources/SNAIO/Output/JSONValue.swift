import Foundation

/// A JSON document with keys kept in the order they were written, so that
/// output is stable and readable (`network` before `themes`), and `null`
/// written explicitly.
public indirect enum JSONValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByNilLiteral
{
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// A finite double (non-finite values are written as `null`).
    case double(Double)
    /// A string, escaped on output.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object whose keys keep the order given.
    case object([(String, JSONValue)])

    /// A string from a literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer from a literal.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A double from a literal.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A boolean from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An array from a literal.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// `null` from `nil`.
    public init(nilLiteral: ()) { self = .null }

    /// A number, or `null` when absent or not finite.
    public static func number(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .double(value)
    }

    /// A string, or `null` when absent.
    public static func string(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }

    /// Equal values; objects must have the same keys in the same order.
    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)): return x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        default: return false
        }
    }

    /// The document as indented text, ending with a newline.
    public func rendered() -> String {
        var out = ""
        write(to: &out, indent: 0)
        out.append("\n")
        return out
    }

    /// Appends the value as indented text, as nested `indent` levels deep.
    ///
    /// The text is made as UTF-8 bytes and added to `out` in one piece: one
    /// append per value rather than one per brace, key and number, which made
    /// writing a network of 100,000 people (400 MB of JSON) mostly the cost of
    /// growing strings.
    ///
    /// - Complexity: O(size of the text).
    func write(to out: inout String, indent: Int) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        write(to: &bytes, indent: indent)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Two spaces per level, for the first levels (deeper ones are made when needed).
    private static let indentation: [[UInt8]] = (0..<16).map { [UInt8](repeating: 0x20, count: 2 * $0) }

    private static func indent(_ level: Int, to out: inout [UInt8]) {
        if level < indentation.count {
            out.append(contentsOf: indentation[level])
        } else {
            out.append(contentsOf: [UInt8](repeating: 0x20, count: 2 * level))
        }
    }

    /// Appends the value's text to `out` as UTF-8, as nested `indent` levels deep.
    func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): out.append(contentsOf: String(value).utf8)
        case .double(let value): out.append(contentsOf: Self.format(value).utf8)
        case .string(let value): Self.writeString(value, to: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(contentsOf: "[\n".utf8)
            for (offset, item) in items.enumerated() {
                Self.indent(indent + 1, to: &out)
                item.write(to: &out, indent: indent + 1)
                out.append(contentsOf: (offset < items.count - 1 ? ",\n" : "\n").utf8)
            }
            Self.indent(indent, to: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(contentsOf: "{\n".utf8)
            for (offset, (key, value)) in members.enumerated() {
                Self.indent(indent + 1, to: &out)
                Self.writeString(key, to: &out)
                out.append(contentsOf: ": ".utf8)
                value.write(to: &out, indent: indent + 1)
                out.append(contentsOf: (offset < members.count - 1 ? ",\n" : "\n").utf8)
            }
            Self.indent(indent, to: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `"key": `, escaped as every key is.
    static func writeKey(_ key: String, to out: inout String) {
        writeString(key, to: &out)
        out += ": "
    }

    /// Shortest text that reads back as the same double; integers without a fraction.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// Appends `value` quoted and escaped. A string with nothing to escape
    /// (most names) is appended whole; only one that has goes scalar by scalar.
    ///
    /// - Complexity: O(length).
    private static func writeString(_ value: String, to out: inout String) {
        out += "\""
        guard needsEscaping(value) else {
            out += value
            out += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // C0, DEL and C1 controls escaped too, so that JSON is safe to print on a terminal as it is.
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// `writeString(_:to:)` into UTF-8 bytes.
    private static func writeString(_ value: String, to out: inout [UInt8]) {
        if needsEscaping(value) {
            var text = ""
            writeString(value, to: &text)
            out.append(contentsOf: text.utf8)
        } else {
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: value.utf8)
            out.append(UInt8(ascii: "\""))
        }
    }

    /// Whether `value` has a character that ``writeString(_:to:)`` escapes: a
    /// quote, a backslash, a control character (C0, DEL, C1: UTF-8 C2 80 to C2 9F),
    /// or U+2028 / U+2029 (UTF-8 E2 80 A8 / A9).
    ///
    /// - Complexity: O(length), over its UTF-8 bytes.
    static func needsEscaping(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            for index in bytes.indices {
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return true }
                if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
                if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                    return true
                }
            }
            return false
        }
    }
}
