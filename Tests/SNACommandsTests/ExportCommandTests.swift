import Foundation
import Testing

/// `snatool export` as a user runs it, and its files read back by `analyse`.
@Suite(.serialized) struct ExportCommandTests {
    let survey = "datasets/bolton/survey.csv"
    let people = "datasets/bolton/people.csv"

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("snatool-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Each person's figures per theme from `analyse --format json`.
    func people(_ json: JSON) -> [String: JSON] {
        var rows: [String: JSON] = [:]
        for row in json["people"]?.array ?? [] { rows["\(row["id"]?.string ?? "")|\(row["theme"]?.string ?? "")"] = row }
        return rows
    }

    @Test(arguments: [("graphml", "graphml"), ("gexf", "gexf"), ("json", "json"), ("gephi-csv", "csv"), ("dl", "dl"), ("pajek", "net")])
    func anExportReadBackGivesTheSameAnalysis(_ format: String, _ ext: String) throws {
        let out = try folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let file = out.appendingPathComponent("bolton.\(ext)").path
        let export = try snatool("export", survey, "--people", people, "--format", format, "-o", file)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("210 nodes, 1472 edges"))
        let original = try JSON.parse(try snatool("analyse", survey, "--people", people, "--format", "json").stdout)
        let run = try snatool("analyse", file, "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        let back = try JSON.parse(run.stdout)
        let mine = people(original), theirs = people(back)
        // DL carries no organisations and Pajek no themes: compare what each carries.
        for (key, row) in mine where format != "pajek" || key.hasSuffix("|all") {
            guard let other = theirs[key] else { Issue.record("\(format): \(key) is missing"); return }
            for metric in ["betweenness", "degree", "pagerank", "closeness", "constraint"] {
                let a = row[metric]?.number, b = other[metric]?.number
                #expect(a == b || abs((a ?? 0) - (b ?? 0)) < 1e-9 * max(1, abs(a ?? 0)), "\(format): \(key) \(metric)")
            }
            if format != "dl" { #expect(row["organisation"]?.string == other["organisation"]?.string, "\(format): \(key) organisation") }
        }
        if ["graphml", "gexf", "json", "gephi-csv"].contains(format) {
            #expect(back["findings"]?.array?.count == original["findings"]?.array?.count, "\(format): the findings")
        }
    }

    @Test func multiFileFormatsWriteSiblingsTogether() throws {
        let out = try folder()
        defer { try? FileManager.default.removeItem(at: out) }
        for (format, siblings) in [("pajek", ["net.net", "net.clu"]), ("gephi-csv", ["net.csv", "net.nodes.csv"]), ("kumu", ["net.csv", "net.elements.csv"]), ("neo4j", ["net.csv", "net.nodes.csv"])] {
            let main = out.appendingPathComponent(siblings[0]).path
            let run = try snatool("export", survey, "--people", people, "--format", format, "-o", main)
            #expect(run.status == 0, "\(run.stderr)")
            for name in siblings { #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(format): \(name)") }
        }
        let relationships = try String(contentsOf: out.appendingPathComponent("net.csv"), encoding: .utf8)
        #expect(relationships.hasPrefix(":START_ID,:END_ID,:TYPE,weight:double"))
        // A sibling that cannot be written: nothing is written, not even the main file.
        try FileManager.default.createDirectory(at: out.appendingPathComponent("blocked.nodes.csv"), withIntermediateDirectories: true)
        let blocked = try snatool("export", survey, "--format", "gephi-csv", "-o", out.appendingPathComponent("blocked.csv").path)
        #expect(blocked.status == 73)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("blocked.csv").path))
        let stdout = try snatool("export", survey, "--format", "pajek", "-o", "-")
        #expect(stdout.status == 64)
        #expect(stdout.stderr.contains("pajek writes 2 files"))
    }

    @Test func optionsShapeTheExport() throws {
        let scratch = Scratch()
        let key = scratch.write("key.txt", "a secret key of more than sixteen bytes\n")
        let anonymised = try snatool("export", survey, "--people", people, "--format", "graphml", "--anonymise", "--pseudonym-key-file", key, "-o", "-")
        #expect(anonymised.status == 0, "\(anonymised.stderr)")
        #expect(!anonymised.stdout.contains("Director of Neighbourhood Services"))
        #expect(anonymised.stdout.contains("Person "))
        // The same key gives the same pseudonyms as analyse's JSON.
        let analysed = try JSON.parse(try snatool("analyse", survey, "--people", people, "--format", "json", "--anonymise", "--pseudonym-key-file", key).stdout)
        let pseudonym = try #require(analysed["people"]?.array?.first?["id"]?.string)
        #expect(pseudonym.hasPrefix("Person ") && anonymised.stdout.contains(pseudonym))
        let work = try snatool("export", survey, "--format", "json", "--theme", "work", "-o", "-")
        let json = try JSON.parse(work.stdout)
        #expect(json["graph"]?["themes"]?.array?.map { $0.string } == ["work"])
        #expect(json["graph"]?["metrics_of"]?.string == "work")
        let organisations = try snatool("export", survey, "--format", "dl", "--level", "organisations", "-o", "-")
        #expect(organisations.stdout.hasPrefix("DL N=25 NM=7"))
        let gexf = try snatool("export", survey, "--people", people, "--format", "gexf", "-o", "-")
        #expect(gexf.stdout.contains("<viz:color r=\"230\" g=\"159\" b=\"0\"/>"))
    }

    @Test func networkFilesAreToldByContentAndXMLIsNeverACSVError() throws {
        let out = try folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let disguised = out.appendingPathComponent("network.csv").path
        #expect(try snatool("export", survey, "--format", "graphml", "-o", disguised).status == 0)
        let run = try snatool("analyse", disguised)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Network: \(disguised) (GraphML, 1472 edges)"))
        let html = out.appendingPathComponent("page.csv").path
        try Data("<html><body>\"quoted\"</body></html>".utf8).write(to: URL(fileURLWithPath: html))
        let refused = try snatool("analyse", html)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("neither GraphML nor GEXF"))
        #expect(!refused.stderr.contains("double quote"))
    }
}
