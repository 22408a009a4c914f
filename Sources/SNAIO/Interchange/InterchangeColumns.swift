import SNACore

/// A typed attribute column of the interchange formats' nodes or edges.
public struct InterchangeColumn: Sendable, Equatable {
    /// How a column's values are typed.
    public enum Kind: Sendable, Equatable {
        /// Text.
        case text
        /// A whole number.
        case integer
        /// A real number.
        case number
        /// True or false.
        case boolean
    }

    /// The attribute's name, the same in every format.
    public var name: String
    /// Its type.
    public var kind: Kind
}

/// One value of an ``InterchangeColumn``.
public enum InterchangeValue: Sendable, Equatable {
    /// Text.
    case text(String)
    /// A whole number.
    case integer(Int)
    /// A real number.
    case number(Double)
    /// True or false.
    case boolean(Bool)

    /// The value as text: numbers in the shortest form that reads back
    /// exactly, booleans as `true` and `false`.
    public var text: String {
        switch self {
        case .text(let text): return text
        case .integer(let value): return String(value)
        case .number(let value): return String(value)
        case .boolean(let value): return value ? "true" : "false"
        }
    }
}

extension InterchangeNetwork {
    /// The attributes of every node, in output order: organisation, layer,
    /// responded, gatekeeper, the people-file attributes, then the metrics.
    public var nodeColumns: [InterchangeColumn] {
        var columns: [InterchangeColumn] = [.init(name: "organisation", kind: .text)]
        if nodes.contains(where: { $0.layer != nil }) { columns.append(.init(name: "layer", kind: .text)) }
        columns += [.init(name: "responded", kind: .boolean), .init(name: "gatekeeper", kind: .boolean)]
        columns += attributeNames.map { .init(name: $0, kind: .text) }
        columns += metricColumns.map { column in
            switch column.kind {
            case .count: return .init(name: column.name, kind: .integer)
            case .number: return .init(name: column.name, kind: .number)
            case .flag: return .init(name: column.name, kind: .boolean)
            }
        }
        return columns
    }

    /// A node's values by ``nodeColumns``; `nil` where it has none.
    public func nodeValues(_ node: Node, columns: [InterchangeColumn]) -> [InterchangeValue?] {
        var values: [InterchangeValue?] = [node.organisation.map(InterchangeValue.text)]
        if columns.count > 1, columns[1].name == "layer" { values.append(node.layer.map(InterchangeValue.text)) }
        values += [.boolean(node.responded), .boolean(node.gatekeeper)]
        values += node.attributes.map { $0.map(InterchangeValue.text) }
        values += zip(metricColumns, node.metrics).map { column, value in
            value.map { value in
                switch column.kind {
                case .count: return .integer(Int(value))
                case .number: return .number(value)
                case .flag: return .boolean(value != 0)
                }
            }
        }
        return values
    }

    /// Whether any edge has a strength the respondent gave.
    var hasStrengths: Bool { edges.contains { $0.strengths.contains { $0 != nil } } }

    /// The attributes of every edge, in output order: weight, themes,
    /// multiplexity, each theme's weight (`theme_ID`) and given strength
    /// (`strength_ID`, when the survey asked for strengths), each tie rating
    /// (`ID_rating`, when the survey rated ties), bridge, weak_link.
    public var edgeColumns: [InterchangeColumn] {
        var columns: [InterchangeColumn] = [.init(name: "weight", kind: .number)]
        if !themes.isEmpty {
            columns += [.init(name: "themes", kind: .text), .init(name: "multiplexity", kind: .integer)]
            columns += themes.map { .init(name: "theme_\($0)", kind: .number) }
            if hasStrengths { columns += themes.map { .init(name: "strength_\($0)", kind: .number) } }
        }
        columns += ratingNames.map { .init(name: "\($0)_rating", kind: .number) }
        columns += [.init(name: "bridge", kind: .boolean), .init(name: "weak_link", kind: .boolean)]
        return columns
    }

    /// An edge's values by ``edgeColumns``; `nil` where it has none.
    public func edgeValues(_ edge: Edge, columns: [InterchangeColumn]) -> [InterchangeValue?] {
        var values: [InterchangeValue?] = [.number(edge.weight)]
        if !themes.isEmpty {
            values += [.text(themes(of: edge).joined(separator: Self.themeSeparator)), .integer(edge.multiplexity)]
            values += edge.themeWeights.map { .number($0) }
            if columns.count > values.count + 2 + ratingNames.count { values += edge.strengths.map { $0.map(InterchangeValue.number) } }
        }
        values += ratingNames.indices.map { index in index < edge.ratings.count ? edge.ratings[index].map(InterchangeValue.number) : nil }
        values += [.boolean(edge.bridge), .boolean(edge.weakLink)]
        return values
    }
}
