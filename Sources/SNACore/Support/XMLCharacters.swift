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
