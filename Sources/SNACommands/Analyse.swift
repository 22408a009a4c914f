import ArgumentParser
import Foundation
import SNACore
import SNAIO

/// `snatool analyse`: read a survey and report on the network.
struct Analyse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyse",
        abstract: "Summarise a partnership survey: people, organisations, ties and each theme's network.",
        discussion: """
            Prints, per theme and for all themes together: people, active people, ties, density, \
            reciprocity, weak and strong components, isolates; the response rate overall and per \
            organisation; and what the import noticed. Formats: text (a terminal table), json \
            (schema in docs/schema/analyse.schema.json), csv (the themes table). --out DIR also \
            writes every table as CSV.
            """,
        aliases: ["analyze"]
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @OptionGroup var input: SurveyOptions

    @Option(help: ArgumentHelp("One theme (its id or any accepted spelling) or 'all'. Default: every theme and all.", valueName: "theme"))
    var theme: String?

    @Option(help: "Analyse people, or organisations with their people's ties aggregated.")
    var level: AnalysisLevel = .people

    @Option(help: "Output format: text, json or csv.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Also write the tables as CSV files into this folder.", valueName: "dir"))
    var out: String?

    func run() throws {
        let survey = try input.load()
        let network = survey.network
        var selections: [ThemeSelection]?
        if let theme {
            if NameKey.label(theme) == Theme.allID {
                selections = [.all]
            } else if let index = network.themes.firstIndex(where: { network.themeSet.resolve(theme) == $0 }) {
                selections = [.theme(index)]
            } else {
                let available = (network.themes.map(\.id) + [Theme.allID]).joined(separator: ", ")
                throw usageFailure("--theme: '\(theme)' is not a theme of this survey; choose one of: \(available)")
            }
        }
        let summary = PartnershipSummary(network: network, level: level, selections: selections)
        let output = SummaryOutput(summary: summary, survey: survey, groupBy: input.groupBy)
        if let out {
            do throws(OutputError) { try AtomicWriter.write(files: output.csvTables(), into: out) } catch {
                printError(error.description)
                throw ExitStatus.cannotCreate
            }
        }
        switch format {
        case .text: print(output.text(), terminator: "")
        case .json: print(output.json().rendered(), terminator: "")
        case .csv: print(output.csvTables().first { $0.name == "themes.csv" }!.contents, terminator: "")
        }
        if format != .text, !network.warnings.isEmpty {
            printError("snatool: \(network.warnings.count) import warning\(network.warnings.count == 1 ? "" : "s"); run with --format text, or see the JSON's warnings, for details")
        }
    }
}
