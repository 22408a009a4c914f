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
    func start(_ name: Substring, _ attributes: [String: String]) {}
    /// Called at the end of each element.
    func end(_ name: Substring) {}
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
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil {
            throw WorkbookProblem.corrupt(file, "the part \(part) declares a DTD, which no workbook part has")
        }
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
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

    private func localName(_ name: String) -> Substring {
        guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return name[...] }
        return name[name.index(after: colon)...]
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
