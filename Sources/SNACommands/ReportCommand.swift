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
            says so. --anonymise replaces people's names with pseudonyms everywhere, maps \
            included (the same in every output made with one --pseudonym-key-file); organisations keep their names. Free text that may name anyone is left \
            out (the notes of --expected-links, workshop comments), and people's names in workshop \
            outcomes are replaced.
            """
    )

    @OptionGroup var input: SurveyOptions

    @OptionGroup var analysis: AnalysisArguments

    @Option(help: ArgumentHelp("Delivery chain workshop scores to include.", valueName: "file"))
    var dca: String?

    @Option(name: .customLong("assessment"), help: ArgumentHelp("An assessment to include, as INSTRUMENT=SHEET: a bundled instrument's id (cipfa-alps, decommissioning, aligning-pooling-terms, lsp-layer-reporting, lsp-support-review) or an instrument file, and its response sheet, as 'snatool assess' reads them. Repeatable.", valueName: "id=file"))
    var assessments: [String] = []

    @Option(help: ArgumentHelp("A spend file (provider, service, amount; docs/spend.md): adds a section on where the money goes, with its bubble diagram, matched to the survey's organisations by name and --aliases.", valueName: "file"))
    var spend: String?

    @OptionGroup(title: "Pseudonyms (docs/anonymisation.md)") var privacy: AnonymiseOptions

    @Option(help: ArgumentHelp("The previous wave of the survey: adds a 'What changed' section (as snatool compare) with the maps of all themes before and after, side by side and in the same places.", valueName: "survey"))
    var previous: String?

    @Option(help: ArgumentHelp("With --previous: the previous wave's people file.", valueName: "file"))
    var previousPeople: String?

    @Option(help: ArgumentHelp("With --previous: the previous wave's aliases file (give --aliases' file again when one serves both).", valueName: "file"))
    var previousAliases: String?

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
        if previous == nil && (previousPeople != nil || previousAliases != nil) {
            throw ValidationError("--previous-people and --previous-aliases go with --previous")
        }
        for given in assessments where given.split(separator: "=", maxSplits: 1).count != 2 {
            throw ValidationError("--assessment: '\(given)' must be INSTRUMENT=SHEET, e.g. cipfa-alps=cipfa-responses.csv")
        }
        if !assessments.isEmpty && privacy.anonymise {
            throw ValidationError("--assessment: assessment results name their respondents and quote their comments, which --anonymise cannot hide; leave the assessments out of an anonymised report")
        }
    }

    func run() throws {
        let pseudonymiser = try privacy.pseudonymiser()
        let survey = try input.load()
        var options = ReportOptions()
        options.title = title
        options.analysis = try analysis.options(for: survey, input: input)
        options.anonymise = pseudonymiser != nil
        options.pseudonymiser = pseudonymiser
        if let pseudonymiser {
            try privacy.refuseIdentifying(options.analysis.grouping)
            // The report anonymises the network itself; this says what it cannot hide (the warnings name people: only counted).
            _ = try privacy.anonymised(survey, with: pseudonymiser)
            if survey.network.unit == .organisations {
                printError("snatool: note: the survey names no organisations, so every node's name is replaced")
            }
        } else {
            printWarnings(PartnershipAnalysis.warnings(of: survey.network, options: options.analysis))
        }
        if let previous {
            var importOptions = try input.reading.importOptions()
            importOptions.peoplePath = previousPeople
            importOptions.aliasesPath = previousAliases
            let earlier = try SurveyReadingOptions.load(previous, options: importOptions)
            if let pseudonymiser {
                _ = try privacy.anonymised(earlier, with: pseudonymiser, label: previous)
            } else {
                printWarnings(earlier.network.warnings)
            }
            options.previous = PreviousWave(network: earlier.network, source: previous)
        }
        options.date = date ?? todayInWords()
        if let dca {
            do throws(InputError) {
                let responses = try DCAResponseReader.read(path: dca)
                options.dca = DCAScores(responses: responses)
                // Organisations only: they keep their names in an anonymised report.
                options.dcaNetwork = DCANetwork(responses: responses, network: survey.network)
            } catch { throw report(error) }
        }
        for (index, given) in assessments.enumerated() { options.extraSections.append(try assessmentSection(given, index: index)) }
        if let spend { options.extraSections.append(try spendSection(spend, survey: survey)) }
        let document: PartnershipReport
        do throws(PseudonymError) {
            document = try PartnershipReport(network: survey.network, source: URL(fileURLWithPath: survey.file).lastPathComponent,
                                             layout: survey.format.map { "\($0.title) network" } ?? survey.layout.rawValue, rows: survey.rows,
                                             options: options)
        } catch {
            printError("snatool: error: \(error)")
            throw ExitStatus.badData
        }
        try writeFile(document.html, to: output, protecting: input.inputPaths + analysis.inputPaths + privacy.inputPaths
                      + [dca, spend, previous, previousPeople, previousAliases].compactMap { $0 }
                      + assessments.compactMap { $0.split(separator: "=", maxSplits: 1).last.map(String.init) })
    }

    /// The report's section for `--assessment INSTRUMENT=SHEET`: the result as `assess --format html` gives it.
    func assessmentSection(_ given: String, index: Int) throws -> ReportSection {
        let parts = given.split(separator: "=", maxSplits: 1).map(String.init)
        let instrument = try loadInstrument(parts[0])
        let assessment: Assessment
        var byOrganisation: AssessmentByOrganisation?
        do throws(InputError) {
            let table = try CSVReader.read(path: parts[1])
            assessment = try Assessment(instrument: instrument, responses: try AssessmentResponseReader.read(table, instrument: instrument))
            byOrganisation = try AssessmentByOrganisation(instrument: instrument, table: table)
        } catch {
            throw report(error)
        }
        for warning in assessment.warnings { printError(warning.description(naming: .commandLine)) }
        guard let html = AssessmentOutput(assessment: assessment, date: date ?? todayInWords()).htmlSection() else {
            throw usageFailure("--assessment: the delivery chain's scores go in with --dca")
        }
        return ReportSection(id: "assessment-\(index + 1)", title: instrument.title,
                             html: html + (byOrganisation.map { "<h3>By local body</h3>" + $0.htmlSection() } ?? ""))
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
