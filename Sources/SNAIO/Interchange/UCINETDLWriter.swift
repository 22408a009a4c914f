import SNACore

/// Writes an ``InterchangeNetwork`` as UCINET DL: full matrices (row =
/// the node that named, column = the node named), one per exported theme
/// (`nm=`) in one file, with labels and matrix labels, values the ties'
/// weights in the theme (strengths where the survey asked, else 1; counts of
/// people's ties at organisation level). An unthemed survey has one matrix, `ties`.
///
/// Labels are quoted, one a line; a label's `"` is written as `'` and line
/// breaks as spaces, since DL has no escapes.
public enum UCINETDLWriter {
    /// The DL file.
    public static func document(_ network: InterchangeNetwork) -> String {
        let n = network.nodes.count
        let themed = !network.themes.isEmpty
        let matrices = themed ? network.themes.count : 1
        var out = "DL N=\(n) NM=\(matrices)\nFORMAT = FULLMATRIX DIAGONAL PRESENT\nLABELS:\n"
        for node in network.nodes { out += label(node.name) + "\n" }
        out += "MATRIX LABELS:\n"
        out += (themed ? network.themes : ["ties"]).map(label).joined(separator: "\n") + "\n"
        out += "DATA:\n"
        var rows: [[Int: Double]] = Array(repeating: [:], count: n)
        for matrix in 0..<matrices {
            for index in rows.indices { rows[index].removeAll(keepingCapacity: true) }
            for edge in network.edges {
                let weight = themed ? edge.themeWeights[matrix] : edge.weight
                if weight > 0 { rows[edge.source][edge.target] = weight }
            }
            for row in rows {
                out += (0..<n).map { row[$0].map(JSONValue.format) ?? "0" }.joined(separator: " ") + "\n"
            }
        }
        return out
    }

    /// A label quoted for DL.
    static func label(_ name: String) -> String {
        "\"" + String(name.map { $0 == "\"" ? "'" : ($0.isNewline || $0 == "\t") ? " " : $0 }) + "\""
    }
}
