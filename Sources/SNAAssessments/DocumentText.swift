import Foundation
import SNACore

/// Escaping and page scaffolding for snatool's HTML documents.
public enum HTMLText {
    /// Text escaped for HTML: `&`, `<`, `>`, `"` and `'`; a line break
    /// (CRLF, CR or LF) becomes LF, other control characters (which XML
    /// forbids) become spaces, and the other characters XML forbids (U+FFFE,
    /// U+FFFF) become U+FFFD.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "\r\n" || character == "\r" {
                out += "\n"
                continue
            }
            if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }) {
                out += " "
                continue
            }
            if character.unicodeScalars.contains(where: { !XMLCharacters.isAllowed($0) }) {
                out += "\u{FFFD}"
                continue
            }
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A whole HTML document with inline style.
    public static func page(title: String, style: String, body: String) -> String {
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>\(escape(title))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n\(body)</body>\n</html>\n"
    }
}

/// Escaping for snatool's Markdown documents.
public enum MarkdownText {
    /// Text for a Markdown table cell or line, shown as written: `<`, `>`, `&`
    /// as entities so that it is never read as HTML, and the characters that
    /// make links, images, emphasis, headings, code or table breaks (`[ ] ! * _ # ~ ` \\ |`)
    /// escaped with a backslash.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "!", "|", "#", "~": out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return out
    }

    /// ``escape(_:)`` on one line: line breaks become spaces, so a value cannot
    /// end a table row or start a heading.
    public static func line(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
