import Foundation
import SNACore

/// Reads GEXF 1.1, 1.2 and 1.3 (as Gephi, networkx and snatool write it)
/// into a ``ParsedGraph``: declared attributes by title, with defaults; a
/// node's `label`; an edge's `weight`, `label` (kept as `edge_label`) and
/// `type` (undirected or mutual: both ways), the graph's
/// `defaultedgetype`. `viz` elements (colours, sizes, positions) are read past.
final class GEXFReader: NetworkXMLReader {
    private struct Attribute {
        var title: String
        var defaultValue: String?
    }

    private var attributeClass = "node"
    /// Edge attributes in the order declared (snatool's `theme_ID` columns give its themes' order).
    private var edgeTitles: [String] = []
    private var attributes: [String: [String: Attribute]] = ["node": [:], "edge": [:]]
    private var currentAttribute: String?
    private var undirectedByDefault = false
    private var node: (id: String, attributes: [String: String], location: SourceLocation)?
    private var edge: ParsedGraph.Edge?
    private var depth = 0

    /// Reads GEXF bytes.
    static func read(_ data: Data, file: String) throws(InputError) -> ParsedGraph {
        try GEXFReader(file: file).read(data, format: "GEXF")
    }

    override func start(_ name: String, _ values: [String: String]) {
        switch name {
        case "graph": undirectedByDefault = values["defaultedgetype"] == "undirected"
        case "attributes": attributeClass = values["class"] ?? "node"
        case "attribute":
            guard let id = required(values, "id", of: name, format: "GEXF") else { return }
            attributes[attributeClass, default: [:]][id] = Attribute(title: values["title"] ?? id)
            if attributeClass == "edge" { edgeTitles.append(values["title"] ?? id) }
            currentAttribute = id
        case "node":
            guard node == nil else {
                stop(Diagnostic(.error, code: "gexf.nested-node", at: here(name), "the GEXF file has nodes inside nodes (a hierarchy), which snatool cannot read",
                                fix: "export the network flat"))
                return
            }
            guard let id = required(values, "id", of: name, format: "GEXF") else { return }
            var attributes: [String: String] = [:]
            if let label = values["label"] { attributes["label"] = label }
            node = (id, attributes, here(name))
        case "edge":
            guard let source = required(values, "source", of: name, format: "GEXF"),
                  let target = required(values, "target", of: name, format: "GEXF") else { return }
            var attributes: [String: String] = [:]
            if let weight = values["weight"] { attributes["weight"] = weight }
            if let label = values["label"] { attributes["edge_label"] = label }
            let undirected = values["type"].map { $0 == "undirected" || $0 == "mutual" } ?? undirectedByDefault
            edge = ParsedGraph.Edge(source: source, target: target, attributes: attributes, location: here(name), undirected: undirected)
        case "attvalue":
            guard let key = values["for"] ?? values["id"] else {
                stop(Diagnostic(.error, code: "network.missing-attribute", at: here(name), "an <attvalue> has no for", fix: "give every <attvalue> the id of its attribute in for"))
                return
            }
            let domain = edge != nil ? "edge" : "node"
            guard let attribute = attributes[domain]?[key] else {
                stop(Diagnostic(.error, code: "gexf.unknown-attribute", at: here(name), "an <attvalue> names the \(domain) attribute '\(key)', which no <attribute> declares",
                                value: key, fix: "declare it in <attributes class=\"\(domain)\">"))
                return
            }
            let value = values["value"] ?? ""
            if edge != nil { edge?.attributes[attribute.title] = value } else { node?.attributes[attribute.title] = value }
        default: break
        }
    }

    override func end(_ name: String, text: String) {
        switch name {
        case "default":
            if let currentAttribute { attributes[attributeClass]?[currentAttribute]?.defaultValue = text }
        case "attribute": currentAttribute = nil
        case "attributes":
            // GEXF has no graph attributes: snatool's theme order is that of its theme_ID columns.
            if edgeTitles.contains("multiplexity") {
                let themes = edgeTitles.filter { $0.hasPrefix("theme_") }.map { String($0.dropFirst("theme_".count)) }
                graph.graphAttributes["themes"] = themes.joined(separator: InterchangeNetwork.themeSeparator)
            }
        case "node":
            guard let node else { return }
            self.node = nil
            var values = defaults("node")
            values.merge(node.attributes) { $1 }
            graph.addNode(node.id, attributes: values, at: node.location)
        case "edge":
            guard var edge else { return }
            self.edge = nil
            var values = defaults("edge")
            values.merge(edge.attributes) { $1 }
            edge.attributes = values
            graph.edges.append(edge)
        default: break
        }
    }

    private func defaults(_ domain: String) -> [String: String] {
        var values: [String: String] = [:]
        for attribute in (attributes[domain] ?? [:]).values { if let value = attribute.defaultValue { values[attribute.title] = value } }
        return values
    }
}
