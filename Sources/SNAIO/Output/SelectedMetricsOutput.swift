import Foundation
import SNACore

/// The output of `analyse --metrics`: only the node metrics asked for, per theme.
public struct SelectedMetricsOutput: Sendable {
    /// The node names.
    public var names: [String]
    /// Each theme's id and its metrics.
    public var rows: [(theme: String, metrics: SelectedMetrics)]
    /// The metrics asked for.
    public var metrics: Set<NodeMetric>
    /// The import warnings, shown on every path.
    public var warnings: [Diagnostic]
    /// How the survey was read, when it came from a file.
    public var reading: SurveyReading?
    /// How the fixes of warnings name the inputs they ask for.
    public var inputNaming: InputNaming = .plain

    /// Creates the output.
    public init(names: [String], rows: [(theme: String, metrics: SelectedMetrics)], metrics: Set<NodeMetric>,
                warnings: [Diagnostic] = [], reading: SurveyReading? = nil) {
        self.names = names
        self.rows = rows
        self.metrics = metrics
        self.warnings = warnings
        self.reading = reading
    }

    /// `{"schema_version", "metrics", ["approximation",] ["unconverged",] ["reading",] "people": [{"id", "theme", <columns>}], "warnings"}`;
    /// `approximation` only when betweenness was estimated by sampling, `unconverged`
    /// (`theme`, `metric`, `iterations`) only when an eigenvector iteration stopped at its cap.
    public func json() -> JSONValue {
        let people: [JSONValue] = rows.flatMap { row in
            let kinds = row.metrics.columns.map { Self.kind(of: $0.name) }
            return names.indices.map { v in
                JSONValue.object([("id", .string(names[v])), ("theme", .string(row.theme))]
                                 + row.metrics.columns.enumerated().map { ($1.name, OutputValue(kinds[$0], $1.values[v]).json) })
            }
        }
        var fields: [(String, JSONValue)] = [
            ("schema_version", .int(AnalysisOutput.schemaVersion)),
            ("metrics", .array(metrics.sorted { $0.rawValue < $1.rawValue }.map { .string($0.rawValue) })),
        ]
        if let parameters = rows.lazy.flatMap(\.metrics.estimates).first?.estimate.parameters {
            let samples: [JSONValue] = rows.flatMap { row in
                row.metrics.estimates.map { item in
                    JSONValue.object([("theme", .string(row.theme)), ("metric", .string(item.metric.rawValue)),
                                      ("samples", .int(item.estimate.samples)),
                                      ("vertex_diameter_bound", .int(item.estimate.vertexDiameterBound))])
                }
            }
            fields.append(("approximation", .object([
                ("epsilon", .number(parameters.epsilon)), ("delta", .number(parameters.delta)),
                ("seed", Int(exactly: parameters.seed).map { .int($0) } ?? .string(String(parameters.seed))), ("samples", .array(samples)),
            ])))
        }
        let unconverged: [JSONValue] = rows.compactMap { row in
            guard let iteration = row.metrics.eigenvectorIteration, !iteration.converged else { return nil }
            return .object([("theme", .string(row.theme)), ("metric", .string(NodeMetric.eigenvector.rawValue)), ("iterations", .int(iteration.iterations))])
        }
        if !unconverged.isEmpty { fields.append(("unconverged", .array(unconverged))) }
        if let reading { fields.append(("reading", SurveyReadingOutput.json(reading))) }
        fields.append(("people", .array(people)))
        fields.append(("warnings", .array(warnings.map(AnalysisOutput.diagnosticJSON))))
        return .object(fields)
    }

    /// One row per node and theme.
    public func csv() -> String {
        var writer = CSVWriter(header: ["id", "theme"] + (rows.first?.metrics.columns.map(\.name) ?? []))
        for row in rows {
            let kinds = row.metrics.columns.map { Self.kind(of: $0.name) }
            for v in names.indices {
                writer.append([.text(names[v]), .text(row.theme)]
                              + row.metrics.columns.enumerated().map { OutputValue(kinds[$0], $1.values[v]).cell })
            }
        }
        return writer.output
    }

    /// How the catalogue types a column, so that `--metrics` writes each value
    /// as the full analysis does (counts as integers, flags as booleans).
    static func kind(of column: String) -> NodeMetricColumn.Kind {
        NodeMetricColumn.all.first { $0.name == column }?.kind ?? .number
    }

    /// The top `top` nodes per theme and metric.
    public func text(top: Int) -> String {
        var text = ""
        for row in rows {
            for column in row.metrics.columns {
                let ranked = names.indices.filter { (column.values[$0] ?? 0) > 0 }
                    .sorted { (column.values[$0] ?? 0, names[$1]) > (column.values[$1] ?? 0, names[$0]) }.prefix(top)
                guard !ranked.isEmpty else { continue }
                let note = column.name == "eigenvector" ? row.metrics.eigenvectorIteration.map(AnalysisOutput.approximateNote) ?? "" : ""
                text += "\(row.theme): \(column.name)\(note)\n"
                for (rank, v) in ranked.enumerated() { text += "  \(rank + 1)  \(names[v])  \(String(format: "%.6g", column.values[v] ?? 0))\n" }
            }
        }
        return (text.isEmpty ? "No node has a non-zero value for these metrics.\n" : text) + AnalysisOutput.warningsText(warnings, naming: inputNaming)
    }
}
