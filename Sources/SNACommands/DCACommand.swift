import ArgumentParser
import Foundation
import SNAAssessments
import SNACore
import SNAIO

/// `snatool dca`: delivery chain analysis workshops.
struct DCACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dca",
        abstract: "Delivery chain analysis: score a workshop's twelve questions and turn them into an action plan.",
        discussion: """
            A workshop takes one Local Area Agreement outcome; 12-15 partners score the twelve \
            delivery chain questions from 1 (not in place) to 4 (fully in place), or don't know. \
            Response files: docs/dca.md.
            """,
        subcommands: [Score.self, Plan.self, Compare.self, Template.self]
    )
}

/// Options shared by the commands that read scores.
struct DCAScoreOptions: ParsableArguments {
    @Option(help: "A mean score below this is red.")
    var redBelow: Double = Instrument.deliveryChain.rating.redBelow

    @Option(help: "A mean score below this (and not red) is amber; otherwise green.")
    var amberBelow: Double = Instrument.deliveryChain.rating.amberBelow

    func validate() throws {
        for (option, value) in [("--red-below", redBelow), ("--amber-below", amberBelow)] where !value.isFinite || abs(value) > 1_000_000 {
            throw ValidationError("\(option): \(value) is not a usable score; give a number such as 2.5")
        }
        guard redBelow <= amberBelow else { throw ValidationError("--red-below must not be above --amber-below") }
    }

    var instrument: Instrument {
        var instrument = Instrument.deliveryChain
        instrument.rating.redBelow = redBelow
        instrument.rating.amberBelow = amberBelow
        return instrument
    }

    /// Reads and scores a responses file, or prints why not and throws the exit status.
    func scores(_ path: String) throws -> DCAScores {
        DCAScores(responses: try responses(path), instrument: instrument)
    }

    /// Reads a responses file, or prints why not and throws the exit status.
    func responses(_ path: String) throws -> [DCAResponse] {
        var warnings: [Diagnostic] = []
        do throws(InputError) {
            let responses = try DCAResponseReader.read(path: path, instrument: instrument, warnings: &warnings)
            for warning in warnings { printError(warning.description(naming: .commandLine)) }
            return responses
        } catch {
            throw report(error)
        }
    }
}

extension DCACommand {
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score a workshop: per outcome and question, n, mean, median, spread, don't knows, rating, layer gap, disagreement; priorities weakest first.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

        @Argument(help: "Responses CSV: long (outcome, participant, question, score ...) or wide (one row per participant, q1..q12).")
        var responses: String

        @Option(help: "Output format: text, json or csv.")
        var format: Format = .text

        @OptionGroup var options: DCAScoreOptions

        @Option(help: ArgumentHelp("The partnership's survey: set the workshop against it (who was in the room, central partners who were not, links between the organisations in the room); text and JSON.", valueName: "survey"))
        var survey: String?

        @OptionGroup(title: "Reading the survey") var reading: SurveyReadingOptions

        @Option(help: ArgumentHelp("With --survey: the themes whose ties count, comma-separated ids (default: work, strategy, decision-making).", valueName: "list"))
        var relevantThemes: String?

        @Option(help: "With --survey: at most this many suggested invitees per outcome.")
        var invitees: Int = 5

        func validate() throws {
            if survey == nil && (reading.anyGiven || relevantThemes != nil) {
                throw ValidationError("--people, --organisations and the other survey options, and --relevant-themes, need --survey")
            }
            guard invitees >= 0 else { throw ValidationError("--invitees must not be negative") }
            if survey != nil && format == .csv { throw ValidationError("--survey adds to the text and JSON output; use --format text or json") }
        }

        func run() throws {
            let responses = try options.responses(self.responses)
            let output = DCAScoreOutput(scores: DCAScores(responses: responses, instrument: options.instrument))
            let network = try survey.map { try chainNetwork(responses, survey: $0) }
            switch format {
            case .text: try writeStandardOutput(output.text() + (network.map { "\n" + $0.text() } ?? ""))
            case .json:
                guard let network, case .object(var fields) = output.json() else { return try writeStandardOutput(output.json().rendered()) }
                fields.append(("network", network.json()))
                try writeStandardOutput(JSONValue.object(fields).rendered())
            case .csv: try writeStandardOutput(output.csv())
            }
        }

