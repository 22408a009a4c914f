import ArgumentParser
import Foundation
import SNACore
import SNAIO
import SNAMaps

/// `snatool analyse`: read a survey and report on the network.
struct Analyse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyse",
        abstract: "Analyse a partnership survey: findings, metrics per person, organisation, tie and theme.",
        discussion: """
            Prints findings in plain English first (gatekeepers, weak links between partners, \
            bridges, organisations absent from a theme, isolated people, the governance layers; with \
            --partnership, the statutory partners missing, absent from strategy or decision-making \
            or not answering), then each theme's \
            network figures, the top people per metric, the organisations and the response rate. \
            --format json gives every metric of every person, organisation and tie (schema: \
            docs/schema/analyse.schema.json); --out DIR writes the same as CSV tables. \
            Metric conventions: docs/metrics.md; finding rules and thresholds: docs/findings.md.
            """,
        aliases: ["analyze"]
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @OptionGroup var input: SurveyOptions

    @OptionGroup var analysis: AnalysisArguments

    @OptionGroup(title: "Pseudonyms (docs/anonymisation.md)") var privacy: AnonymiseOptions

    @Option(help: "Output format: text, json or csv (the themes table).")
    var format: Format = .text

    @Option(help: ArgumentHelp("Also write every table as CSV files into this folder.", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Also draw maps into this folder: one SVG per theme, all themes, and the organisation level.", valueName: "dir"))
    var maps: String?

    @Option(help: ArgumentHelp("Compute only these node metrics, comma-separated: \(NodeMetric.allCases.map(\.rawValue).joined(separator: ", ")). Skips findings and the organisation view; for one figure from a large network.", valueName: "list"))
    var metrics: String?

    @Option(help: ArgumentHelp("weighted-betweenness: a tie's length is its weight, as igraph and networkx read weights (weight, the default), or 1/weight, so that stronger ties and ties in more themes are shorter (inverse).", valueName: "weight|inverse"))
    var tieLength: WeightedBetweenness.Length?

    @Option(help: ArgumentHelp("With --metrics betweenness or weighted-betweenness: estimate by sampling shortest paths (Riondato-Kornaropoulos) so that every betweenness_normalised is within EPSILON (0 < EPSILON < 1) of the exact value with probability at least 1 - delta. For very large networks; docs/metrics.md.", valueName: "epsilon"))
    var approx: Double?

    @Option(help: ArgumentHelp("With --approx: the probability (0 < delta < 1) that some value misses the bound.", valueName: "delta"))
    var delta: Double = 0.1

    @Option(help: ArgumentHelp("With --approx: the random seed; the same seed gives the same estimate.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(help: "Text: how many people to list per metric.")
    var top: Int = 5

    func validate() throws {
        guard top >= 0 else { throw ValidationError("--top must not be negative") }
        let wanted = try selectedMetrics()
        if metrics != nil && (maps != nil || analysis.expectedLinks != nil) {
            throw ValidationError("--metrics computes node metrics only; it cannot be combined with --maps or --expected-links")
        }
        if tieLength != nil && wanted?.contains(.weightedBetweenness) != true {
            throw ValidationError("--tie-length applies to weighted betweenness only: add --metrics weighted-betweenness")
        }
        if let approx {
            do throws(ApproximateBetweenness.ParameterError) { _ = try approximation(epsilon: approx) } catch {
                switch error {
                case .epsilon: throw ValidationError("--approx: \(error)")
                case .delta: throw ValidationError("--delta: \(error)")
                }
            }
            guard let wanted, !wanted.isDisjoint(with: [.betweenness, .weightedBetweenness]) else {
                throw ValidationError("--approx estimates betweenness only: add --metrics betweenness (or weighted-betweenness)")
            }
        }
    }

    /// The sampling parameters of `--approx`, `--delta` and `--seed`.
    func approximation(epsilon: Double) throws(ApproximateBetweenness.ParameterError) -> ApproximateBetweenness.Parameters {
        try ApproximateBetweenness.Parameters(epsilon: epsilon, delta: delta, seed: seed)
    }

    /// The metrics `--metrics` names, or `nil` for all.
    func selectedMetrics() throws -> Set<NodeMetric>? {
        guard let metrics else { return nil }
        var result = Set<NodeMetric>()
        for part in metrics.split(separator: ",") {
            let key = NameKey.label(part).replacingOccurrences(of: " ", with: "-")
            guard let metric = NodeMetric(rawValue: key) ?? NodeMetric.allCases.first(where: { $0.columns.contains(key.replacingOccurrences(of: "-", with: "_")) }) else {
                throw ValidationError("--metrics: '\(part)' is not one of \(NodeMetric.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            result.insert(metric)
        }
        guard !result.isEmpty else { throw ValidationError("--metrics: name at least one metric") }
        return result
    }

    func run() throws {
        let pseudonymiser = try privacy.pseudonymiser()
        let original = try input.load()
        let (survey, options, _) = try privacy.applied(to: original, options: try analysis.options(for: original, input: input), with: pseudonymiser)
        let network = survey.network
        if let wanted = try selectedMetrics() {
            try runSelected(wanted, survey: survey, options: options)
            return
        }
        let analysis = PartnershipAnalysis(network: network, options: options)
        var output = AnalysisOutput(analysis: analysis, survey: survey)
        output.inputNaming = .commandLine
        // Tables and maps are made in full before any is moved into place, so a failure leaves the old ones whole.
        var folders: [OutputFolder] = []
        if let out { folders.append(OutputFolder(path: out, texts: output.csvTables())) }
        if let maps { folders.append(OutputFolder(path: maps, files: try renderMaps(analysis: analysis, survey: survey))) }
        if !folders.isEmpty { try writeFolders(folders, protecting: input.inputPaths + self.analysis.inputPaths + privacy.inputPaths) }
        switch format {
        case .text: try writeStandardOutput(output.text(top: top))
        case .json: try output.writeJSON { try writeStandardOutput(json: $0) }
        case .csv: try writeStandardOutput(output.csvTables().first { $0.name == "themes.csv" }!.contents)
        }
        reportWarnings(analysis.warnings)
    }
}

extension Analyse {
    /// `--metrics`: only the node metrics asked for, per selection, on the
    /// graphs and groups the full analysis of the same options uses.
    func runSelected(_ wanted: Set<NodeMetric>, survey: ImportedSurvey, options: AnalysisOptions) throws {
        let network = survey.network
        let level = options.level
        let names = network.nodeNames(level: level)
        let groups = network.groups(by: options.grouping, level: level).ofNode
        var rows: [(theme: String, metrics: SelectedMetrics)] = []
        let approximation = try approx.map { try self.approximation(epsilon: $0) }
        for selection in options.selections ?? network.selections {
            let graph = network.graph(selection, level: level, symmetrisation: options.symmetrisation)
            do throws(WeightedBetweenness.InvalidLength) {
                let metrics = try Parallel.withThreads(options.threads) { () throws(WeightedBetweenness.InvalidLength) -> SelectedMetrics in
                    try graph.selectedMetrics(wanted, groups: groups, tieLength: tieLength ?? .weight, approximation: approximation)
                }
                rows.append((network.id(of: selection), metrics))
            } catch {
                let lengths = tieLength ?? .weight
                printError("snatool: error: weighted-betweenness in '\(network.id(of: selection))': the tie '\(names[error.source])' -> '\(names[error.target])' has weight \(String(format: "%g", error.weight)), which cannot be a length"
                           + (lengths == .weight ? "; with --tie-length weight every weight must be positive (use --tie-length inverse, where a weight of 0 means no path)" : ""))
                throw ExitStatus.badData
            }
        }
        let warnings = PartnershipAnalysis.warnings(of: network, options: options)
        var output = SelectedMetricsOutput(names: names, rows: rows, metrics: wanted, warnings: warnings, reading: survey.reading)
        output.inputNaming = .commandLine
        if let out { try writeFolders([OutputFolder(path: out, texts: [("people.csv", output.csv())])], protecting: input.inputPaths + privacy.inputPaths) }
        switch format {
        case .json: try writeStandardOutput(output.json().rendered())
        case .csv: try writeStandardOutput(output.csv())
        case .text: try writeStandardOutput(output.text(top: top))
        }
        reportWarnings(warnings)
    }

    /// With JSON or CSV on standard output, the import warnings go to standard
    /// error: in full for CSV, as a count for JSON (whose `warnings` holds them).
    func reportWarnings(_ warnings: [Diagnostic]) {
        guard !warnings.isEmpty else { return }
        switch format {
        case .text: break
        case .csv: printWarnings(warnings)
        case .json:
            printError("snatool: \(warnings.count) import warning\(warnings.count == 1 ? "" : "s"), listed in the JSON's warnings")
        }
    }

    /// One SVG per analysed theme (and `all`), and the organisation-level map.
    func renderMaps(analysis: PartnershipAnalysis, survey: ImportedSurvey) throws -> [(name: String, contents: Data)] {
        let source = URL(fileURLWithPath: survey.file).lastPathComponent
        let network = analysis.network
        // The one analysis serves every theme's map: each marks its theme's own findings.
        var files: [(name: String, contents: Data)] = []
        for selection in analysis.selections {
            var options = MapOptions()
            options.omitIsolates = true
            options.selection = selection.selection
            options.level = analysis.options.level
            files.append(("\(selection.id).svg", try renderMap(analysis: analysis, options: options, source: source, format: .svg)))
        }
        if analysis.nodesArePeople {
            var options = MapOptions()
            options.omitIsolates = true
            options.level = .organisations
            let organisations = PartnershipAnalysis(network: network, options: analysis.options.atOrganisationLevel)
            files.append(("organisations.svg", try renderMap(analysis: organisations, options: options, source: source, format: .svg)))
        }
        return files
    }
}

extension WeightedBetweenness.Length: ExpressibleByArgument {}
