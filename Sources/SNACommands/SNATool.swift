import ArgumentParser
import SNAIO

/// The `snatool` command: social network analysis and delivery chain analysis
/// for public-service partnerships.
public struct SNATool: ParsableCommand {
    /// The version printed by `--version`.
    public static let version = "0.1.0"

    /// The command name, help text, version and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "snatool",
        abstract: "Analyse how a public-service partnership works together.",
        discussion: """
            Reads partnership surveys (who is tied to whom in the themes work, innovation, \
            expertise, informal, improvement, strategy and decision-making), finds the \
            gatekeepers, weak links and gaps, draws network maps, and scores delivery chain \
            workshops into action plans, maps the area's public spending by provider and service (spend), runs structured self-assessments (the CIPFA aligning framework, decommissioning, aligning or pooling terms, LSP support review), and runs the workshop and the network survey live in the browser (serve). Exit status: 0 success, 64 usage error, 65 bad data, \
            66 missing input, 73 cannot write output, 70 internal error.
            """,
        version: version,
        subcommands: [Analyse.self, SurveyCommand.self, MapCommand.self, ReportCommand.self, CompareCommand.self, ExportCommand.self, SpendCommand.self, DCACommand.self, AssessCommand.self, InstrumentsCommand.self, Generate.self, ServeCommand.self]
    )

    /// Creates the command; argument parsing fills it in.
    public init() {}

    /// Runs the command line: parses it, runs the command and exits; a failed
    /// write to standard output (closed, full) fails the run with status 73.
    /// Every error, the parser's included, starts "snatool: error:".
    public static func main() {
        StandardStreams.prepare()
        do {
            var command = try parseAsRoot(nil)
            try command.run()
        } catch {
            let status = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if status == .success {
                    print(message)
                } else {
                    printError(message.hasPrefix("Error: ") ? "snatool: error: " + message.dropFirst("Error: ".count) : message)
                }
            }
            exit(withError: status == .success ? nil : status)
        }
    }
}
