import Foundation
import SNACore
import SNAIO
import Testing
@testable import SNASynthetic

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func datasetPath(_ relative: String) -> String { repositoryRoot.appendingPathComponent("datasets/\(relative)").path }

func load(_ survey: String, people: String?) throws -> PartnershipNetwork {
    try SurveyImporter.load(path: datasetPath(survey), options: .init(peoplePath: people.map(datasetPath))).network
}

/// Undirected neighbour sets of a graph.
func neighbours(_ graph: Digraph) -> [Set<Int>] {
    var result = [Set<Int>](repeating: [], count: graph.nodeCount)
    for v in 0..<graph.nodeCount {
        for w in graph.successors(of: v) { result[v].insert(Int(w)); result[Int(w)].insert(v) }
    }
    return result
}

/// Nodes reachable from `start` without passing `removed`.
func reachable(from start: Int, in adjacency: [Set<Int>], without removed: Int) -> Set<Int> {
    var seen: Set<Int> = [start]
    var stack = [start]
    while let v = stack.popLast() {
        for w in adjacency[v] where w != removed && !seen.contains(w) { seen.insert(w); stack.append(w) }
    }
    return seen
}

@Suite struct DatasetTests {
    @Test func bundledDatasetsAreExactlyWhatTheGeneratorsMake() throws {
        let cases: [(String, [(name: String, contents: String)])] = [
            ("bolton", BoltonScenario(seed: 1).files()),
            ("derbyshire", DerbyshireScenario(seed: 1).files()),
            ("dca", DCAWorkshopScenario(seed: 1).files()),
        ]
        for (folder, files) in cases {
            for file in files {
                let committed = try String(contentsOfFile: datasetPath("\(folder)/\(file.name)"), encoding: .utf8)
                #expect(committed == file.contents, "datasets/\(folder)/\(file.name) differs from `snatool generate \(folder) --seed 1`")
            }
        }
    }

