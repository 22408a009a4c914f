/// The characters XML 1.0 allows in a document (§2.2): tab, line feed,
/// carriage return, and U+0020 onwards except the surrogates, U+FFFE and
/// U+FFFF. Every XML output (the report's XHTML, the maps' SVG) replaces the
/// others, so a name such as "a\u{FFFF}b" cannot make it ill-formed.
public enum XMLCharacters {
    /// Whether XML allows `scalar` in a document.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}

extension XMLCharacters {
    /// `text` as XML character data or an attribute value: `&`, `<`, `>`,
    /// `"` and `'` as entities, line breaks and tabs as character references
    /// (so an attribute keeps them), and characters XML forbids as U+FFFD.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return out
    }
}
