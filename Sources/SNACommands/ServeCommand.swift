import ArgumentParser
import Foundation
import Hummingbird
import Logging
import SNAAssessments
import SNACore
import SNAIO
import SNAServer

/// `snatool serve`: the live DCA workshop and the network survey in the browser.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the live DCA workshop and the network survey in the browser, on one SQLite file.",
        discussion: """
            `snatool serve` starts a web server (127.0.0.1:8080 unless told otherwise) with its \
            data in one SQLite file. At the first start it prints the administrator's secret \
            once; sign in at /admin with it to open workshops and surveys. `snatool serve \
            backup` copies the database while the server runs. docs/serve.md says how to run \
            it for a room of participants and behind a TLS reverse proxy.
            """,
        subcommands: [Start.self, Backup.self],
        defaultSubcommand: Start.self
    )

    /// Starts the server.
    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "start", abstract: "Start the server (the default).")

        @Option(help: ArgumentHelp("The SQLite file holding workshops and surveys; made if missing.", valueName: "file"))
        var database = "snatool-serve.sqlite"

        @Option(help: "The address to listen on. 127.0.0.1 (this machine only) unless told otherwise; 0.0.0.0 for every interface, behind a TLS reverse proxy.")
        var host = "127.0.0.1"

        @Option(help: "The port to listen on.")
        var port = 8080

        @Option(name: .customLong("admin-secret-file"), help: ArgumentHelp("A file whose one line (16 characters or more) is the administrator's secret, instead of one generated at the first start.", valueName: "file"))
        var adminSecretFile: String?

        @Flag(name: .customLong("secure-cookies"), help: "Mark cookies Secure: browsers reach the server over HTTPS, through a TLS reverse proxy.")
        var secureCookies = false

        @Option(name: .customLong("instrument"), help: ArgumentHelp("A scored instrument workshops may use besides the delivery chain (a bundled id or a file whose rule is 'scores'); repeatable.", valueName: "id-or-file"))
        var instruments: [String] = []

        @Option(name: .customLong("requests-per-minute"), help: "Requests one client address may make per minute (0: no limit).")
        var requestsPerMinute = 1200

        func validate() throws {
            guard (1...65535).contains(port) else { throw ValidationError("--port must be from 1 to 65535") }
            guard requestsPerMinute >= 0 else { throw ValidationError("--requests-per-minute must be 0 or more") }
        }

        func run() throws {
            var options = ServeOptions()
            options.databasePath = database
            options.host = host
            options.port = port
            options.adminSecretFile = adminSecretFile
            options.secureCookies = secureCookies
            options.limits.requestsPerMinute = requestsPerMinute
            for given in instruments {
                let instrument: AssessmentInstrument
                do throws(InputError) { instrument = try InstrumentLibrary.instrument(given) } catch { throw report(error) }
                guard instrument.rule.kind == "scores" else {
                    throw usageFailure("--instrument: \(given) is a '\(instrument.rule.kind)' instrument; a workshop scores questions, so it needs one whose rule is 'scores' (snatool instruments list)")
                }
                let scored = instrument.scoringInstrument()
                if !options.instruments.contains(where: { $0.id == scored.id }) { options.instruments.append(scored) }
            }
            let services: ServerServices
            let secret: AdminAccess.Secret
            do {
                let store = try ServerDatabase(path: database)
                services = ServerServices(options: options, database: store)
                secret = try services.admin.prepare(secretFile: adminSecretFile)
            } catch let error as AdminSecretError {
                printError("snatool: error: \(error)")
                throw ExitStatus.badData
            } catch {
                let folder = URL(fileURLWithPath: database).deletingLastPathComponent().path
                let hint = FileManager.default.fileExists(atPath: folder) ? "" : " (the folder \(folder) does not exist)"
                printError("snatool: error: \(database): cannot open the database\(hint): \(error)")
                throw ExitStatus.cannotCreate
            }
            switch secret {
            case .generated(let value):
                printError("snatool: the administrator's secret (shown this once; keep it safe): \(value)")
            case .fromFile: printError("snatool: the administrator's secret is the one in \(adminSecretFile ?? "")")
            case .unchanged: printError("snatool: the administrator's secret is the one printed at the first start (or give --admin-secret-file)")
            }
            if !["127.0.0.1", "::1", "localhost"].contains(host) && !secureCookies {
                printError("snatool: warning: listening on \(host) over plain HTTP; put the server behind a TLS reverse proxy and give --secure-cookies (docs/serve.md)")
            }
            printError("snatool: serving \(database) at http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)/ (sign in at /admin; Ctrl-C stops)")
            var logger = Logger(label: "snatool.serve")
            logger.logLevel = .info
            let application = ServerApplication.application(services: services, logger: logger)
            let outcome = BlockingRun { try await application.runService() }
            if let error = outcome.error {
                if "\(error)".contains("Address already in use") {
                    printError("snatool: error: \(host):\(port) is in use by another program; choose another port with --port")
                } else {
                    printError("snatool: error: the server stopped: \(error)")
                }
                throw ExitStatus.cannotCreate
            }
        }
    }

    /// Copies the database while the server runs.
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup", abstract: "Copy the database, consistently, while the server keeps running (SQLite's online backup).")

        @Option(help: ArgumentHelp("The server's SQLite file.", valueName: "file"))
        var database = "snatool-serve.sqlite"

        @Argument(help: ArgumentHelp("The copy to write; replaced if it exists.", valueName: "backup"))
        var destination: String

        func run() throws {
            guard FileManager.default.fileExists(atPath: database) else {
                printError("snatool: error: \(database): no such database; give the server's file with --database")
                throw ExitStatus.missingInput
            }
            if SameFile.check(database, destination) {
                throw usageFailure("the backup \(destination) is the database itself; name another file")
            }
            do {
                try ServerDatabase.backup(databaseAt: database, to: destination)
            } catch let error as ServerDatabase.NotServerDatabase {
                printError("snatool: error: \(error)")
                throw ExitStatus.badData
            } catch {
                printError("snatool: error: \(destination): cannot write the backup: \(error)")
                throw ExitStatus.cannotCreate
            }
            printError("snatool: backed up \(database) to \(destination)")
        }
    }
}

/// Runs async work to its end from synchronous code (the command line's
/// `run`), keeping what it threw.
final class BlockingRun: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    /// What the work threw, if anything.
    var error: (any Error)? { lock.withLock { stored } }

    init(_ work: @escaping @Sendable () async throws -> Void) {
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { try await work() } catch { self.lock.withLock { self.stored = error } }
            done.signal()
        }
        done.wait()
    }
}
