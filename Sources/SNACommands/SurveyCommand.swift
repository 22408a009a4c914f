import ArgumentParser
import Foundation
import SNACore
import SNAIO

/// `snatool survey`: look at how a survey export is read.
struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey",
        abstract: "Look at how a survey export is read: its platform and what each column holds.",
        subcommands: [Inspect.self]
    )

    /// `snatool survey inspect EXPORT [-o columns.csv]`.
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the platform recognised and what each column was taken as; write them as a --columns file to correct and pass back.",
            discussion: """
                Prints one line per column: its number, its header (the question's text), \
                the role or theme it was taken as and the rule that decided it. With -o FILE, \
                writes the same as a CSV (column,header,role,found_by) that --columns reads: \
                change a role (respondent, organisation, layer, a theme, attribute or ignore) \
                and run analyse again with --columns FILE. Problems that stop the survey being \
                read are listed too, and the file is still written, so it can fix them.
                """)

        @OptionGroup var input: SurveyOptions

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the columns as a --columns file here ('-' for standard output).", valueName: "file"))
        var output: String?

        func run() throws {
            // Only the header is read: the people and alias files play no part.
            var options = try input.reading.importOptions()
            options.peoplePath = nil
            options.aliasesPath = nil
            let inspection: SurveyInspection
            do throws(InputError) { inspection = try SurveyImporter.inspect(path: input.survey, options: options) } catch {
                throw report(error)
            }
            var text = ""
            if let platform = inspection.reading.platform {
                text += "\(input.survey): a \(platform.title) export, \(inspection.reading.headerRows) header row\(inspection.reading.headerRows == 1 ? "" : "s")\n"
            } else {
                text += "\(input.survey): a plain survey file, \(inspection.reading.headerRows) header row\(inspection.reading.headerRows == 1 ? "" : "s")\n"
            }
            if let layout = inspection.layout { text += "layout: \(layout.rawValue)\n" }
            var table = TextTable(header: ["column", "header", "role", "found by"], alignments: [.right, .left, .left, .left])
            for column in inspection.reading.columns {
                table.append([String(column.column), Diagnostic.printable(column.header, limit: 70), column.role.fileName,
                              column.reason.summary])
            }
            text += table.rendered()
            if !inspection.problems.isEmpty {
                text += "\nProblems (\(inspection.problems.count))\n"
                for problem in inspection.problems { text += "  \(problem)\n" }
            }
            let csv = ColumnMapping.csv(for: inspection.reading)
            if let output, output != "-" {
                try writeFile(csv, to: output, protecting: input.inputPaths)
                text += "\nwrote \(output): change a role where it is wrong, then pass it with --columns \(output)\n"
            }
            try writeStandardOutput(output == "-" ? csv : text)
        }
    }
}