    @Test func generatorsAreDeterministicAndSeedSensitive() {
        #expect(BoltonScenario(seed: 5).files().map(\.contents) == BoltonScenario(seed: 5).files().map(\.contents))
        #expect(BoltonScenario(seed: 5).files()[0].contents != BoltonScenario(seed: 6).files()[0].contents)
        #expect(PartnershipScenario(seed: 2, people: 300, ties: 2000).files().map(\.contents)
            == PartnershipScenario(seed: 2, people: 300, ties: 2000).files().map(\.contents))
    }

    @Test func boltonHasTheShapeOfTheCaseStudy() throws {
        let network = try load("bolton/survey.csv", people: "bolton/people.csv")
        #expect(network.unit == .people)
        #expect((200...220).contains(network.people.count))
        #expect(network.organisations.count == 25)
        #expect(network.themes.count == 7)
        #expect(Set(network.people.compactMap(\.layer)) == Set(Layer.allCases))
        #expect(network.warnings.isEmpty)
        // Role titles, not personal names: every name ends with its organisation.
        for person in network.people {
            #expect(person.name.hasSuffix(", \(person.organisation!)"))
        }
    }

    @Test func boltonGatekeepersCutOrganisationsOff() throws {
        let network = try load("bolton/survey.csv", people: "bolton/people.csv")
        let adjacency = neighbours(network.graph(.all))
        for name in BoltonScenario.builtInGatekeepers {
            let gatekeeper = try #require(network.personIndex(named: name), "\(name) missing")
            #expect(network.people[gatekeeper].responded)
            // Removing the gatekeeper leaves someone of another... or their own organisation cut off.
            let start = adjacency.indices.first { $0 != gatekeeper && network.people[$0].organisation == "Bolton Council" }!
            let still = reachable(from: start, in: adjacency, without: gatekeeper)
            let cutOff = adjacency.indices.filter { $0 != gatekeeper && !still.contains($0) && !adjacency[$0].isEmpty }
            #expect(!cutOff.isEmpty, "\(name) is not a gatekeeper")
            let organisations = Set(cutOff.compactMap { network.people[$0].organisation })
            // Everyone cut off belongs to organisations that lose all their people with ties.
            for organisation in organisations {
                let members = network.organisations[network.organisationIndex(named: organisation)!].members
                #expect(members.allSatisfy { $0 == gatekeeper || !still.contains($0) || adjacency[$0].isEmpty })
            }
        }
    }

    @Test func derbyshireHasTheWeakLinksAndIsolationItWasBuiltWith() throws {
        let network = try load("derbyshire/survey.csv", people: "derbyshire/partners.csv")
        typealias Names = DerbyshireScenario.Names
        #expect(network.unit == .organisations)
        #expect(network.people.count == 111)
        #expect(network.themes.count == 7)
        func ties(_ a: String, _ b: String) -> [Tie] {
            let x = network.personIndex(named: a)!, y = network.personIndex(named: b)!
            return network.ties.filter { ($0.source == x && $0.target == y) || ($0.source == y && $0.target == x) }
        }
        #expect(ties(Names.jobcentrePlus, Names.cityPCT).isEmpty)
        let councilPCT = ties(Names.countyCouncil, Names.countyPCT)
        #expect(councilPCT.count == 1)
        #expect(network.themes[councilPCT[0].theme!].id == "informal")
        // The weakly linked partners are otherwise among the best connected.
        let all = network.graph(.all)
        let degrees = (0..<all.nodeCount).map { all.inDegree(of: $0) + all.outDegree(of: $0) }.sorted()
        let upperQuartile = degrees[degrees.count * 3 / 4]
        for name in [Names.jobcentrePlus, Names.cityPCT, Names.countyCouncil, Names.countyPCT] {
            let v = network.personIndex(named: name)!
            #expect(all.inDegree(of: v) + all.outDegree(of: v) >= upperQuartile, "\(name)")
        }
        // Learning providers are absent from decision-making but present elsewhere.
        let decision = network.graph(.theme(network.themes.firstIndex { $0.id == "decision-making" }!))
        for name in [Names.learningAndSkillsCouncil] + Names.colleges {
            let v = try #require(network.personIndex(named: name))
            #expect(decision.inDegree(of: v) + decision.outDegree(of: v) == 0, "\(name)")
            #expect(all.inDegree(of: v) + all.outDegree(of: v) > 5, "\(name)")
            #expect(network.people[v].responded)
        }
    }

    @Test(arguments: [("Cheyenne", 14, 83), ("HurrFrederic", 21, 118), ("MtSi", 13, 33), ("Texas", 25, 186)])
    func emonNetworksImportWhole(name: String, organisations: Int, ties: Int) throws {
        let network = try load("emon/\(name)/survey.csv", people: "emon/\(name)/organisations.csv")
        #expect(network.unit == .organisations)
        #expect(network.people.count == organisations)
        #expect(network.ties.count == ties)
        #expect(network.themes.isEmpty)
        #expect(network.warnings.isEmpty)
        #expect(network.hasValues(of: Grouping("sponsorship"), level: .people))
        #expect(network.ties.allSatisfy { (1...4).contains($0.strength ?? 0) })
    }

    @Test func dcaSampleCoversTwoOutcomesAndTwelveQuestions() throws {
        let table = try CSVReader.read(path: datasetPath("dca/responses.csv"))
        #expect(table.header == ["outcome", "participant", "organisation", "layer", "question", "score", "comment"])
        #expect(Set(table.records.map { $0.fields[0] }).count == 2)
        #expect(table.records.count == 2 * 14 * 12)
        #expect(Set(table.records.map { $0.fields[4] }) == Set(DCAWorkshopScenario.questionKeys))
        #expect(table.records.allSatisfy { ["1", "2", "3", "4", "don't know"].contains($0.fields[5]) })
    }

    @Test func partnershipScenarioHitsItsTargets() throws {
        let survey = PartnershipScenario(seed: 9, people: 2000, ties: 18000, organisationSize: 20, withinShare: 0.6).survey()
        #expect(survey.members.count == 2000)
        #expect(survey.links.count == 18000)
        let within = survey.links.filter { survey.members[$0.source].organisation == survey.members[$0.target].organisation }.count
        #expect(abs(Double(within) / 18000 - 0.6) < 0.03)
        #expect(Set(survey.links.map { "\($0.source) \($0.target) \($0.theme)" }).count == 18000)
    }
}
