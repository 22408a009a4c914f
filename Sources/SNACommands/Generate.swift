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
            organisations, with gatekeepers), bolton-wave2 (the same partnership surveyed again, with \
            designed changes: a gatekeeper resolved by a new tie, ties gained and lost, people joining, \
            leaving and no longer answering; datasets/bolton-wave2/README.md), derbyshire (an organisation-level survey of 111 \
            partners with known weak links and isolation), dca (delivery chain workshop scores), \
            partnership (any size, for benchmarks: --people, --ties, --org-size, --within). \
            The same scenario and seed always give the same files.
            """
    )

    @Argument(help: "bolton, bolton-wave2, derbyshire, dca or partnership.")
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

    @Flag(help: "Replace files of the same names already in the folder.")
    var force = false

    enum Scenario: String, ExpressibleByArgument, CaseIterable { case bolton, boltonWave2 = "bolton-wave2", derbyshire, dca, partnership }

    /// The scenario the options describe.
    var partnership: PartnershipScenario {
        PartnershipScenario(seed: seed, people: people, ties: ties, organisationSize: orgSize, withinShare: within)
    }

    func validate() throws {
        if scenario == .partnership {
            if let problem = partnership.problem { throw ValidationError(problem) }
        } else {
            let defaults = Generate.defaults
            let given = [("--people", people != defaults.people), ("--ties", ties != defaults.ties),
                         ("--org-size", orgSize != defaults.orgSize), ("--within", within != defaults.within)]
            if let option = given.first(where: \.1)?.0 {
                throw ValidationError("\(option) applies to the partnership scenario only; \(scenario.rawValue) has a fixed size")
            }
        }
    }

    private static let defaults = (people: 1000, ties: 9000, orgSize: 20, within: 0.6)

    func run() throws {
        let files: [(name: String, contents: String)]
        switch scenario {
        case .bolton: files = BoltonScenario(seed: seed).files()
        case .boltonWave2: files = BoltonSecondWaveScenario(seed: seed).files()
        case .derbyshire: files = DerbyshireScenario(seed: seed).files()
        case .dca: files = DCAWorkshopScenario(seed: seed).files()
        case .partnership:
            let survey = partnership.survey()
            guard survey.links.count == ties else {
                throw usageFailure("could place only \(survey.links.count) of \(ties) ties: the organisations (about \(orgSize) people) are too small for --within \(within); lower --ties or --within, or raise --org-size")
            }
            files = [("survey.csv", survey.longCSV()), ("people.csv", survey.peopleCSV())]
        }
        let paths = files.map { (output as NSString).appendingPathComponent($0.name) }
        if !force, let existing = paths.first(where: { FileManager.default.fileExists(atPath: $0) }) {
            printError("\(existing): error: cannot write: it already exists; add --force to replace it, or choose another folder")
            throw ExitStatus.cannotCreate
        }
        try writeFolders([OutputFolder(path: output, texts: files)], protecting: [])
        try writeStandardOutput(paths.map { $0 + "\n" }.joined())
    }
}
