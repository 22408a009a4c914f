import Foundation
import SNACore

/// The summary of an analysis in the three output formats: JSON (schema in
/// docs/schema/analyse.schema.json), CSV tables, and text for a terminal.
public struct SummaryOutput: Sendable {
    /// The version of the JSON layout; raised when a key changes meaning or goes.
    public static let schemaVersion = 1

    /// The summary.
    public var summary: PartnershipSummary
    /// The survey as read.
    public var survey: ImportedSurvey
    /// The grouping attribute.
    public var groupBy: String

    /// Creates the output of a summary.
    public init(summary: PartnershipSummary, survey: ImportedSurvey, groupBy: String = "organisation") {
        self.summary = summary
        self.survey = survey
        self.groupBy = groupBy
    }

    private var network: PartnershipNetwork { summary.network }

    // MARK: JSON

    /// The JSON document.
    public func json() -> JSONValue {
        .object([
            ("schema_version", .int(Self.schemaVersion)),
            ("network", networkJSON()),
            ("themes", .array(summary.themes.map(themeJSON))),
            ("warnings", .array(network.warnings.map(Self.diagnosticJSON))),
        ])
    }

    private func networkJSON() -> JSONValue {
        let rate = network.responseRate
        return .object([
            ("source", .string(survey.file)),
            ("layout", .string(survey.layout.rawValue)),
            ("unit", .string(network.unit.rawValue)),
            ("level", .string(summary.level.rawValue)),
            ("group_by", .string(groupBy)),
            ("rows", .int(survey.rows)),
            ("people", .int(network.people.count)),
            ("organisations", .int(network.organisations.count)),
            ("groups", .int(groupCount)),
            ("respondents", .int(rate.respondents)),
            ("response_rate", .number(rate.rate)),
            ("ties", .int(network.ties.count)),
            ("themes", .array(network.themes.map { .string($0.id) })),
            ("response_by_organisation", .array(network.responseRatesByOrganisation.map { rate in
                .object([
                    ("organisation", .string(rate.group)),
                    ("people", .int(rate.people)),
                    ("respondents", .int(rate.respondents)),
                    ("response_rate", .number(rate.rate)),
                ])
            })),
        ])
    }

    private var groupCount: Int {
        Set(network.people.indices.compactMap { network.group(ofPerson: $0, by: groupBy).map(NameKey.key) }).count
    }

    private func themeJSON(_ theme: ThemeSummary) -> JSONValue {
        let graph = theme.graph
        return .object([
            ("theme", .string(theme.id)),
            ("label", .string(theme.label)),
            ("level", .string(theme.level.rawValue)),
            ("nodes", .int(graph.nodes)),
            ("people", .int(theme.activePeople)),
            ("organisations", .int(theme.activeOrganisations)),
            ("respondents_naming", .int(theme.respondentsNaming)),
            ("ties", .int(graph.ties)),
            ("density", .number(graph.density)),
            ("reciprocity", .number(graph.reciprocity)),
            ("mutual_pairs", .int(graph.mutualPairs)),
            ("isolates", .int(graph.isolates)),
            ("weak_components", .int(graph.weakComponents)),
            ("largest_weak_component", .int(graph.largestWeakComponent)),
            ("strong_components", .int(graph.strongComponents)),
            ("largest_strong_component", .int(graph.largestStrongComponent)),
        ])
    }

