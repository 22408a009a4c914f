/// One per-node figure as the outputs name it: the one catalogue that the
/// JSON and CSV people tables, `--metrics`, map sizing and the interchange
/// formats read, so that a column is named, ordered and typed in one place.
public struct NodeMetricColumn: Sendable {
    /// How a column's values are written.
    public enum Kind: Sendable {
        /// A whole number (degree, core, brokerage counts).
        case count
        /// A real number.
        case number
        /// 0 or 1, written as a boolean where the format has them.
        case flag
    }

    /// The column's name in every output, e.g. `betweenness_normalised`.
    public let name: String
    /// The `--metrics` family that fills it.
    public let metric: NodeMetric
    /// How its values are written.
    public let kind: Kind
    /// Its value in a full analysis's metrics; `nil` for a column only `--metrics` computes.
    let read: (@Sendable (NodeMetrics, Int) -> Double?)?

    /// Whether the full analysis (``NodeMetrics``) has this column.
    public var inFullAnalysis: Bool { read != nil }

    /// The column's value for `node` in `metrics`, or `nil` when the full analysis does not compute it.
    public func value(in metrics: NodeMetrics, node: Int) -> Double? { read?(metrics, node) }

    /// Every column, in output order.
    public static let all: [NodeMetricColumn] = {
        func column(_ name: String, _ metric: NodeMetric, _ kind: Kind = .number, _ read: (@Sendable (NodeMetrics, Int) -> Double?)?) -> NodeMetricColumn {
            NodeMetricColumn(name: name, metric: metric, kind: kind, read: read)
        }
        var columns: [NodeMetricColumn] = [
            column("in_degree", .degree, .count) { m, v in Double(m.inDegree[v]) },
            column("out_degree", .degree, .count) { m, v in Double(m.outDegree[v]) },
            column("degree", .degree, .count) { m, v in Double(m.degree[v]) },
            column("in_strength", .strength) { m, v in m.inStrength[v] },
            column("out_strength", .strength) { m, v in m.outStrength[v] },
            column("betweenness", .betweenness) { m, v in m.paths.betweenness[v] },
            column("betweenness_normalised", .betweenness) { m, v in m.paths.betweennessNormalised(of: v) },
            column("weighted_betweenness", .weightedBetweenness, .number, nil),
            column("weighted_betweenness_normalised", .weightedBetweenness, .number, nil),
            column("harmonic", .closeness) { m, v in m.paths.harmonic[v] },
            column("closeness", .closeness) { m, v in m.paths.closeness[v] },
            column("pagerank", .pagerank) { m, v in m.pageRank[v] },
            column("eigenvector", .eigenvector) { m, v in m.eigenvector[v] },
            column("constraint", .constraint) { m, v in m.structuralHoles.constraint[v] },
            column("effective_size", .constraint) { m, v in m.structuralHoles.effectiveSize[v] },
            column("core", .core, .count) { m, v in Double(m.core[v]) },
            column("clustering", .clustering) { m, v in m.clustering[v] },
            column("articulation_point", .cutPoints, .flag) { m, v in m.cutPoints.isArticulationPoint[v] ? 1 : 0 },
            column("removal_impact", .cutPoints) { m, v in m.cutPoints.removalImpact[v] },
        ]
        for (k, role) in BrokerageRole.allCases.enumerated() {
            columns.append(column("brokerage_\(role.rawValue)", .brokerage, .count) { m, v in m.brokerage.raw[v].counts[k] })
        }
        columns.append(column("brokerage_total", .brokerage, .count) { m, v in m.brokerage.raw[v].total })
        for (k, role) in BrokerageRole.allCases.enumerated() {
            columns.append(column("brokerage_z_\(role.rawValue)", .brokerage) { m, v in m.brokerage.z[v][k] })
        }
        columns.append(column("brokerage_z_total", .brokerage) { m, v in m.brokerage.z[v][BrokerageRole.allCases.count] })
        return columns
    }()

    /// The columns the full analysis has, in output order.
    public static let full: [NodeMetricColumn] = all.filter(\.inFullAnalysis)

    /// The column of a name, or `nil`.
    public static func named(_ name: String) -> NodeMetricColumn? { all.first { $0.name == name } }
}
