import ArgumentParser
import Foundation
import SNACore
import SNAIO

/// Exit statuses from sysexits.h, as documented in `snatool --help`.
enum ExitStatus {
    static let usage = ExitCode(64)
    static let badData = ExitCode(65)
    static let missingInput = ExitCode(66)
    static let internalError = ExitCode(70)
    static let cannotCreate = ExitCode(73)
}

/// Writes to standard error, without control characters from any input
/// (``TerminalText``). A closed or full standard error loses the message but
/// never stops the run: the exit status still says what happened.
func printError(_ text: String) {
    let line = Data(TerminalText.printable(text.hasSuffix("\n") ? text : text + "\n").utf8)
    try? DescriptorWriter.write(line, to: STDERR_FILENO, name: "standard error")
}

/// Prints an input error's problems, one per line, and returns the exit status to use.
func report(_ error: InputError) -> ExitCode {
    let errors = error.errors
    let shown = errors.isEmpty ? error.diagnostics : errors
    for diagnostic in shown.prefix(50) { printError(diagnostic.description(naming: .commandLine)) }
    if shown.count > 50 { printError("... and \(shown.count - 50) more errors") }
    let stoppedEarly = errors.contains { $0.code == "csv.stopped" }
    let count = errors.filter { $0.code != "csv.stopped" }.count
    if count > 1 { printError("snatool: \(stoppedEarly ? "at least " : "")\(count) problems found; nothing was written") }
    switch error.kind {
    case .missingInput: return ExitStatus.missingInput
    case .badData: return ExitStatus.badData
    case .usage: return ExitStatus.usage
    }
}

/// Prints import warnings on standard error, grouped as in the text output,
/// for the paths whose standard output is data (JSON, CSV, a file).
func printWarnings(_ warnings: [Diagnostic]) {
    guard !warnings.isEmpty else { return }
    printError(AnalysisOutput.warningsText(warnings, naming: .commandLine).trimmingCharacters(in: .newlines))
}

/// Prints a usage problem and returns the usage exit status.
func usageFailure(_ message: String) -> ExitCode {
    printError("snatool: error: \(message)")
    return ExitStatus.usage
}

/// Options every command that reads a survey shares: the survey, how to
/// read it, the grouping and the threads.
@dynamicMemberLookup
struct SurveyOptions: ParsableArguments {
    @Argument(help: "The survey, CSV or .xlsx: one row per tie (long), one row per respondent (wide), or a Microsoft Forms, Google Forms, SurveyMonkey or Qualtrics export as downloaded; or a network file of another tool, told by its content: GraphML, GEXF, Pajek, UCINET DL, node-link JSON or a Gephi edges CSV (docs/interchange.md).")
    var survey: String

    @OptionGroup var reading: SurveyReadingOptions

    @Option(help: ArgumentHelp("What groups the nodes for brokerage and findings: organisation (or org), layer, or any attribute of the survey or people file.", valueName: "attribute"))
    var groupBy: String = "organisation"

    @Option(help: ArgumentHelp("The most threads to compute with (default: all cores); results are the same with any number.", valueName: "n"))
    var threads: Int?

    /// How to read the survey: `input.people`, `input.aliases` ...
    subscript<Value>(dynamicMember keyPath: KeyPath<SurveyReadingOptions, Value>) -> Value { reading[keyPath: keyPath] }

    /// Reads the survey, or prints why it cannot and throws the exit status.
    func load() throws -> ImportedSurvey {
        if let threads, threads < 1 { throw usageFailure("--threads must be at least 1") }
        return try reading.load(survey)
    }

    /// The input files, which output must never overwrite.
    var inputPaths: [String] { [survey] + reading.inputPaths }
}

