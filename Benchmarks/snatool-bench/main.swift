// Times snatool's library on the bundled datasets and on generated ones:
// import, the full analysis (every theme and all, every metric, findings),
// and the main kernels on the network of all themes. Median of repeated runs.
//
//     swift run -c release snatool-bench            # bundled datasets
//     swift run -c release snatool-bench --people 5000 --ties 45000   # adds a generated survey
//     swift run -c release snatool-bench --scaling 1000,2000,5000,10000,20000,50000   # kernel scaling curves
//     scripts/bench/hostile-shapes /tmp/shapes && swift run -c release snatool-bench --shapes /tmp/shapes   # issue 16's shapes
//
// Figures and how to read them: docs/performance.md.

import Dispatch
import Foundation
import SNACore
import SNAIO
import SNASynthetic

struct Timer {
    static func median(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times.sorted()[times.count / 2]
    }
}

func format(_ seconds: Double) -> String {
    seconds < 1 ? String(format: "%7.1f ms", seconds * 1000) : String(format: "%7.2f s ", seconds)
}

let arguments = CommandLine.arguments
func option(_ name: String) -> Int? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return Int(arguments[index + 1])
}
let runs = option("--runs") ?? 5
/// `--threads N`: the thread limit of every timed call (default: all cores).
let threadLimit = option("--threads")
let threadsUsed = Parallel.withThreads(threadLimit) { Parallel.maximumThreads }

