import Foundation
import Testing

/// One model behind every path: the inconsistencies of issue 14, each checked
/// against something computed independently of the path under test.
@Suite struct ConsistencyTests {
    static let bolton = ["datasets/bolton/survey.csv", "--people", "datasets/bolton/people.csv"]

    func json(_ arguments: [String]) throws -> JSON {
        let run = try snatool(arguments + ["--format", "json"])
        try #require(run.status == 0, "\(run.stderr)")
        return try JSON.parse(run.stdout)
    }

    /// Findings judged on one theme say so, and no finding prints a betweenness of 0 as a rank.
    @Test func aThemesFindingsNameThatTheme() throws {
        let run = try snatool(["analyse"] + Self.bolton + ["--theme", "decision-making"])
        #expect(run.status == 0)
        #expect(!run.stdout.lowercased().contains("network of all themes"))
        #expect(run.stdout.contains("cut-point of the decision-making network") || run.stdout.contains("Cut-point of the decision-making network"))
        #expect(!run.stdout.contains("betweenness 0,"))
        #expect(!run.stdout.contains("including everyone in"))
        let findings = try #require(try json(["analyse"] + Self.bolton + ["--theme", "decision-making"])["findings"]?.array)
        try #require(!findings.isEmpty)
        for finding in findings where finding["kind"]?.string != "missing-expected-link" {
            #expect(finding["theme"]?.string == "decision-making")
            #expect(finding["theme_label"]?.string == "Decision-making")
        }
    }

    /// `--metrics brokerage` gives the full analysis's brokerage under the same
    /// options: at organisation level grouped by sector, and at people level by layer.
    @Test(arguments: [["--level", "organisations", "--group-by", "sector"], ["--group-by", "layer"], ["--level", "organisations", "--group-by", "org"]])
    func selectedMetricsAgreeWithTheFullAnalysis(options: [String]) throws {
        let selected = try #require(try json(["analyse"] + Self.bolton + options + ["--metrics", "brokerage"])["people"]?.array)
        let full = try #require(try json(["analyse"] + Self.bolton + options)["people"]?.array)
        try #require(selected.count == full.count && !full.isEmpty)
        var byKey: [String: JSON] = [:]
        for row in full { byKey["\(row["id"]?.string ?? "")|\(row["theme"]?.string ?? "")"] = row }
        var compared = 0
        for row in selected {
            let other = try #require(byKey["\(row["id"]?.string ?? "")|\(row["theme"]?.string ?? "")"])
            for role in ["coordinator", "itinerant", "gatekeeper", "representative", "liaison", "total"] {
                #expect(row["brokerage_\(role)"]?.number == other["brokerage"]?[role]?.number)
                compared += 1
            }
        }
        #expect(compared == selected.count * 6)
    }

    /// `--metrics` writes each column as the full analysis does: the same
    /// values, flags as booleans and counts as integers, in JSON and CSV.
    @Test func selectedMetricsWriteValuesAsTheFullAnalysisDoes() throws {
        let columns = ["articulation_point", "removal_impact", "in_degree", "out_degree", "degree", "core", "clustering"]
        let selected = try #require(try json(["analyse"] + Self.bolton + ["--metrics", "cut-points,degree,core,clustering"])["people"]?.array)
        let full = try #require(try json(["analyse"] + Self.bolton)["people"]?.array)
        try #require(selected.count == full.count && !full.isEmpty)
        var cutPoints = 0
        for (row, other) in zip(selected, full) {
            #expect(row["id"]?.string == other["id"]?.string && row["theme"]?.string == other["theme"]?.string)
            for column in columns { #expect(row[column] == other[column], "\(column) of \(row["id"]?.string ?? "")") }
            if row["articulation_point"] == .bool(true) { cutPoints += 1 }
        }
        #expect(cutPoints > 0)
        let csv = try snatool(["analyse"] + Self.bolton + ["--metrics", "cut-points", "--format", "csv"])
        let lines = csv.stdout.split(separator: "\r\n")
        #expect(lines.first == "id,theme,articulation_point,removal_impact")
        #expect(lines.dropFirst().allSatisfy { $0.contains(",true,") || $0.contains(",false,") })
    }

    /// `org`, `organisation` and `organization` are one grouping, at either level.
    @Test func organisationSpellingsAreOneGrouping() throws {
        for level in ["people", "organisations"] {
            let groups = try ["org", "organisation", "organization"].map { spelling in
                try json(["analyse"] + Self.bolton + ["--level", level, "--group-by", spelling])["people"]?.array?.map { $0["group"]?.string ?? "" }
            }
            #expect(groups[0] == groups[1] && groups[1] == groups[2])
            #expect(groups[0]?.contains("(none)") == false)
        }
    }

    /// Expected links obey --findings-per-kind like every other kind.
    @Test func expectedLinksObeyTheLimitPerKind() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consistency-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let links = folder.appendingPathComponent("links.csv")
        try "organisation_a,organisation_b\nlocal government,health\nlocal government,voluntary\nhealth,voluntary\nhousing,employment\n".write(to: links, atomically: true, encoding: .utf8)
        let unlimited = try #require(try json(["analyse"] + Self.bolton + ["--expected-links", links.path, "--findings-per-kind", "1000"])["findings"]?.array)
        let missing = unlimited.filter { $0["kind"]?.string == "missing-expected-link" }.count
        let limited = try #require(try json(["analyse"] + Self.bolton + ["--expected-links", links.path, "--findings-per-kind", "2"])["findings"]?.array)
        #expect(limited.filter { $0["kind"]?.string == "missing-expected-link" }.count == min(2, missing))
    }

