import SNACore

/// Writes an ``InterchangeNetwork`` as networkx's node-link JSON, which
/// `networkx.node_link_graph(data)` reads as it is (networkx 3.4 and later:
/// nodes under `nodes`, edges under `edges`, node ids under `id`) and d3
/// draws: a directed graph, node ids are names.
public enum NodeLinkJSONWriter {
    /// The JSON document.
    public static func document(_ network: InterchangeNetwork) -> String {
        let nodeColumns = network.nodeColumns, edgeColumns = network.edgeColumns
        let nodes: [JSONValue] = network.nodes.map { node in
            var fields: [(String, JSONValue)] = [("id", .string(node.name)), ("label", .string(node.name))]
            for (column, value) in zip(nodeColumns, network.nodeValues(node, columns: nodeColumns)) {
                if let value { fields.append((column.name, json(value))) }
            }
            return .object(fields)
        }
        let edges: [JSONValue] = network.edges.map { edge in
            var fields: [(String, JSONValue)] = [("source", .string(network.nodes[edge.source].name)), ("target", .string(network.nodes[edge.target].name))]
            for (column, value) in zip(edgeColumns, network.edgeValues(edge, columns: edgeColumns)) {
                if let value { fields.append((column.name, json(value))) }
            }
            return .object(fields)
        }
        let graph: JSONValue = .object([
            ("themes", .array(network.themes.map { .string($0) })),
            ("level", .string(network.level.rawValue)),
            ("metrics_of", .string(network.judgedSelection)),
        ])
        return JSONValue.object([
            ("directed", true), ("multigraph", false), ("graph", graph), ("nodes", .array(nodes)), ("edges", .array(edges)),
        ]).rendered() + "\n"
    }

    static func json(_ value: InterchangeValue) -> JSONValue {
        switch value {
        case .text(let text): return .string(text)
        case .integer(let number): return .int(number)
        case .number(let number): return .double(number)
        case .boolean(let flag): return .bool(flag)
        }
    }
}
