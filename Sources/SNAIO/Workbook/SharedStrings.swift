import Foundation
import SNACore

/// The workbook's shared strings (`xl/sharedStrings.xml`), which text cells
/// (`t="s"`) index from 0. A rich-text string's runs (`<r><t>`) are joined;
/// phonetic guides (`<rPh>`) are left out.
struct SharedStrings {
    /// The strings in order, escapes undone and line ends made `\n`.
    private(set) var strings: [String] = []

    /// No shared strings.
    init() {}

    /// Reads the shared strings part.
    init(_ data: Data, part: String, file: String) throws(InputError) {
        let handler = StringItemsHandler()
        try handler.parse(data, part: part, file: file)
        strings = handler.strings
    }

    /// The string at `index`; nil when the index is outside the table.
    subscript(_ index: Int) -> String? {
        index >= 0 && index < strings.count ? strings[index] : nil
    }
}

/// Collects the text of `<t>` elements, honouring `xml:space`: without
/// `preserve`, leading and trailing white space is dropped as Excel does.
/// Text inside `<rPh>` (phonetic runs) is skipped. Used for shared strings
/// (each `<si>`) and, in sheets, for inline strings (each `<is>`).
struct StringItemText {
    private var current = ""
    private var run = ""
    private var inText = false
    private var preserve = false
    private var phoneticDepth = 0

    /// Call at each element start.
    mutating func start(_ name: String, space: String?) {
        switch name {
        case "t" where phoneticDepth == 0:
            inText = true
            preserve = space == "preserve"
            run = ""
        case "rPh": phoneticDepth += 1
        default: break
        }
    }

    /// Call at each element end.
    mutating func end(_ name: String) {
        switch name {
        case "t" where inText:
            inText = false
            current += preserve ? run : XMLText.trimmed(run)
        case "rPh": phoneticDepth = max(0, phoneticDepth - 1)
        default: break
        }
    }

    /// Call with each piece of text.
    mutating func text(_ text: String) {
        if inText { run += text }
    }

    /// The item's text so far, made ready for a cell, and a fresh start.
    mutating func take() -> String {
        defer { current = ""; run = ""; inText = false; phoneticDepth = 0 }
        return CellText.unescaped(current)
    }
}

/// The SAX handler for `xl/sharedStrings.xml`.
private final class StringItemsHandler: WorkbookXMLHandler {
    var strings: [String] = []
    private var item = StringItemText()

    override func start(_ name: String, _ attributes: [String: String]) {
        if name == "si" { _ = item.take() }
        item.start(name, space: attributes["xml:space"])
    }

    override func end(_ name: String) {
        item.end(name)
        if name == "si" { strings.append(item.take()) }
    }

    override func text(_ text: String) { item.text(text) }
}
