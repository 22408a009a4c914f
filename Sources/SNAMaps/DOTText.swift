import SNACore

/// Escaping for the DOT language, so that any name renders as written and can
/// never change the graph.
///
/// - Names are never node IDs: Graphviz keeps `\\` in a quoted ID as two
///   characters and reads `\"` as a quote, so no escaping of an ID gives back
///   every name exactly, and a name such as `a\"b` could end the ID early.
///   Maps use generated IDs (`n0`, `n1` ...) and put names in labels and
///   tooltips, whose escapes Graphviz undoes.
/// - Plain attributes (``quoted(_:)``) escape `\` and `"`.
/// - Labels are quoted strings that Graphviz also scans for HTML entities and
///   backslash escapes (`\N`, `\G`, `\l`): `&` becomes `&amp;` so "AT&T" and
///   "&amp;" both render as typed, and backslashes are doubled.
/// - Tooltips are expanded once more after reading, so backslashes are
///   written four times (found by rendering: two show one in a label but
///   expand in a tooltip).
/// - HTML-like labels (the legend) escape `&`, `<`, `>` and `"` as entities.
///
/// Line breaks and control characters in names become spaces everywhere;
/// other characters XML forbids (U+FFFE, U+FFFF) become U+FFFD, so the SVG
/// stays well-formed.
public enum DOTText {
    /// A quoted DOT string for an attribute value.
    public static func quoted(_ text: String) -> String {
        "\"" + escape(text) { $0 == "\\" ? "\\\\" : $0 == "\"" ? "\\\"" : nil } + "\""
    }

    /// A quoted label showing `text` exactly; `lines` joins parts with line breaks.
    public static func label(_ lines: [String]) -> String {
        "\"" + lines.map { line in escape(line) { $0 == "\\" ? "\\\\" : $0 == "\"" ? "\\\"" : $0 == "&" ? "&amp;" : nil } }
            .joined(separator: "\\n") + "\""
    }

    /// A label of one line.
    public static func label(_ text: String) -> String { label([text]) }

    /// A tooltip showing `text` exactly.
    public static func tooltip(_ text: String) -> String {
        "\"" + escape(text) { $0 == "\\" ? "\\\\\\\\" : $0 == "\"" ? "\\\"" : $0 == "&" ? "&amp;" : nil } + "\""
    }

    /// Text for inside an HTML-like label.
    public static func html(_ text: String) -> String {
        escape(text) { scalar in
            switch scalar {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"": return "&quot;"
            // Graphviz expands \G, \N, \E in HTML-like labels too, after decoding
            // entities; a doubled backslash is what shows one.
            case "\\": return "\\\\"
            default: return nil
            }
        }
    }

    /// `text` cut to at most `limit` characters, the last an ellipsis when cut:
    /// what a map draws of a long name.
    public static func shortened(_ text: String, to limit: Int) -> String {
        guard limit > 0 else { return "" }
        var end = text.startIndex
        var count = 0
        while end < text.endIndex {
            if count == limit { return String(text[..<text.index(before: end)]) + "\u{2026}" }
            end = text.index(after: end)
            count += 1
        }
        return text
    }

    /// `text` with each scalar replaced as `replacement` says (`nil`: kept),
    /// and line breaks and control characters turned into spaces.
    private static func escape(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) {
                out += replaced
            } else if scalar.properties.generalCategory == .control {
                out += " "
            } else if !XMLCharacters.isAllowed(scalar) {
                out += "\u{FFFD}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
