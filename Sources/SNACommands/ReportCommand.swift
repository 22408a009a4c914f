import ArgumentParser
import Foundation
import SNAAssessments
import SNACore
import SNAIO
import SNAReports
import SNASpend

/// `snatool report`: one HTML file for a partnership board.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report for a partnership board: findings, maps, organisations, resilience, delivery chains.",
        discussion: """
            One file with everything inline (no network needed to view it), sortable tables, an \
            interactive map (search, filters, a panel per person with the findings that name them), \
            a print stylesheet. Above 2,000 people the report draws the organisation map only and \
            says so. --anonymise replaces people's names with stable pseudonyms everywhere, \
            maps included; organisations keep their names. Free text that may name anyone is left \
            out (the notes of --expected-links, workshop comments), and people's names in workshop \
            outcomes are replaced.
            """
    )

    @OptionGroup var input: SurveyOptions

    @OptionGroup var analysis: AnalysisArguments

    @Option(help: ArgumentHelp("Delivery chain workshop scores to include.", valueName: "file"))
    var dca: String?

    @Option(help: ArgumentHelp("A spend file (provider, service, amount; docs/spend.md): adds a section on where the money goes, with its bubble diagram, matched to the survey's organisations by name and --aliases.", valueName: "file"))
    var spend: String?

    @Flag(help: "Replace people's names with pseudonyms throughout (every node's name when the survey names no organisations).")
    var anonymise = false

    @Option(help: ArgumentHelp("With --anonymise: a secret key that gives the same pseudonyms in every report made with it (default: a random key for this report).", valueName: "key"))
    var pseudonymKey: String?

    @Option(help: ArgumentHelp("The report's title.", valueName: "text"))
    var title: String = "How the partnership works together"

    @Option(help: ArgumentHelp("The date printed on the report (default: today).", valueName: "text"))
    var date: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The report: a .html file.", valueName: "file"))
    var output: String

    func validate() throws {
        guard ["html", "htm"].contains(URL(fileURLWithPath: output).pathExtension.lowercased()) else {
            throw ValidationError("-o: '\(output)' must end in .html")
        }
        guard !NameKey.cleaned(title).isEmpty else { throw ValidationError("--title must not be empty") }
        if pseudonymKey != nil && !anonymise { throw ValidationError("--pseudonym-key goes with --anonymise") }
    }

    func run() throws {
        let survey = try input.load()
        // The warnings name people: an anonymised report's run says only how many.
        if anonymise, !survey.network.warnings.isEmpty {
            printError("snatool: \(survey.network.warnings.count) import warning\(survey.network.warnings.count == 1 ? "" : "s"); snatool analyse lists them")
        } else {
            printWarnings(survey.network.warnings)
        }
        var options = ReportOptions()
        options.title = title
        options.analysis = try analysis.options(for: survey, input: input)
        options.anonymise = anonymise
        options.pseudonymKey = pseudonymKey
        if anonymise {
            let naming = survey.network.anonymised().organisationsNamingPeople
            if !naming.isEmpty {
                printError("snatool: warning: organisations keep their names, and these contain a person's name: \(naming.joined(separator: "; "))")
            }
            if survey.network.unit == .organisations {
                printError("snatool: note: the survey names no organisations, so every node's name is replaced")
            }
        }
        options.date = date ?? todayInWords()
        if let dca {
            do throws(InputError) { options.dca = DCAScores(responses: try DCAResponseReader.read(path: dca)) } catch { throw report(error) }
        }
        if let spend { options.extraSections.append(try spendSection(spend, survey: survey)) }
        let document = PartnershipReport(network: survey.network, source: URL(fileURLWithPath: survey.file).lastPathComponent,
                                         layout: survey.format.map { "\($0.title) network" } ?? survey.layout.rawValue, rows: survey.rows, options: options)
        try writeFile(document.html, to: output, protecting: input.inputPaths + analysis.inputPaths + [dca, spend].compactMap { $0 })
    }

    /// The report's section on the money: totals, bubble diagram, tables and the join to the survey.
    func spendSection(_ path: String, survey: ImportedSurvey) throws -> ReportSection {
        let file: SpendFile
        do throws(InputError) { file = try SpendReader.read(path: path) } catch { throw report(error) }
        printWarnings(file.warnings)
        let summary = SpendSummary(file)
        var aliasTable: CSVTable?
        if let aliases = input.aliases {
            do throws(InputError) { aliasTable = try CSVReader.read(path: aliases) } catch { throw report(error) }
        }
        let join = SpendNetworkFindings(summary: summary, network: survey.network, survey: URL(fileURLWithPath: survey.file).lastPathComponent,
                                        aliases: aliasTable)
        let svg: Data
        do { svg = try BubbleDiagram(summary: summary).render(as: .svg) } catch {
            printError("snatool: error: \(error)")
            throw ExitStatus.internalError
        }
        return ReportSection(id: "spend", title: "Where the money goes", html: SpendOutput.section(summary, diagram: svg, findings: join))
    }
}
