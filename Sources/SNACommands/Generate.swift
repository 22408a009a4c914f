import ArgumentParser
import Foundation
import SNAIO
import SNASynthetic

/// `snatool generate`: write a synthetic dataset from a seeded generator.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic survey from a seeded, documented generator.",
        discussion: """
            Scenarios: bolton (a community-safety partnership of about 210 people in 25 \
            organisations, with gatekeepers), derbyshire (an organisation-level survey of 111 \
            partners with known weak links and isolation), dca (delivery chain workshop scores), \
            partnership (any size, for benchmarks: --people, --ties, --org-size, --within). \
            The same scenario and seed always give the same files.
            """
    )

    @Argument(help: "bolton, derbyshire, dca or partnership.")
    var scenario: Scenario

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Option(help: "partnership: the number of people.")
    var people: Int = 1000

    @Option(help: "partnership: the number of distinct directed ties, summed over themes.")
    var ties: Int = 9000

    @Option(help: "partnership: the mean organisation size.")
    var orgSize: Int = 20

    @Option(help: "partnership: the share of ties inside the respondent's organisation.")
    var within: Double = 0.6

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The folder to write into.", valueName: "dir"))
    var output: String

    enum Scenario: String, ExpressibleByArgument, CaseIterable { case bolton, derbyshire, dca, partnership }

    func validate() throws {
        guard people >= 2 else { throw ValidationError("--people must be at least 2") }
        guard ties >= 0 else { throw ValidationError("--ties must not be negative") }
        guard orgSize >= 1 else { throw ValidationError("--org-size must be at least 1") }
        guard (0...1).contains(within) else { throw ValidationError("--within must be between 0 and 1") }
    }

    func run() throws {
        let files: [(name: String, contents: String)]
        switch scenario {
        case .bolton: files = BoltonScenario(seed: seed).files()
        case .derbyshire: files = DerbyshireScenario(seed: seed).files()
        case .dca: files = DCAWorkshopScenario(seed: seed).files()
        case .partnership:
            let maximum = people * (people - 1) * 7
            guard ties <= maximum / 2 else {
                throw usageFailure("--ties: \(ties) is too many for \(people) people; at most \(maximum / 2)")
            }
            files = PartnershipScenario(seed: seed, people: people, ties: ties, organisationSize: orgSize, withinShare: within).files()
        }
        do throws(OutputError) { try AtomicWriter.write(files: files, into: output) } catch {
            printError(error.description)
            throw ExitStatus.cannotCreate
        }
        for file in files { print((output as NSString).appendingPathComponent(file.name)) }
    }
}
