import SNACore

/// Writes an ``InterchangeNetwork`` as a Pajek network (`.net`: `*Vertices`
/// with quoted labels, `*Arcs` weighted by the tie's weight in all exported
/// themes) and a partition by organisation (`.clu`).
///
/// Pajek has no escapes inside a quoted label, so a label's `"` is written
/// as `'`, `\` as `/` (networkx reads backslashes as escapes, igraph does
/// not), and line breaks and tabs as spaces; every reader then gets the same name.
public enum PajekWriter {
    /// The `.net` file.
    public static func network(_ network: InterchangeNetwork) -> String {
        var out = "*Vertices \(network.nodes.count)\n"
        for (index, node) in network.nodes.enumerated() { out += "\(index + 1) \(label(node.name))\n" }
        out += "*Arcs\n"
        for edge in network.edges { out += "\(edge.source + 1) \(edge.target + 1) \(JSONValue.format(edge.weight))\n" }
        return out
    }

    /// The `.clu` partition: each vertex's organisation as a number from 1 in
    /// the order of first appearance (0 without one), the numbers' names in
    /// `%` comments before the data.
    public static func partition(_ network: InterchangeNetwork) -> String {
        var numbers: [String: Int] = [:]
        var names: [String] = []
        let values: [Int] = network.nodes.map { node in
            guard let organisation = node.organisation ?? (network.level == .organisations ? node.name : nil) else { return 0 }
            if let known = numbers[organisation] { return known }
            names.append(organisation)
            numbers[organisation] = names.count
            return names.count
        }
        var out = "% organisations of the vertices in the .net file; 0: none known\n"
        for (index, name) in names.enumerated() { out += "% \(index + 1) \(label(name))\n" }
        out += "*Vertices \(network.nodes.count)\n"
        for value in values { out += "\(value)\n" }
        return out
    }

    /// A label quoted for Pajek.
    static func label(_ name: String) -> String {
        let cleaned = name.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"": return "'"
            case "\\": return "/"
            case "\n", "\r", "\t": return " "
            default: return String(scalar)
            }
        }.joined()
        return "\"" + cleaned + "\""
    }
}
