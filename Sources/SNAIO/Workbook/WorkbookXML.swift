import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SNACore

/// A streaming (SAX) handler for one XML part of a workbook. Subclasses see
/// elements by their local name, with any namespace prefix dropped (`x:c` is
/// `c`), so workbooks written with prefixed element names read the same.
class WorkbookXMLHandler: NSObject, XMLParserDelegate {
    /// The first problem that stops the parse, set through ``stop(_:)``.
    private(set) var failure: InputError?
    private weak var parser: XMLParser?

    /// Called at the start of each element.
    func start(_ name: String, _ attributes: [String: String]) {}
    /// Called at the end of each element.
    func end(_ name: String) {}
    /// Called with text inside elements (entities and character references already replaced).
    func text(_ text: String) {}

    /// Stops the parse with an error.
    final func stop(_ error: InputError) {
        guard failure == nil else { return }
        failure = error
        parser?.abortParsing()
    }

    /// Parses `data` as XML, calling the handler's methods as it goes.
    ///
    /// - Throws: the error given to ``stop(_:)``, or `workbook.corrupt` when
    ///   the part is not well-formed XML or declares a DTD (no workbook part
    ///   has one; refusing them rules out entity-expansion bombs).
    final func parse(_ data: Data, part: String, file: String) throws(InputError) {
        if XMLText.declaresDTD(data) {
            throw WorkbookProblem.corrupt(file, "the part \(part) declares a DTD, which no workbook part has")
        }
        let parser = XMLText.parser(data, delegate: self)
        self.parser = parser
        let parsed = parser.parse()
        if let failure { throw failure }
        if !parsed {
            throw WorkbookProblem.corrupt(file, "the part \(part) is not well-formed XML (line \(parser.lineNumber), column \(parser.columnNumber))")
        }
    }

    /// An attribute by its local name: `id` finds `r:id` too.
    final func attribute(_ attributes: [String: String], _ name: String) -> String? {
        if let value = attributes[name] { return value }
        return attributes.first { key, _ in key.hasSuffix(name) && key.dropLast(name.count).last == ":" }?.value
    }

    private func localName(_ name: String) -> String {
        guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return name }
        return String(name[name.index(after: colon)...])
    }

    final func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                      qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        start(localName(elementName), attributeDict)
    }

    final func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        end(localName(elementName))
    }

    final func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }

    final func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { text(String(decoding: CDATABlock, as: UTF8.self)) }
}

/// Small text helpers for XML parts, over UTF-8 bytes (Foundation's
/// `trimmingCharacters` and `range(of:)` cost more than the parse itself here).
enum XMLText {
    /// A parser of `data` for `delegate` that never resolves external
    /// entities and reports element names as written (prefixes kept).
    static func parser(_ data: Data, delegate: XMLParserDelegate) -> XMLParser {
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        return parser
    }

    /// The text without XML white space (space, tab, line feed, carriage return) at either end.
    static func trimmed(_ text: String) -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return text }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }), let end = utf8.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[start...end])
    }

    /// Whether the document's prolog (what comes before the root element:
    /// the XML declaration, comments, processing instructions) holds a
    /// `<!DOCTYPE`, the only place a DTD can be. Only the prolog is read.
    static func declaresDTD(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            func matches(_ text: String, at index: Int) -> Bool {
                let pattern = text.utf8
                return index + pattern.count <= bytes.count && zip(bytes[index...], pattern).allSatisfy { $0 == $1 }
            }
            func skip(past end: String, from index: Int) -> Int {
                var index = index
                while index < bytes.count && !matches(end, at: index) { index += 1 }
                return index + end.utf8.count
            }
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
                if matches("<!DOCTYPE", at: index) { return true }
                if matches("<!--", at: index) { index = skip(past: "-->", from: index + 4); continue }
                if matches("<?", at: index) { index = skip(past: "?>", from: index + 2); continue }
                return false
            }
            return false
        }
    }
}
