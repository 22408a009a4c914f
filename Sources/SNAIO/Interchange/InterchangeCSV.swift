import SNACore

/// The spreadsheet formats: Gephi's nodes and edges tables, Kumu's elements
/// and connections sheets, and the node and relationship files of
/// `neo4j-admin database import`. Text cells are written by ``CSVWriter``
/// (quoted as needed, protected against spreadsheet formulas).
public enum InterchangeCSV {
    /// Gephi's edges table (`Source,Target,Type,Weight,...`, ids as in the
    /// nodes table) and nodes table (`Id,Label,...`), in that order.
    public static func gephi(_ network: InterchangeNetwork) -> (edges: String, nodes: String) {
        let nodeColumns = network.nodeColumns, edgeColumns = network.edgeColumns
        var nodes = CSVWriter(header: ["Id", "Label"] + nodeColumns.map(\.name))
        for node in network.nodes {
            nodes.append([.text(node.name), .text(node.name)] + network.nodeValues(node, columns: nodeColumns).map(cell))
        }
        var edges = CSVWriter(header: ["Source", "Target", "Type", "Weight"] + edgeColumns.dropFirst().map(\.name))
        for edge in network.edges {
            edges.append([.text(network.nodes[edge.source].name), .text(network.nodes[edge.target].name), "Directed"]
                         + network.edgeValues(edge, columns: edgeColumns).map(cell))
        }
        return (edges.output, nodes.output)
    }

    /// Kumu's connections sheet (`From,To,Type,Direction,Strength,...`: one
    /// row per theme of a pair, its Type the theme's label) and elements
    /// sheet (`Label,Type,...`), in that order.
    public static func kumu(_ network: InterchangeNetwork) -> (connections: String, elements: String) {
        let nodeColumns = network.nodeColumns
        let kind = network.level == .people ? "Person" : "Organisation"
        var elements = CSVWriter(header: ["Label", "Type"] + nodeColumns.map { title($0.name) })
        for node in network.nodes {
            elements.append([.text(node.name), .text(kind)] + network.nodeValues(node, columns: nodeColumns).map(cell))
        }
        var connections = CSVWriter(header: ["From", "To", "Type", "Direction", "Strength", "Bridge", "Weak Link"])
        for edge in network.edges {
            let from = CSVWriter.Cell.text(network.nodes[edge.source].name), to = CSVWriter.Cell.text(network.nodes[edge.target].name)
            let flags: [CSVWriter.Cell] = [.text(edge.bridge ? "true" : "false"), .text(edge.weakLink ? "true" : "false")]
            if network.themes.isEmpty {
                connections.append([from, to, "Tie", "directed", .number(edge.weight)] + flags)
            }
            for (position, weight) in edge.themeWeights.enumerated() where weight > 0 {
                connections.append([from, to, .text(network.themeLabels[position]), "directed", .number(weight)] + flags)
            }
        }
        return (connections.output, elements.output)
    }

    /// `neo4j-admin database import` files: relationships
    /// (`:START_ID,:END_ID,:TYPE,weight:double,...`, one per theme of a pair,
    /// its type the theme's id in capitals, e.g. `DECISION_MAKING`; `TIE` in
    /// an unthemed survey) and nodes (`id:ID,name,:LABEL,...`, label `Person`
    /// or `Organisation`), in that order.
    public static func neo4j(_ network: InterchangeNetwork) -> (relationships: String, nodes: String) {
        let nodeColumns = network.nodeColumns
        let label = network.level == .people ? "Person" : "Organisation"
        var nodes = CSVWriter(header: ["id:ID", "name", ":LABEL"] + nodeColumns.map { "\(neo4jName($0.name)):\(neo4jType($0.kind))" })
        for (index, node) in network.nodes.enumerated() {
            nodes.append([.text("n\(index)"), .text(node.name), .text(label)] + network.nodeValues(node, columns: nodeColumns).map(cell))
        }
        var relationships = CSVWriter(header: [":START_ID", ":END_ID", ":TYPE", "weight:double", "bridge:boolean", "weak_link:boolean"])
        for edge in network.edges {
            let ends: [CSVWriter.Cell] = [.text("n\(edge.source)"), .text("n\(edge.target)")]
            let flags: [CSVWriter.Cell] = [.text(edge.bridge ? "true" : "false"), .text(edge.weakLink ? "true" : "false")]
            if network.themes.isEmpty { relationships.append(ends + ["TIE", .number(edge.weight)] + flags) }
            for (position, weight) in edge.themeWeights.enumerated() where weight > 0 {
                relationships.append(ends + [.text(relationshipType(network.themes[position])), .number(weight)] + flags)
            }
        }
        return (relationships.output, nodes.output)
    }

    /// A theme id as a Neo4j relationship type: capitals, other characters as `_`.
    public static func relationshipType(_ theme: String) -> String {
        String(theme.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    static func cell(_ value: InterchangeValue?) -> CSVWriter.Cell {
        switch value {
        case .text(let text): return .text(text)
        case .integer(let number): return .integer(number)
        case .number(let number): return .number(number)
        case .boolean(let flag): return .text(flag ? "true" : "false")
        case nil: return .text("")
        }
    }

    /// `weak_link` as Kumu shows field names: "Weak Link"; an attribute that
    /// would take the name of Kumu's own `Label` or `Type` column is "Attribute Type".
    static func title(_ name: String) -> String {
        let title = name.split(whereSeparator: { $0 == "_" || $0 == " " }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        return ["Label", "Type"].contains(title) ? "Attribute " + title : title
    }

    /// A property name Neo4j's header takes as it is (no `:` inside).
    static func neo4jName(_ name: String) -> String { name.replacingOccurrences(of: ":", with: "_") }

    static func neo4jType(_ kind: InterchangeColumn.Kind) -> String {
        switch kind {
        case .text: return "string"
        case .integer: return "long"
        case .number: return "double"
        case .boolean: return "boolean"
        }
    }
}
