import SNACore

/// Writes an ``InterchangeNetwork`` as GEXF 1.2 (gexf.net), the format Gephi
/// keeps its work in: one static directed graph whose edges carry their
/// themes as attributes (one edge per pair, not one per theme, so that
/// networkx, igraph and Gephi count each pair once, as snatool's `all` does),
/// and whose nodes carry the static map's colour and size (`viz:color`,
/// `viz:size`), so that Gephi opens it coloured as the map.
public enum GEXFWriter {
    /// The GEXF document.
    public static func document(_ network: InterchangeNetwork) -> String {
        let nodeColumns = network.nodeColumns, edgeColumns = network.edgeColumns
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">\n"
        let themes = network.themes.isEmpty ? "no themes" : "themes " + network.themes.joined(separator: ", ")
        out += "  <meta>\n    <creator>snatool</creator>\n"
        out += "    <description>\(XMLCharacters.escaped("\(network.level.rawValue) level; \(themes); metrics of \(network.judgedSelection)"))</description>\n  </meta>\n"
        out += "  <graph defaultedgetype=\"directed\" mode=\"static\">\n"
        out += attributes("node", nodeColumns)
        out += attributes("edge", edgeColumns)
        out += "    <nodes>\n"
        for node in network.nodes {
            let name = XMLCharacters.escaped(node.name)
            out += "      <node id=\"\(name)\" label=\"\(name)\">\n        <attvalues>\n"
            for (index, value) in network.nodeValues(node, columns: nodeColumns).enumerated() {
                if let value { out += "          <attvalue for=\"\(index)\" value=\"\(XMLCharacters.escaped(value.text))\"/>\n" }
            }
            out += "        </attvalues>\n"
            if let size = node.size { out += "        <viz:size value=\"\(size)\"/>\n" }
            if let colour = node.colour, let (r, g, b) = rgb(colour) { out += "        <viz:color r=\"\(r)\" g=\"\(g)\" b=\"\(b)\"/>\n" }
            out += "      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (number, edge) in network.edges.enumerated() {
            out += "      <edge id=\"\(number)\" source=\"\(XMLCharacters.escaped(network.nodes[edge.source].name))\" target=\"\(XMLCharacters.escaped(network.nodes[edge.target].name))\" weight=\"\(edge.weight)\">\n"
            out += "        <attvalues>\n"
            // The weight is the edge's own attribute in GEXF.
            for (index, value) in network.edgeValues(edge, columns: edgeColumns).enumerated() where index > 0 {
                if let value { out += "          <attvalue for=\"\(index)\" value=\"\(XMLCharacters.escaped(value.text))\"/>\n" }
            }
            out += "        </attvalues>\n      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }

    private static func attributes(_ domain: String, _ columns: [InterchangeColumn]) -> String {
        var out = "    <attributes class=\"\(domain)\">\n"
        for (index, column) in columns.enumerated() where !(domain == "edge" && index == 0) {
            let type: String
            switch column.kind {
            case .text: type = "string"
            case .integer: type = "integer"
            case .number: type = "double"
            case .boolean: type = "boolean"
            }
            out += "      <attribute id=\"\(index)\" title=\"\(XMLCharacters.escaped(column.name))\" type=\"\(type)\"/>\n"
        }
        return out + "    </attributes>\n"
    }

    /// `#RRGGBB` (or `#RRGGBBAA`) as three bytes.
    static func rgb(_ colour: String) -> (Int, Int, Int)? {
        let hex = Array(colour.dropFirst())
        guard colour.hasPrefix("#"), hex.count >= 6 else { return nil }
        func byte(_ at: Int) -> Int? { Int(String(hex[at..<at + 2]), radix: 16) }
        guard let r = byte(0), let g = byte(2), let b = byte(4) else { return nil }
        return (r, g, b)
    }
}