    /// Every figure of a theme row describes the symmetrised graph: with
    /// `either` every tie is reciprocated and ties are twice the pairs tied.
    @Test func theThemesTableDescribesTheSymmetrisedGraph() throws {
        let plain = try #require(try json(["analyse"] + Self.bolton)["themes"]?.array)
        let either = try #require(try json(["analyse"] + Self.bolton + ["--symmetrise", "either"])["themes"]?.array)
        for (before, after) in zip(plain, either) {
            #expect(after["reciprocity"]?.number == 1)
            let ties = try #require(before["ties"]?.number), mutual = try #require(before["mutual_pairs"]?.number)
            #expect(after["ties"]?.number == 2 * (ties - mutual))
        }
    }

    /// A theme's map marks the gatekeepers `analyse --theme` finds for that theme.
    @Test func aThemeMapMarksTheFindingsGatekeepers() throws {
        let findings = try #require(try json(["analyse"] + Self.bolton + ["--theme", "decision-making"])["findings"]?.array)
        let gatekeepers = Set(findings.filter { $0["kind"]?.string == "gatekeeper" }.compactMap { $0["subject_nodes"]?.array?.first?["index"]?.number }.map { Int($0) })
        try #require(!gatekeepers.isEmpty)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dm-\(UUID().uuidString).dot")
        defer { try? FileManager.default.removeItem(at: path) }
        let written = try snatool(["map"] + Self.bolton + ["--theme", "decision-making", "-o", path.path])
        try #require(written.status == 0, "\(written.stderr)")
        let text = try String(contentsOf: path, encoding: .utf8)
        let marked = Set(text.split(separator: "\n").filter { $0.contains("peripheries=2") }.compactMap { line -> Int? in
            guard let start = line.range(of: "  n") else { return nil }
            return Int(line[start.upperBound...].prefix { $0.isNumber })
        })
        #expect(marked == gatekeepers)
    }

    /// `map` and `report` take the options `analyse` takes.
    @Test func mapAndReportTakeTheAnalysisOptions() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let shared = ["--theme", "strategy", "--symmetrise", "either", "--findings-per-kind", "1", "--gatekeeper-cut-off", "3"]
        let map = try snatool(["map"] + Self.bolton + shared + ["-o", folder.appendingPathComponent("m.svg").path])
        #expect(map.status == 0, "\(map.stderr)")
        let report = try snatool(["report"] + Self.bolton + shared + ["--level", "people", "-o", folder.appendingPathComponent("r.html").path])
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOf: folder.appendingPathComponent("r.html"), encoding: .utf8)
        // One finding per kind: every kind's heading says (1).
        let counts = html.components(separatedBy: "<h3>").dropFirst().compactMap { part -> String? in
            guard let end = part.range(of: "</h3>") else { return nil }
            return String(part[..<end.lowerBound])
        }.filter { $0.hasSuffix(")") && $0.contains(" (") }
        try #require(!counts.isEmpty)
        for heading in counts { #expect(heading.hasSuffix("(1)"), "\(heading)") }
    }

    /// The report's low-response caution is about organisations, never the people with none.
    @Test func lowResponseCautionLeavesOutPeopleWithNoOrganisation() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caution-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let survey = folder.appendingPathComponent("survey.csv")
        // Police answer in full; the people they name have no organisation and never answered.
        try "respondent,contact,theme,organisation\nAnn,Bob,work,Police\nAnn,Cat,work,Police\nDan,Ann,work,Police\nDan,Eve,work,Police\n"
            .write(to: survey, atomically: true, encoding: .utf8)
        let report = folder.appendingPathComponent("r.html")
        let run = try snatool("report", survey.path, "-o", report.path)
        try #require(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: report, encoding: .utf8)
        #expect(!html.contains("class=\"caution\"><strong>Caution:</strong> fewer than"), "no organisation answered poorly")
    }

    /// Usage errors from the parser and from the commands start alike.
    @Test func oneErrorPrefix() throws {
        let parser = try snatool("analyse", "datasets/bolton/survey.csv", "--top", "-1")
        #expect(parser.status == 64)
        #expect(parser.stderr.hasPrefix("snatool: error:"), "\(parser.stderr)")
        let command = try snatool("analyse", "datasets/bolton/survey.csv", "--theme", "nonsense")
        #expect(command.status == 64)
        #expect(command.stderr.contains("snatool: error:"))
        #expect(!command.stderr.contains("Error:"))
    }

    /// Counts of one are words, not decimals or plurals.
    @Test func countsOfOneReadAsWords() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("one-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: path) }
        try "respondent,contact,theme\nAnn,Bob,work\n".write(to: path, atomically: true, encoding: .utf8)
        let run = try snatool("analyse", path.path)
        #expect(run.stdout.contains("1 row)"))
        #expect(run.stdout.contains("1 tie across 1 theme (1 distinct pair)"))
        #expect(!run.stdout.contains("1 rows") && !run.stdout.contains("1 ties"))
    }
}