        /// The workshop set against the survey at `path`.
        func chainNetwork(_ responses: [DCAResponse], survey path: String) throws -> DCANetwork {
            let survey = try reading.load(path)
            var themes: [String]?
            if let relevantThemes {
                themes = []
                for part in relevantThemes.split(separator: ",") {
                    guard let theme = survey.network.themeSet.resolve(String(part)), survey.network.themes.contains(theme) else {
                        throw usageFailure("--relevant-themes: '\(part)' is not a theme of \(path); its themes: \(survey.network.themes.map(\.id).joined(separator: ", "))")
                    }
                    themes!.append(theme.id)
                }
            }
            printWarnings(survey.network.warnings)
            return DCANetwork(responses: responses, network: survey.network, instrument: options.instrument, themes: themes, invitees: invitees)
        }
    }

    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the workshop's action plan: the weakest questions with their evidence, suggested actions, and the actions agreed.",
            discussion: "The format follows the output file's extension: .md, .html (printable) or .csv (for a tracking spreadsheet).")

        @Argument(help: "Responses CSV.")
        var responses: String

        @Option(help: ArgumentHelp("Agreed actions CSV: outcome, question, action, owner, due.", valueName: "file"))
        var actions: String?

        @Option(help: "How many of the weakest questions each outcome's plan covers.")
        var top: Int = 5

        @Option(help: ArgumentHelp("The date printed on the plan (default: today).", valueName: "text"))
        var date: String?

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The plan: .md, .html or .csv.", valueName: "file"))
        var output: String

        @OptionGroup var options: DCAScoreOptions

        func validate() throws {
            guard ["md", "html", "csv"].contains(URL(fileURLWithPath: output).pathExtension.lowercased()) else {
                throw ValidationError("-o: '\(output)' must end in .md, .html or .csv")
            }
            guard top >= 1 else { throw ValidationError("--top must be at least 1") }
        }

        func run() throws {
            let scores = try options.scores(responses)
            var agreed: [AgreedAction] = []
            if let actions {
                do throws(InputError) { agreed = try AgreedActionsReader.read(path: actions, scores: scores) } catch { throw report(error) }
            }
            let plan = DCAPlan(scores: scores, actions: agreed, top: top, date: date ?? todayInWords())
            let text: String
            switch URL(fileURLWithPath: output).pathExtension.lowercased() {
            case "md": text = plan.markdown()
            case "html": text = plan.html()
            default: text = plan.csv()
            }
            try writeFile(text, to: output, protecting: [responses] + (actions.map { [$0] } ?? []))
        }
    }

    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Compare two workshops on the same outcomes: what improved and what slipped.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: "The earlier workshop's responses.")
        var before: String

        @Argument(help: "The later workshop's responses.")
        var after: String

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        @OptionGroup var options: DCAScoreOptions

        func run() throws {
            let comparison = DCAComparison(before: try options.scores(before), after: try options.scores(after))
            if comparison.outcomes.isEmpty {
                printError("snatool: error: the two files share no outcome; outcomes are matched by name")
                throw ExitStatus.badData
            }
            try writeStandardOutput(format == .text ? comparison.text() : comparison.json().rendered())
        }
    }

    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a blank scoring sheet: a CSV to type scores into, or a printable HTML form.")

        @Option(help: ArgumentHelp("The LAA outcome the workshop examines.", valueName: "text"))
        var outcome: String

        @Option(help: ArgumentHelp("A CSV of participants (participant, organisation, layer) to fill in.", valueName: "file"))
        var participants: String?

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The sheet: .csv or .html.", valueName: "file"))
        var output: String

        func validate() throws {
            guard ["csv", "html"].contains(URL(fileURLWithPath: output).pathExtension.lowercased()) else {
                throw ValidationError("-o: '\(output)' must end in .csv or .html")
            }
            guard !NameKey.cleaned(outcome).isEmpty else { throw ValidationError("--outcome must not be empty") }
        }

        func run() throws {
            var people: [DCATemplate.Participant] = []
            if let participants {
                do throws(InputError) { people = try DCATemplate.participants(path: participants) } catch { throw report(error) }
            }
            let template = DCATemplate(outcome: NameKey.cleaned(outcome), participants: people)
            let text = URL(fileURLWithPath: output).pathExtension.lowercased() == "csv" ? template.csv() : template.html()
            try writeFile(text, to: output, protecting: participants.map { [$0] } ?? [])
        }
    }
}