// `--kernel N T`: time only betweenness on a generated survey of N people and T ties (for profilers).
if let index = arguments.firstIndex(of: "--kernel"), index + 2 < arguments.count, let people = Int(arguments[index + 1]), let ties = Int(arguments[index + 2]) {
    let survey = PartnershipScenario(seed: 1, people: people, ties: ties).survey()
    var edges: [Digraph.Edge] = []
    for link in survey.links { edges.append(.init(source: Int32(link.source), target: Int32(link.target))) }
    let graph = Digraph(nodeCount: survey.members.count, edges: edges)
    let seconds = Timer.median(runs) { Parallel.withThreads(threadLimit) { _ = graph.pathCentralities(edges: false) } }
    print("betweenness of \(graph.nodeCount) nodes, \(graph.edgeCount) edges, \(threadsUsed) threads: \(format(seconds))")
    exit(0)
}
// `--scaling SIZES`: the betweenness kernel over graph size (people, comma-separated; ties = 9 per
// person, or --ties-per-person K) and thread count (--thread-counts, default 1 and all cores), side by
// side in one run, plus the --approx estimate (epsilon --epsilon, default 0.05; delta 0.1) on all threads.
if let index = arguments.firstIndex(of: "--scaling"), index + 1 < arguments.count {
    let sizes = arguments[index + 1].split(separator: ",").compactMap { Int($0) }
    let perPerson = option("--ties-per-person") ?? 9
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let threadCounts = arguments.firstIndex(of: "--thread-counts").flatMap { index in
        index + 1 < arguments.count ? arguments[index + 1].split(separator: ",").compactMap { Int($0) } : nil
    } ?? Array(Set([1, cores])).sorted()
    let epsilon = arguments.firstIndex(of: "--epsilon").flatMap { $0 + 1 < arguments.count ? Double(arguments[$0 + 1]) : nil } ?? 0.05
    print("snatool-bench --scaling: exact betweenness (PathCentralities, edges: false) by threads, median of \(runs) runs")
    print("(1 run from 10,000 people); approx = --approx \(epsilon) (delta 0.1, seed 1) on \(threadCounts.max()!) threads; \(cores) cores\n")
    var header = "| people | ties (distinct) |"
    for threads in threadCounts { header += " exact \(threads) thr |" }
    header += " speed-up \(threadCounts.min()!)->\(threadCounts.max()!) | approx | approx samples |"
    print(header)
    print("|" + String(repeating: " --- |", count: threadCounts.count + 5))
    for people in sizes {
        let survey = PartnershipScenario(seed: 1, people: people, ties: people * perPerson).survey()
        let graph = Digraph(nodeCount: survey.members.count, edges: survey.links.map { .init(source: Int32($0.source), target: Int32($0.target)) })
        let sizeRuns = people >= 10000 ? 1 : runs
        var times: [Double] = []
        for threads in threadCounts {
            times.append(Timer.median(sizeRuns) { Parallel.withThreads(threads) { _ = graph.pathCentralities(edges: false) } })
        }
        var estimate: ApproximateBetweenness!
        let approx = Timer.median(sizeRuns) { estimate = graph.approximateBetweenness(try! .init(epsilon: epsilon, delta: 0.1, seed: 1)) }
        var row = "| \(people) | \(graph.edgeCount) |"
        for time in times { row += " \(format(time).trimmingCharacters(in: .whitespaces)) |" }
        row += String(format: " %.2fx |", times.first! / times.last!)
        row += " \(format(approx).trimmingCharacters(in: .whitespaces)) | \(estimate.samples) |"
        print(row)
    }
    exit(0)
}
// `--shapes DIR [--only a,b]`: the surveys of scripts/bench/hostile-shapes (one folder each, with survey.csv,
// and people.csv or themes.txt where the shape has one), each through the whole of `snatool analyse`:
// import, the full analysis, and the text, JSON and CSV outputs (built, not written). One run each.
if let index = arguments.firstIndex(of: "--shapes"), index + 1 < arguments.count {
    let folder = URL(fileURLWithPath: arguments[index + 1])
    let only = arguments.firstIndex(of: "--only").flatMap { $0 + 1 < arguments.count ? Set(arguments[$0 + 1].split(separator: ",").map(String.init)) : nil }
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().filter { only?.contains($0) ?? true }
    print("snatool-bench --shapes: the whole analyse of each shape, one run, \(threadsUsed) threads\n")
    print("shape              people     ties    import   analysis       text       json        csv      total  separations*")
    for name in names {
        let shape = folder.appendingPathComponent(name)
        let people = shape.appendingPathComponent("people.csv").path
        let themesFile = shape.appendingPathComponent("themes.txt").path
        var themes = ThemeSet.standard
        if let declaration = try? String(contentsOfFile: themesFile, encoding: .utf8) {
            themes = try ThemeSet.parse(declaration: declaration.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let options = SurveyImportOptions(themes: themes, peoplePath: FileManager.default.fileExists(atPath: people) ? people : nil)
        var survey: ImportedSurvey!
        let load = try Timer.median(1) { survey = try SurveyImporter.load(path: shape.appendingPathComponent("survey.csv").path, options: options) }
        var analysis: PartnershipAnalysis!
        let analyse = Timer.median(1) { analysis = PartnershipAnalysis(network: survey.network, options: .init(threads: threadLimit)) }
        let output = AnalysisOutput(analysis: analysis, survey: survey)
        var bytes = 0
        let text = Timer.median(1) { bytes += output.text().utf8.count }
        let json = try Timer.median(1) { try output.writeJSON { bytes += $0.utf8.count } }
        let csv = Timer.median(1) { bytes += output.csvTables().reduce(0) { $0 + $1.contents.utf8.count } }
        // What the gatekeeper and bridge findings need of the network of all themes: how many each
        // cut-point cuts off, and the smaller side of the ten bridges with the largest ones.
        let whole = analysis.selections.last!.metrics
        var lost = 0
        let separations = Timer.median(1) {
            let forest = whole.undirected.separations()
            for v in 0..<forest.nodeCount where whole.cutPoints.isArticulationPoint[v] { lost += forest.cutOffCount(by: v) }
            let largest = whole.cutPoints.bridgeSmallerSide.indices.sorted { whole.cutPoints.bridgeSmallerSide[$0] > whole.cutPoints.bridgeSmallerSide[$1] }
            for index in largest.prefix(10) { lost += forest.smallerSide(of: whole.cutPoints.bridges[index]).count }
        }
        print(name.padding(toLength: 16, withPad: " ", startingAt: 0),
              String(format: "%8d %8d", survey.network.people.count, survey.network.ties.count),
              format(load), format(analyse), format(text), format(json), format(csv), format(load + analyse + text + json + csv),
              format(separations))
    }
    print("\n* separations (not in total): CutPoints.Separations of all themes, cutOffCount(by:) of every cut-point, smallerSide(of:) of the ten largest bridges.")
    exit(0)
}
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
var cases: [(name: String, survey: String, people: String, groupBy: String)] = [
    ("bolton", "datasets/bolton/survey.csv", "datasets/bolton/people.csv", "organisation"),
    ("derbyshire", "datasets/derbyshire/survey.csv", "datasets/derbyshire/partners.csv", "sector"),
    ("emon-Texas", "datasets/emon/Texas/survey.csv", "datasets/emon/Texas/organisations.csv", "sponsorship"),
].map { ($0.0, root.appendingPathComponent($0.1).path, root.appendingPathComponent($0.2).path, $0.3) }

if let people = option("--people"), let ties = option("--ties") {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snatool-bench-\(people)-\(ties)")
    try AtomicWriter.write(files: PartnershipScenario(seed: 1, people: people, ties: ties).files(), into: folder.path)
    cases.append(("generated \(people)/\(ties)", folder.appendingPathComponent("survey.csv").path,
                  folder.appendingPathComponent("people.csv").path, "organisation"))
}

print("snatool-bench: median of \(runs) runs, \(ProcessInfo.processInfo.activeProcessorCount) cores\n")
print("dataset                   people    ties    import   analysis  betweenness  closeness*  brokerage  cut-points")
for item in cases {
    var survey: ImportedSurvey!
    let load = try Timer.median(runs) { survey = try SurveyImporter.load(path: item.survey, options: .init(peoplePath: item.people)) }
    let network = survey.network
    let analysisRuns = network.people.count > 3000 ? 1 : runs
    let analysis = Timer.median(analysisRuns) { _ = PartnershipAnalysis(network: network, options: .init(grouping: Grouping(item.groupBy), threads: threadLimit)) }
    let graph = network.graph(.all)
    let paths = Timer.median(analysisRuns) { Parallel.withThreads(threadLimit) { _ = graph.pathCentralities() } }
    let groups = network.people.indices.map { network.organisation(ofPerson: $0) ?? -1 }
    let brokerage = Timer.median(runs) { _ = graph.brokerage(groups: groups) }
    let undirected = graph.symmetrised()
    let cut = Timer.median(runs) { _ = undirected.cutPoints() }
    print(item.name.padding(toLength: 24, withPad: " ", startingAt: 0),
          String(format: "%7d %7d", network.people.count, graph.edgeCount),
          format(load), format(analysis), "  ", format(paths), "  (with)  ", format(brokerage), " ", format(cut))
}
print("\n* closeness and harmonic closeness come from the same searches as betweenness.")
print("analysis = every theme and all: every metric, organisation blocks, findings.")
