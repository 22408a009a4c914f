import Foundation
import SNACore

/// Reads GraphML (as networkx, igraph, Gephi, yEd and snatool write it) into
/// a ``ParsedGraph``: `<key>` declarations name the `<data>` of nodes, edges
/// and the graph (their defaults filled in); `edgedefault` and an edge's own
/// `directed` say whether it counts both ways. Nested graphs and hyperedges
/// are refused.
final class GraphMLReader: NetworkXMLReader {
    private struct Key {
        var domain: String
        var name: String
        var defaultValue: String?
    }

    private var keys: [String: Key] = [:]
    private var currentKey: String?
    private var undirectedByDefault = false
    private var graphDepth = 0
    private var node: (id: String, attributes: [String: String], location: SourceLocation)?
    private var edge: ParsedGraph.Edge?
    private var dataKey: (key: String, location: SourceLocation)?
    private var sawRoot = false

    /// Reads GraphML bytes.
    static func read(_ data: Data, file: String) throws(InputError) -> ParsedGraph {
        try GraphMLReader(file: file).read(data, format: "GraphML")
    }

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "graphml": sawRoot = true
        case "key":
            guard let id = required(attributes, "id", of: name, format: "GraphML") else { return }
            keys[id] = Key(domain: attributes["for"] ?? "all", name: attributes["attr.name"] ?? id)
            currentKey = id
        case "graph":
            graphDepth += 1
            if graphDepth > 1 {
                stop(Diagnostic(.error, code: "graphml.nested-graph", at: here(name), "the GraphML file has a graph inside a node or edge, which snatool cannot read",
                                fix: "flatten the network into one graph"))
                return
            }
            undirectedByDefault = attributes["edgedefault"] == "undirected"
        case "node":
            guard let id = required(attributes, "id", of: name, format: "GraphML") else { return }
            node = (id, [:], here(name))
        case "edge":
            guard let source = required(attributes, "source", of: name, format: "GraphML"),
                  let target = required(attributes, "target", of: name, format: "GraphML") else { return }
            let undirected = attributes["directed"].map { $0 == "false" } ?? undirectedByDefault
            edge = ParsedGraph.Edge(source: source, target: target, attributes: [:], location: here(name), undirected: undirected)
        case "hyperedge":
            stop(Diagnostic(.error, code: "graphml.hyperedge", at: here(name), "the GraphML file has a hyperedge, which a partnership network cannot hold",
                            fix: "replace each hyperedge by edges between pairs"))
        case "data":
            guard let key = required(attributes, "key", of: name, format: "GraphML") else { return }
            dataKey = (key, here(name))
        default: break
        }
    }

    override func end(_ name: String, text: String) {
        switch name {
        case "default":
            if let currentKey { keys[currentKey]?.defaultValue = text }
        case "key": currentKey = nil
        case "data":
            guard let dataKey else { return }
            self.dataKey = nil
            guard let key = keys[dataKey.key] else {
                stop(Diagnostic(.error, code: "graphml.unknown-key", at: dataKey.location, "a <data> names the key '\(dataKey.key)', which no <key> declares",
                                value: dataKey.key, fix: "declare the key with <key id=\"\(dataKey.key)\" ...> before the graph"))
                return
            }
            if edge != nil { edge?.attributes[key.name] = text } else if node != nil { node?.attributes[key.name] = text } else {
                graph.graphAttributes[key.name] = text
            }
        case "node":
            guard let node else { return }
            self.node = nil
            var attributes = defaults(for: "node")
            attributes.merge(node.attributes) { $1 }
            graph.addNode(node.id, attributes: attributes, at: node.location)
        case "edge":
            guard var edge else { return }
            self.edge = nil
            var attributes = defaults(for: "edge")
            attributes.merge(edge.attributes) { $1 }
            edge.attributes = attributes
            graph.edges.append(edge)
        case "graph": graphDepth -= 1
        case "graphml":
            if !sawRoot { stop(Diagnostic(.error, code: "graphml.root", at: here(name), "the file is not GraphML", fix: "give a GraphML file")) }
        default: break
        }
    }

    private func defaults(for domain: String) -> [String: String] {
        var values: [String: String] = [:]
        for key in keys.values where key.domain == domain || key.domain == "all" {
            if let value = key.defaultValue { values[key.name] = value }
        }
        return values
    }
}
