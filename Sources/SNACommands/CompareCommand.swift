import ArgumentParser
import Foundation
import SNACore
import SNAIO
import SNAReports

/// `snatool compare BEFORE AFTER`: what changed between two waves of a partnership survey.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two waves of a partnership survey: ties gained and lost, who joined and left, gatekeepers resolved and new, weak links closed and opened.",
        discussion: """
            Each wave is read as `analyse` reads a survey, with its own people and aliases files \
            (--before-people, --after-people, --before-aliases, --after-aliases); people and \
            organisations are matched across the waves by name after each wave's aliases, with the \
            same rules as within one survey, and names in one wave only that are close to a name in \
            the other are warned about. For each theme and all themes: ties gained and lost, who \
            joined and left the theme, organisations that joined or left it, density, reciprocity, \
            components, gatekeepers resolved (their departure no longer cuts anyone off), new and \
            remaining, weak links closed and opened, bridges gone and new, and the ties between \
            organisations that changed; for the survey: who joined, left, stopped or started \
            answering, and the response rates. Every finding counts (--findings-per-kind does not apply). \
            Text, JSON (docs/output.md, docs/schema/compare.schema.json), CSV (one row per change) or a \
            self-contained HTML page; docs/compare.md.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, html }

    @Argument(help: "The earlier survey wave (CSV or .xlsx, long or wide, as analyse reads).")
    var before: String

    @Argument(help: "The later survey wave.")
    var after: String

    @Option(help: ArgumentHelp("The people file of the earlier wave.", valueName: "file"))
    var beforePeople: String?

    @Option(help: ArgumentHelp("The people file of the later wave.", valueName: "file"))
    var afterPeople: String?

    @Option(help: ArgumentHelp("The aliases file (alias,name) of the earlier wave; give the same file twice when one serves both.", valueName: "file"))
    var beforeAliases: String?

    @Option(help: ArgumentHelp("The aliases file of the later wave.", valueName: "file"))
    var afterAliases: String?

    @Option(help: ArgumentHelp("What groups the nodes for brokerage and findings: organisation, layer, or any attribute of both waves.", valueName: "attribute"))
    var groupBy: String = "organisation"

    @Option(help: ArgumentHelp("Force both waves' layout instead of detecting it: long or wide.", valueName: "layout"))
    var layout: SurveyLayout?

    @Option(help: ArgumentHelp("Declare the surveys' own themes instead of the seven standard ones (as analyse --themes).", valueName: "list"))
    var themes: String?

    @Option(help: ArgumentHelp("Read ratings of each named tie in both waves (as analyse --ratings); a wave without rating columns has none.", valueName: "list"))
    var ratings: String?

    @Option(help: ArgumentHelp("The most threads to compute with (default: all cores).", valueName: "n"))
    var threads: Int?

    @OptionGroup var analysis: AnalysisArguments

    @OptionGroup(title: "Pseudonyms (docs/anonymisation.md)") var privacy: AnonymiseOptions

    @Option(help: "Output format: text, json, csv or html.")
    var format: Format = .text

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: "Text: the most names listed per change (JSON, CSV and HTML list all).")
    var limit: Int = 20

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must not be negative") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if analysis.thresholds.findingsPerKind != FindingThresholds().maximumPerKind {
            throw ValidationError("--findings-per-kind does not apply to compare, which keeps every finding so that none is missing from one wave only")
        }
    }

    /// The import options of one wave.
    func importOptions(people: String?, aliases: String?) throws -> SurveyImportOptions {
        let themeSet = try SurveyReadingOptions.themeSet(declared: themes)
        return SurveyImportOptions(layout: layout, themes: themeSet, peoplePath: people, aliasesPath: aliases,
                                   ratings: try SurveyReadingOptions.ratingSet(declared: ratings))
    }

    /// One wave read and analysed with every finding kept.
    func analysed(_ path: String, people: String?, aliases: String?) throws -> (survey: ImportedSurvey, analysis: PartnershipAnalysis) {
        let survey = try SurveyReadingOptions.load(path, options: try importOptions(people: people, aliases: aliases))
        let selections = try analysis.theme.map { [try resolveTheme($0, in: survey.network, file: path)] }
        var options = try analysis.options(for: survey, groupBy: groupBy, threads: threads, selections: selections)
        options.thresholds.maximumPerKind = .max
        return (survey, PartnershipAnalysis(network: survey.network, options: options))
    }

    var inputPaths: [String] {
        [before, after] + [beforePeople, afterPeople, beforeAliases, afterAliases].compactMap { $0 } + analysis.inputPaths + privacy.inputPaths
    }

    func run() throws {
        let pseudonymiser = try privacy.pseudonymiser()
        let earlier = try analysed(before, people: beforePeople, aliases: beforeAliases)
        let later = try analysed(after, people: afterPeople, aliases: afterAliases)
        var comparison = WaveComparison(before: earlier.analysis, after: later.analysis)
        if let pseudonymiser {
            // One key for both waves: everyone in both gets one code. The comparison is made on the names, then renamed.
            let first = try privacy.anonymised(earlier.survey, with: pseudonymiser, label: before).anonymised
            let second = try privacy.anonymised(later.survey, with: pseudonymiser, label: after).anonymised
            let pseudonyms = first.pseudonyms.merging(second.pseudonyms) { _, later in later }
            comparison = comparison.renamed { pseudonyms[$0] ?? $0 }
        } else {
            printWarnings(earlier.analysis.warnings)
            printWarnings(later.analysis.warnings)
        }
        let result = WaveComparisonOutput(comparison, beforeFile: before, afterFile: after)
        let text: String
        switch format {
        case .text: text = result.text(limit: limit)
        case .json: text = result.json().rendered()
        case .csv: text = result.csv()
        case .html: text = ComparisonPage.html(result)
        }
        if format != .text, output == nil || output == "-" {
            for warning in result.warnings { printError("snatool: warning: \(warning)") }
        }
        try emit(text, to: output, protecting: inputPaths)
    }
}
