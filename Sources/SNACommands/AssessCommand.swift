import ArgumentParser
import Foundation
import SNAAssessments
import SNACore
import SNAIO

/// Loads an instrument by id or path, or prints why not and throws the exit status.
func loadInstrument(_ idOrPath: String) throws -> AssessmentInstrument {
    do throws(InputError) { return try InstrumentLibrary.instrument(idOrPath) } catch { throw report(error) }
}

/// `snatool instruments`: the bundled assessment instruments.
struct InstrumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "instruments",
        abstract: "List the assessment instruments, or print one's questions.",
        discussion: "Instruments are data: docs/instruments.md describes the file format for your own.",
        subcommands: [List.self, Show.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the bundled instruments: id, questions, judgement and source.")

        func run() throws {
            var table = TextTable(header: ["id", "items", "judgement", "title"], alignments: [.left, .right, .left, .left])
            for instrument in InstrumentLibrary.bundled {
                table.append([instrument.id, String(instrument.items.count), instrument.rule.kind, instrument.title])
            }
            try writeStandardOutput(table.rendered() + "\nsnatool instruments show ID prints the questions; snatool assess template --instrument ID -o sheet.csv writes a sheet to fill in.\n")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print an instrument's questions, scales, rule and guide.",
            discussion: "--format json prints the instrument file itself: a starting point for your own instrument.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, md, html, json }

        @Argument(help: "A bundled instrument's id (snatool instruments list) or an instrument file.")
        var instrument: String

        @Option(help: "Output format: text, md, html (printable) or json.")
        var format: Format = .text

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        func run() throws {
            let sheet = InstrumentSheet(instrument: try loadInstrument(instrument))
            let text: String
            switch format {
            case .text: text = sheet.text()
            case .md: text = sheet.markdown()
            case .html: text = sheet.html()
            case .json: text = try sheet.json()
            }
            try emit(text, to: output, protecting: [instrument])
        }
    }
}

/// `snatool assess`: judge a filled-in response sheet with an instrument.
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Assess a filled-in response sheet with an instrument (CIPFA framework, decommissioning, aligning or pooling terms, LSP support review, delivery chain, or your own).",
        discussion: """
            The sheet is a CSV with columns item and answer, and optionally respondent, subject \
            (the service, agreement or outcome assessed) and comment. Start from \
            `snatool assess template --instrument ID -o sheet.csv`. docs/instruments.md explains each \
            instrument's judgement and output.
            """,
        subcommands: [Run.self, Template.self],
        defaultSubcommand: Run.self
    )

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "run", abstract: "Assess a response sheet (the default: `snatool assess --instrument ID FILE`).")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, md, html }

        @Option(help: ArgumentHelp("A bundled instrument's id (snatool instruments list) or an instrument file (.json or .yaml).", valueName: "id|file"))
        var instrument: String

        @Argument(help: "The response sheet (CSV; - for standard input).")
        var responses: String

        @Option(help: "Output format: text, json, csv, md or html (printable).")
        var format: Format = .text

        @Option(help: ArgumentHelp("How several respondents' answers combine: strictest or majority (default: the instrument's, strictest for the bundled ones).", valueName: "rule"))
        var combine: String?

        @Option(help: ArgumentHelp("The date printed on the result (default: today).", valueName: "text"))
        var date: String?

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        @Flag(help: "Do not print warnings.")
        var quiet = false

        func validate() throws {
            if let combine, Assessment.Combination(rawValue: combine) == nil {
                throw ValidationError("--combine: '\(combine)' is not a rule; use strictest or majority")
            }
        }

        func run() throws {
            let instrument = try loadInstrument(self.instrument)
            let assessment: Assessment
            do throws(InputError) {
                let sheet = try AssessmentResponseReader.read(path: responses, instrument: instrument)
                assessment = try Assessment(instrument: instrument, responses: sheet, combination: combine.flatMap(Assessment.Combination.init))
            } catch {
                throw report(error)
            }
            if !quiet { for warning in assessment.warnings { printError(warning.description(naming: .commandLine)) } }
            let out = AssessmentOutput(assessment: assessment, date: date ?? todayInWords())
            let text: String
            switch format {
            case .text: text = out.text()
            case .json: text = out.json().rendered()
            case .csv: text = out.csv()
            case .md: text = out.markdown()
            case .html: text = out.html()
            }
            try emit(text, to: output, protecting: [responses, self.instrument])
        }
    }

    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a blank response sheet for an instrument: one row per question, context questions first.")

        @Option(help: ArgumentHelp("A bundled instrument's id or an instrument file.", valueName: "id|file"))
        var instrument: String

        @Option(help: ArgumentHelp("The service, agreement or outcome the sheet is about.", valueName: "text"))
        var subject: String = ""

        @Option(help: ArgumentHelp("Respondents, comma-separated: the questions are repeated for each.", valueName: "names"))
        var respondents: String?

        @Option(name: .customLong("context"), help: ArgumentHelp("A context answer, e.g. arrangement=pooled: fills it in and leaves out the questions it rules out. Repeatable.", valueName: "id=answer"))
        var contextAnswers: [String] = []

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The sheet (.csv); standard output when not given.", valueName: "file"))
        var output: String?

        func validate() throws {
            for answer in contextAnswers where !answer.contains("=") {
                throw ValidationError("--context: '\(answer)' should be id=answer, e.g. arrangement=pooled")
            }
        }

        func run() throws {
            let loaded = try loadInstrument(instrument)
            var context: [String: String] = [:]
            for answer in contextAnswers {
                let parts = answer.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
                context[parts[0]] = parts.count > 1 ? parts[1] : ""
            }
            let people = (respondents ?? "").split(separator: ",").map { NameKey.cleaned(String($0)) }.filter { !$0.isEmpty }
            let text: String
            do throws(InputError) {
                text = try InstrumentSheet(instrument: loaded).template(subject: NameKey.cleaned(subject), respondents: people, context: context)
            } catch {
                throw report(error)
            }
            try emit(text, to: output, protecting: [instrument])
        }
    }
}
