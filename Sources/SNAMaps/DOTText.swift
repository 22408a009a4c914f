/// Escaping for the DOT language, so that any name renders as written and can
/// never change the graph.
///
/// - IDs (``id(_:)``) are double-quoted strings in which DOT knows one escape,
///   `\"`; a backslash is kept as it is. A quoted ID cannot end in a
///   backslash (it would escape the closing quote), so a name that ends in one
///   gets a space after it in its ID (and SVG title) only; labels show it exactly. `&` becomes `&amp;`, because Graphviz writes IDs into SVG titles
///   leaving anything that looks like an entity alone.
/// - Plain attributes (``quoted(_:)``) escape `\` and `"`.
/// - Labels are quoted strings that Graphviz also scans for HTML entities and
///   backslash escapes (`\N`, `\G`, `\l`): `&` becomes `&amp;` so "AT&T" and
///   "&amp;" both render as typed, and backslashes are doubled.
/// - HTML-like labels (the legend) escape `&`, `<`, `>` and `"` as entities.
public enum DOTText {
    /// A quoted DOT string for an attribute value.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n", "\r": out += "\\n"
            default:
                if scalar.properties.generalCategory == .control { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// A quoted label showing `text` exactly; `lines` joins parts with line breaks.
    public static func label(_ lines: [String]) -> String {
        "\"" + lines.map { line in
            var out = ""
            for scalar in line.unicodeScalars {
                switch scalar {
                case "\\": out += "\\\\"
                case "\"": out += "\\\""
                case "&": out += "&amp;"
                case "\n", "\r": out += " "
                default:
                    if scalar.properties.generalCategory == .control { out += " " } else { out.unicodeScalars.append(scalar) }
                }
            }
            return out
        }.joined(separator: "\\n") + "\""
    }

    /// A tooltip showing `text` exactly. Graphviz expands `\N`, `\G` and the like
    /// in tooltips after reading the string, so each backslash is written four
    /// times (found by rendering: two show one in a label but expand in a tooltip).
    public static func tooltip(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\\\\\"
            case "\"": out += "\\\""
            case "&": out += "&amp;"
            case "\n", "\r": out += " "
            default:
                if scalar.properties.generalCategory == .control { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// A label of one line.
    public static func label(_ text: String) -> String { label([text]) }

    /// Text for inside an HTML-like label.
    public static func html(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if scalar.properties.generalCategory == .control { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
