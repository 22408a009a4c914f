import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SNACore

/// A streaming (SAX) reader of a GraphML or GEXF file into a ``ParsedGraph``.
/// Subclasses see elements by local name (namespace prefixes dropped) and
/// know the line and column of each, for errors that name the element.
///
/// A file with a DTD (`<!DOCTYPE`) is refused before parsing: neither format
/// has one, and refusing them rules out external entities and entity-expansion
/// bombs. So is a file that is not UTF-8.
class NetworkXMLReader: NSObject, XMLParserDelegate {
    /// The file's path, for diagnostics.
    let file: String
    /// The graph read so far.
    var graph = ParsedGraph()
    private weak var parser: XMLParser?
    private var failure: Diagnostic?
    /// Text of the element being read.
    var characters = ""

    init(file: String) {
        self.file = file
    }

    /// Called at the start of each element.
    func start(_ name: String, _ attributes: [String: String]) {}
    /// Called at the end of each element, with its text.
    func end(_ name: String, text: String) {}

    /// Where the parser is now, naming `element`.
    func here(_ element: String) -> SourceLocation {
        SourceLocation(file: file, line: parser?.lineNumber, column: parser?.columnNumber, columnName: "<\(element)>")
    }

    /// Records an error and stops reading.
    func stop(_ diagnostic: Diagnostic) {
        guard failure == nil else { return }
        failure = diagnostic
        parser?.abortParsing()
    }

    /// Reads `data`; `format` names the format in errors.
    func read(_ data: Data, format: String) throws(InputError) -> ParsedGraph {
        if XMLText.declaresDTD(data) {
            throw InputError(.badData, [Diagnostic(.error, code: "xml.dtd", at: SourceLocation(file: file),
                                                   "the \(format) file declares a DTD (<!DOCTYPE>), which \(format) files do not have; it was not read, since a DTD can pull in other files or expand without bound",
                                                   fix: "remove the <!DOCTYPE ...> declaration")])
        }
        // FoundationXML stops the process on some invalid UTF-8 (in a processing instruction's target, say):
        // networkx, igraph and Gephi write UTF-8, so anything else is refused before parsing.
        if String(data: data, encoding: .utf8) == nil {
            throw InputError(.badData, [Diagnostic(.error, code: "file.encoding", at: SourceLocation(file: file),
                                                   "the \(format) file is not UTF-8 text", fix: "save it as UTF-8 XML")])
        }
        let parser = XMLText.parser(data, delegate: self)
        self.parser = parser
        let parsed = parser.parse()
        if let failure { throw InputError(.badData, graph.problems + [failure]) }
        if !parsed {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unknown"
            throw InputError(.badData, [Diagnostic(.error, code: "xml.malformed",
                                                   at: SourceLocation(file: file, line: parser.lineNumber, column: parser.columnNumber),
                                                   "the \(format) file is not well-formed XML (\(reason))",
                                                   fix: "check that the file is complete (not cut short) and was saved as UTF-8 XML")])
        }
        return graph
    }

    private func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        characters = ""
        start(localName(elementName), attributeDict)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        end(localName(elementName), text: characters)
        characters = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { characters += string }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { characters += String(decoding: CDATABlock, as: UTF8.self) }

    /// A required attribute of an element, or an error naming it.
    func required(_ attributes: [String: String], _ key: String, of element: String, format: String) -> String? {
        if let value = attributes[key] { return value }
        stop(Diagnostic(.error, code: "network.missing-attribute", at: here(element), "a <\(element)> has no \(key)",
                        fix: "give every <\(element)> its \(key), as \(format) requires"))
        return nil
    }
}
