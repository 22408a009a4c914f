import ArgumentParser
import Foundation
import SNACore
import SNAIO
import SNAMaps
import SNASpend

/// `snatool spend`: where the area's public money goes, by provider and service.
struct SpendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spend",
        abstract: "Map the money: public spending in the area by provider and service, as tables and a bubble diagram.",
        discussion: """
            SPEND is a CSV (or .xlsx) with one row per amount: provider, service and amount, and \
            optionally sector, programme, customer group, year, kind (revenue or capital) and \
            funding (mainstream or partnership, such as area based grant). Amounts may be written \
            as people write them: 140000000, £1,272m, 1.3bn, £2.5 million, (2.5) for a negative; \
            a unit in the header (amount (£m)) applies to bare numbers. A row whose provider or \
            service is Total is checked against its rows. -o chooses the output by extension: \
            .svg, .png, .pdf (the bubble diagram: one bubble per provider, area in proportion to \
            spending), .dot, .html (tables and diagram), .json, .csv, .txt. With --survey the \
            providers are matched to the survey's organisations and the share of spending held \
            by partners absent from strategy and decision-making is reported (docs/spend.md).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, html }

    @Argument(help: "The spend file, CSV or .xlsx: one row per amount (provider, service, amount ...).")
    var spend: String

    @Option(help: "Output format on standard output: text, json, csv or html (-o FILE chooses by its extension).")
    var format: Format = .text

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The output file: .svg, .png, .pdf or .dot (bubble diagram), .html, .json, .csv or .txt.", valueName: "file"))
    var output: String?

    @Option(name: [.customLong("colour-by"), .customLong("color-by")], help: "What colours the bubbles: funding (mainstream or partnership, a bubble for each; the default when the file has partnership money), sector (the default when the file gives sectors), service (each provider's largest) or none.")
    var colourBy: BubbleColouring?

    @Option(help: ArgumentHelp("The diagram's title (default: Public spending by provider, and the years).", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("A partnership survey to join the money to: providers matched to its organisations by name and --aliases.", valueName: "survey"))
    var survey: String?

    /// How to read the survey given with --survey: the same options as every survey command.
    @OptionGroup(title: "Reading the survey (with --survey)") var reading: SurveyReadingOptions

    func validate() throws {
        if survey == nil, reading.anyGiven {
            throw ValidationError("--people, --aliases, --layout, --header-rows, --columns, --sheet and --themes go with --survey")
        }
        if let output, Self.kind(of: output) == nil {
            throw ValidationError("-o: '\(output)' must end in .svg, .png, .pdf, .dot, .html, .json, .csv or .txt")
        }
    }

    /// What an output path's extension asks for.
    static func kind(of path: String) -> String? {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        if path == "-" { return "text" }
        return ["svg", "png", "pdf", "dot", "html", "htm", "json", "csv", "txt"].contains(ext) ? ext : nil
    }

    var inputPaths: [String] { [spend] + [survey].compactMap { $0 } + reading.inputPaths }

    func run() throws {
        let file: SpendFile
        do throws(InputError) { file = try SpendReader.read(path: spend) } catch { throw report(error) }
        let summary = SpendSummary(file)
        let findings = try joinSurvey(summary)
        let kind = output.flatMap(Self.kind(of:)) ?? format.rawValue
        if kind != "text" && kind != "txt" { printWarnings(summary.warnings) }
        func diagram(_ format: RenderFormat) throws -> Data {
            let bubbles = BubbleDiagram(summary: summary, colouring: colourBy, title: title)
            do { return try bubbles.render(as: format) } catch {
                printError("snatool: error: \(error)")
                throw ExitStatus.internalError
            }
        }
        switch kind {
        case "svg", "png", "pdf", "dot":
            try writeFile(try diagram(RenderFormat(rawValue: kind)!), to: output!, protecting: inputPaths)
        case "html", "htm":
            try emit(SpendOutput.html(summary, diagram: try diagram(.svg), findings: findings), to: output, protecting: inputPaths)
        case "json":
            try emit(SpendOutput.json(summary, findings: findings), to: output, protecting: inputPaths)
        case "csv":
            try emit(SpendOutput.csv(summary), to: output, protecting: inputPaths)
        default:
            try emit(SpendOutput.text(summary, findings: findings), to: output, protecting: inputPaths)
        }
    }

    /// Reads the survey, when given, through the same options as every survey command, and joins it.
    func joinSurvey(_ summary: SpendSummary) throws -> SpendNetworkFindings? {
        guard let survey else { return nil }
        let imported = try reading.load(survey)
        printWarnings(imported.network.warnings)
        var aliasTable: CSVTable?
        if let aliases = reading.aliases {
            do throws(InputError) { aliasTable = try CSVReader.read(path: aliases) } catch { throw report(error) }
        }
        return SpendNetworkFindings(summary: summary, network: imported.network, survey: URL(fileURLWithPath: imported.file).lastPathComponent,
                                    aliases: aliasTable)
    }
}

extension BubbleColouring: ExpressibleByArgument {}