/// How to read a survey file: the people, alias and column files, the
/// layout, header rows, sheet and themes. `spend --survey` takes these too.
struct SurveyReadingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A CSV of people: an id column plus attributes (organisation, layer, sector, role ...).", valueName: "file"))
    var people: String?

    @Option(help: ArgumentHelp("A CSV with columns alias,name mapping variant spellings to one name.", valueName: "file"))
    var aliases: String?

    @Option(help: ArgumentHelp("A CSV of organisations: a name column, a type (e.g. Primary care trust, Police authority; --partnership matches it to the statute's kinds) and any other attributes, set on the survey's organisations.", valueName: "file"))
    var organisations: String?

    @Option(help: ArgumentHelp("Force the survey layout instead of detecting it: long or wide.", valueName: "layout"))
    var layout: SurveyLayout?

    @Option(help: ArgumentHelp("Rows at the top of the survey that form its header, when the export's shape does not tell (Qualtrics and SurveyMonkey exports are recognised); the extra rows are skipped.", valueName: "n"))
    var headerRows: Int?

    @Option(help: ArgumentHelp("A CSV saying what each survey column holds (column,role: respondent, organisation, layer, a theme, attribute or ignore), for question wording no rule catches; 'snatool survey inspect SURVEY -o FILE' writes a starting one.", valueName: "file"))
    var columns: String?

    @Option(help: ArgumentHelp("The worksheet of an .xlsx survey to read (default: the first).", valueName: "name"))
    var sheet: String?

    @Option(help: ArgumentHelp(
        "Declare the survey's own themes instead of the seven standard ones: comma-separated ids, each optionally with spellings, e.g. 'referrals=referral|refer,funding'.",
        valueName: "list"))
    var themes: String?

    @Option(help: ArgumentHelp(
        "Read ratings of each named tie: the preset 'partnership-trust-value' (trust: openness, reliability, shared mission; value: power and influence, resources, involvement; each 1-4), or comma-separated items, each with an optional scale and spellings, e.g. 'trust:1-4,frequency:1-7=how often'. Default scale 1-5.",
        valueName: "list"))
    var ratings: String?

    /// Whether any of these options was given.
    var anyGiven: Bool { [people, aliases, organisations, layout?.rawValue, headerRows.map(String.init), columns, sheet, themes, ratings].contains { $0 != nil } }

    /// The import options the flags give, or a usage error (printed) as the exit status.
    func importOptions() throws -> SurveyImportOptions {
        let themeSet = try Self.themeSet(declared: themes)
        if let headerRows, headerRows < 1 { throw usageFailure("--header-rows must be at least 1") }
        return SurveyImportOptions(layout: layout, themes: themeSet, peoplePath: people, aliasesPath: aliases, headerRows: headerRows,
                                   columnsPath: columns, sheet: sheet, ratings: try Self.ratingSet(declared: ratings))
    }

    /// The rating items `--ratings` declares, or none; a usage error (printed) when the list is wrong.
    static func ratingSet(declared ratings: String?) throws -> RatingSet {
        guard let ratings else { return .none }
        do throws(RatingSetError) { return try RatingSet.parse(declaration: ratings) } catch {
            throw usageFailure("--ratings: \(error)")
        }
    }

    /// The themes `--themes` declares, or the seven standard ones; a usage error (printed) when the list is wrong.
    static func themeSet(declared themes: String?) throws -> ThemeSet {
        guard let themes else { return .standard }
        do throws(ThemeSetError) { return try ThemeSet.parse(declaration: themes) } catch {
            throw usageFailure("--themes: \(error)")
        }
    }

    /// Reads the survey at `path`, or prints why it cannot and throws the exit status.
    func load(_ path: String) throws -> ImportedSurvey {
        var survey = try Self.load(path, options: try importOptions())
        if let organisations {
            do throws(InputError) {
                try OrganisationsFileReader.apply(path: organisations, to: &survey)
            } catch {
                throw report(error)
            }
        }
        return survey
    }

    /// Reads the survey at `path` with `options`, or prints why it cannot and
    /// throws the exit status; prints how the file was read.
    static func load(_ path: String, options: SurveyImportOptions) throws -> ImportedSurvey {
        let survey: ImportedSurvey
        do throws(InputError) { survey = try SurveyImporter.load(path: path, options: options) } catch {
            throw report(error)
        }
        for note in SurveyReadingOutput.notes(survey.reading, file: survey.file) { printError(note) }
        return survey
    }

    /// The input files besides the survey, which output must never overwrite.
    var inputPaths: [String] { [people, aliases, organisations, columns].compactMap { $0 } }
}

/// Today's date as printed on plans and reports, e.g. "21 November 2026".
func todayInWords() -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_GB")
    formatter.dateFormat = "d MMMM yyyy"
    return formatter.string(from: Date())
}

extension SurveyLayout: ExpressibleByArgument {}
extension AnalysisLevel: ExpressibleByArgument {}
