import SNACore

/// Writes an ``InterchangeNetwork`` as GraphML (graphml.graphdrawing.org):
/// one directed graph, node ids are names, every attribute declared with a
/// `<key>` of its type, so that networkx's `read_graphml` and igraph's
/// `Graph.Read_GraphML` give the same nodes, edges and values.
public enum GraphMLWriter {
    /// The GraphML document.
    public static func document(_ network: InterchangeNetwork) -> String {
        let nodeColumns = network.nodeColumns, edgeColumns = network.edgeColumns
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        out += "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        out += "  <key id=\"g_themes\" for=\"graph\" attr.name=\"themes\" attr.type=\"string\"/>\n"
        out += "  <key id=\"g_level\" for=\"graph\" attr.name=\"level\" attr.type=\"string\"/>\n"
        out += "  <key id=\"g_metrics\" for=\"graph\" attr.name=\"metrics_of\" attr.type=\"string\"/>\n"
        out += "  <key id=\"n_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
        for (index, column) in nodeColumns.enumerated() { out += key("n\(index)", for: "node", column) }
        for (index, column) in edgeColumns.enumerated() { out += key("e\(index)", for: "edge", column) }
        out += "  <graph id=\"G\" edgedefault=\"directed\">\n"
        out += "    <data key=\"g_themes\">\(XMLCharacters.escaped(network.themes.joined(separator: InterchangeNetwork.themeSeparator)))</data>\n"
        out += "    <data key=\"g_level\">\(network.level.rawValue)</data>\n"
        out += "    <data key=\"g_metrics\">\(XMLCharacters.escaped(network.judgedSelection))</data>\n"
        for node in network.nodes {
            let name = XMLCharacters.escaped(node.name)
            out += "    <node id=\"\(name)\">\n      <data key=\"n_label\">\(name)</data>\n"
            for (index, value) in network.nodeValues(node, columns: nodeColumns).enumerated() {
                if let value { out += "      <data key=\"n\(index)\">\(XMLCharacters.escaped(value.text))</data>\n" }
            }
            out += "    </node>\n"
        }
        for edge in network.edges {
            out += "    <edge source=\"\(XMLCharacters.escaped(network.nodes[edge.source].name))\" target=\"\(XMLCharacters.escaped(network.nodes[edge.target].name))\">\n"
            for (index, value) in network.edgeValues(edge, columns: edgeColumns).enumerated() {
                if let value { out += "      <data key=\"e\(index)\">\(XMLCharacters.escaped(value.text))</data>\n" }
            }
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    private static func key(_ id: String, for domain: String, _ column: InterchangeColumn) -> String {
        let type: String
        switch column.kind {
        case .text: type = "string"
        case .integer: type = "int"
        case .number: type = "double"
        case .boolean: type = "boolean"
        }
        return "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(XMLCharacters.escaped(column.name))\" attr.type=\"\(type)\"/>\n"
    }
}