    /// A diagnostic as a JSON object.
    public static func diagnosticJSON(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            ("severity", .string(diagnostic.severity.rawValue)),
            ("code", .string(diagnostic.code)),
            ("file", .string(diagnostic.location?.file)),
            ("line", diagnostic.location?.line.map { .int($0) } ?? .null),
            ("column", diagnostic.location?.column.map { .int($0) } ?? .null),
            ("column_name", .string(diagnostic.location?.columnName)),
            ("message", .string(diagnostic.message)),
            ("value", .string(diagnostic.value)),
            ("fix", .string(diagnostic.fix)),
        ])
    }

    // MARK: CSV

    /// The CSV tables written by `--out DIR`: file name and contents.
    public func csvTables() -> [(name: String, contents: String)] {
        let rate = network.responseRate
        var networkTable = CSVWriter(header: ["measure", "value"])
        networkTable.append(["source", .text(survey.file)])
        networkTable.append(["layout", .text(survey.layout.rawValue)])
        networkTable.append(["unit", .text(network.unit.rawValue)])
        networkTable.append(["level", .text(summary.level.rawValue)])
        networkTable.append(["group_by", .text(groupBy)])
        networkTable.append(["people", .integer(network.people.count)])
        networkTable.append(["organisations", .integer(network.organisations.count)])
        networkTable.append(["respondents", .integer(rate.respondents)])
        networkTable.append(["response_rate", .number(rate.rate)])
        networkTable.append(["ties", .integer(network.ties.count)])

        var themes = CSVWriter(header: [
            "theme", "label", "level", "nodes", "people", "organisations", "respondents_naming", "ties", "density",
            "reciprocity", "mutual_pairs", "isolates", "weak_components", "largest_weak_component",
            "strong_components", "largest_strong_component",
        ])
        for theme in summary.themes {
            let g = theme.graph
            themes.append([
                .text(theme.id), .text(theme.label), .text(theme.level.rawValue), .integer(g.nodes),
                .integer(theme.activePeople), .integer(theme.activeOrganisations), .integer(theme.respondentsNaming),
                .integer(g.ties), .number(g.density), .number(g.reciprocity), .integer(g.mutualPairs),
                .integer(g.isolates), .integer(g.weakComponents), .integer(g.largestWeakComponent),
                .integer(g.strongComponents), .integer(g.largestStrongComponent),
            ])
        }

        var response = CSVWriter(header: ["organisation", "people", "respondents", "response_rate"])
        for rate in network.responseRatesByOrganisation {
            response.append([.text(rate.group ?? ""), .integer(rate.people), .integer(rate.respondents), .number(rate.rate)])
        }

        var warnings = CSVWriter(header: ["severity", "code", "file", "line", "column", "column_name", "message", "value", "fix"])
        for d in network.warnings {
            warnings.append([
                .text(d.severity.rawValue), .text(d.code), .text(d.location?.file ?? ""),
                d.location?.line.map { .integer($0) } ?? .number(nil), d.location?.column.map { .integer($0) } ?? .number(nil),
                .text(d.location?.columnName ?? ""), .text(d.message), .text(d.value ?? ""), .text(d.fix ?? ""),
            ])
        }
        return [
            ("network.csv", networkTable.output), ("themes.csv", themes.output),
            ("response_rates.csv", response.output), ("warnings.csv", warnings.output),
        ]
    }

    // MARK: Text

    /// The summary as text for a terminal.
    public func text() -> String {
        let rate = network.responseRate
        let unitWord = network.unit == .people ? "people" : "organisations (organisation-level survey)"
        var out = "Survey: \(survey.file) (\(survey.layout.rawValue) layout, \(survey.rows) rows)\n"
        out += "Network: \(network.people.count) \(unitWord)"
        if network.unit == .people { out += " in \(network.organisations.count) organisations" }
        if network.themes.isEmpty {
            out += ", \(network.ties.count) ties (one relation, no themes)\n"
        } else {
            let pairs = summary.network.graph(.all).edgeCount
            out += ", \(network.ties.count) ties across \(network.themes.count) themes (\(pairs) distinct pairs)\n"
        }
        out += "Response: \(rate.respondents) of \(rate.people) answered (\(Self.percent(rate.rate)))\n"
        if summary.level == .organisations { out += "Level: organisations (ties between people aggregated to their organisations)\n" }
        out += "\n"

        var table = TextTable(header: [
            "theme", summary.level == .people && network.unit == .people ? "people" : "orgs", "active", "ties", "density", "reciprocity",
            "weak comp.", "largest", "strong comp.", "largest", "isolates",
        ])
        for theme in summary.themes {
            let g = theme.graph
            table.append([
                theme.id, String(g.nodes), String(g.activeNodes), String(g.ties), Self.decimal(g.density),
                g.reciprocity.map(Self.decimal) ?? "-", String(g.weakComponents), String(g.largestWeakComponent),
                String(g.strongComponents), String(g.largestStrongComponent), String(g.isolates),
            ])
        }
        out += table.rendered()

        let rates = network.responseRatesByOrganisation
        if network.unit == .people, !rates.isEmpty {
            out += "\nResponse by organisation\n"
            var byOrganisation = TextTable(header: ["organisation", "people", "answered", "rate"])
            for rate in rates.sorted(by: { ($0.rate, $0.group ?? "") < ($1.rate, $1.group ?? "") }) {
                byOrganisation.append([rate.group ?? "", String(rate.people), String(rate.respondents), Self.percent(rate.rate)])
            }
            out += byOrganisation.rendered()
        }
        out += Self.warningsText(network.warnings)
        return out
    }

    /// Warnings grouped by code, at most `limit` of each shown.
    public static func warningsText(_ warnings: [Diagnostic], limit: Int = 5) -> String {
        guard !warnings.isEmpty else { return "" }
        var out = "\nImport warnings (\(warnings.count))\n"
        var order: [String] = []
        var byCode: [String: [Diagnostic]] = [:]
        for warning in warnings {
            if byCode[warning.code] == nil { order.append(warning.code) }
            byCode[warning.code, default: []].append(warning)
        }
        for code in order {
            let group = byCode[code]!
            for warning in group.prefix(limit) { out += "  \(warning)\n" }
            if group.count > limit { out += "  ... and \(group.count - limit) more like this (\(code)); --format json lists them all\n" }
        }
        return out
    }

    static func decimal(_ value: Double) -> String { String(format: "%.3f", value) }
    static func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }
}
