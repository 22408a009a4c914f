import Foundation
import SNACore

/// Reads networkx's node-link JSON (`networkx.node_link_data`, d3) into a
/// ``ParsedGraph``: `nodes` with an `id` (text or number) and attributes;
/// edges under `edges` (networkx 3.4 and later) or `links` (earlier), with
/// `source`, `target` and attributes; `directed` (false: every edge counts
/// both ways); `graph` attributes (snatool's `themes`). Errors name the
/// element, e.g. `edges[12]`.
enum NodeLinkJSONReader {
    /// Reads JSON bytes.
    static func read(_ data: Data, file: String) throws(InputError) -> ParsedGraph {
        func fail(_ element: String?, _ message: String, line: Int? = nil, _ fix: String) -> InputError {
            InputError(.badData, [Diagnostic(.error, code: "json.node-link", at: SourceLocation(file: file, line: line, columnName: element), message, fix: fix)])
        }
        let object: [String: Value]
        do { object = try JSONDecoder().decode([String: Value].self, from: data) } catch {
            throw fail(nil, "the file is not node-link JSON (\(describe(error)))", "check that the file is complete UTF-8 JSON, as networkx.node_link_data(G) writes it")
        }
        guard case .list(let nodes)? = object["nodes"] else {
            throw fail(nil, "the JSON has no 'nodes' list, so it is not node-link data", "write it with networkx.node_link_data(G)")
        }
        var graph = ParsedGraph()
        let undirected = object["directed"] == .flag(false)
        if case .object(let attributes)? = object["graph"] {
            for (key, value) in attributes {
                if key == "themes", case .list(let list) = value {
                    graph.graphAttributes[key] = list.compactMap(\.scalar).joined(separator: InterchangeNetwork.themeSeparator)
                } else if let value = value.scalar {
                    graph.graphAttributes[key] = value
                }
            }
        }
        for (index, entry) in nodes.enumerated() {
            let element = "nodes[\(index)]"
            guard case .object(let node) = entry, let id = node["id"]?.scalar else {
                throw fail(element, "a node has no id", "give every node an \"id\"")
            }
            var attributes: [String: String] = [:]
            for (key, value) in node where key != "id" { if let value = value.scalar { attributes[key] = value } }
            graph.addNode(id, attributes: attributes, at: SourceLocation(file: file, columnName: element))
        }
        let key = object["edges"] != nil ? "edges" : "links"
        var edges: [Value] = []
        switch object[key] {
        case .list(let list)?: edges = list
        case nil, .null?: break
        default: throw fail(key, "'\(key)' is not a list", "write the edges as a list of objects")
        }
        for (index, entry) in edges.enumerated() {
            let element = "\(key)[\(index)]"
            guard case .object(let edge) = entry, let source = edge["source"]?.scalar, let target = edge["target"]?.scalar else {
                throw fail(element, "an edge has no source or target", "give every edge a \"source\" and a \"target\" node id")
            }
            var attributes: [String: String] = [:]
            for (name, value) in edge where name != "source" && name != "target" { if let value = value.scalar { attributes[name] = value } }
            graph.edges.append(ParsedGraph.Edge(source: source, target: target, attributes: attributes,
                                                location: SourceLocation(file: file, columnName: element), undirected: undirected))
        }
        return graph
    }

    /// Any JSON value, booleans kept apart from numbers and integers from reals.
    private enum Value: Decodable, Equatable {
        case null, flag(Bool), integer(Int), real(Double), text(String), list([Value]), object([String: Value])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let flag = try? container.decode(Bool.self) { self = .flag(flag) }
            else if let integer = try? container.decode(Int.self) { self = .integer(integer) }
            else if let real = try? container.decode(Double.self) { self = .real(real) }
            else if let text = try? container.decode(String.self) { self = .text(text) }
            else if let list = try? container.decode([Value].self) { self = .list(list) }
            else { self = .object(try container.decode([String: Value].self)) }
        }

        /// A string, number or boolean as text; `nil` for null, lists and objects.
        var scalar: String? {
            switch self {
            case .text(let text): return text
            case .integer(let number): return String(number)
            case .real(let number): return String(number)
            case .flag(let flag): return flag ? "true" : "false"
            case .null, .list, .object: return nil
            }
        }
    }

    /// A decoding error in a few words.
    private static func describe(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .dataCorrupted(let context): return context.underlyingError.map { ($0 as NSError).localizedDescription } ?? context.debugDescription
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context):
            return context.codingPath.map(\.stringValue).joined(separator: ".") + ": " + context.debugDescription
        @unknown default: return "\(error)"
        }
    }
}
