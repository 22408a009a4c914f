import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `snatool compare` on the bundled waves and on hostile pairs of surveys.
@Suite(.serialized) struct CompareCommandTests {
    static let bundled = ["compare", "datasets/bolton/survey.csv", "datasets/bolton-wave2/survey.csv",
                          "--before-people", "datasets/bolton/people.csv", "--after-people", "datasets/bolton-wave2/people.csv"]

    @Test func theBundledWavesInEveryFormat() throws {
        let scratch = Scratch()
        let json = try snatool(Self.bundled + ["--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let document = try JSON.parse(json.stdout)
        let schema = try JSON.parse(String(contentsOf: repositoryRoot.appendingPathComponent("docs/schema/compare.schema.json"), encoding: .utf8))
        #expect(schemaViolations(document, schema) == [])
        let themes = try #require(document["themes"]?.array)
        #expect(themes.map { $0["id"]?.string } == ["work", "innovation", "expertise", "informal", "improvement", "strategy", "decision-making", "all"])
        for theme in themes {
            // Counts with their lists beside them.
            for key in ["ties_gained", "ties_lost", "people_joined", "people_left", "gatekeepers_resolved", "gatekeepers_new", "weak_links_closed", "weak_links_opened"] {
                #expect(theme[key]?.int == theme[key + "_list"]?.array?.count, "\(key)")
            }
        }
        let all = try #require(themes.last)
        #expect(all["gatekeepers_resolved_list"]?.array?.first?["name"]?.string == "Partnership Manager, Fortalice")
        #expect(document["survey"]?["joined_list"] == .array([.string("Community Safety Officer, Bolton at Home")]))
        #expect(document["survey"]?["stopped_answering"]?.int == 1)

        let text = try snatool(Self.bundled)
        #expect(text.status == 0)
        #expect(text.stdout.contains("Gatekeepers resolved (their departure no longer cuts anyone off): 1\n    Partnership Manager, Fortalice (cut off 4 before)"))
        #expect(text.stdout.contains("Response: 189 of 210 (90%) before, 188 of 210 (90%) after"))

        let csv = try snatool(Self.bundled + ["--format", "csv"])
        #expect(csv.stdout.hasPrefix("theme,change,name,other,before,after\r\n"))
        #expect(csv.stdout.contains("all,gatekeepers_resolved,\"Partnership Manager, Fortalice\",,4,0\r\n"))
        #expect(csv.stdout.contains("survey,left,\"Volunteer Coordinator, Age Concern Bolton\",,,\r\n"))

        let html = try snatool(Self.bundled + ["--format", "html", "-o", scratch.path("compare.html")])
        #expect(html.status == 0, "\(html.stderr)")
        let page = try String(contentsOfFile: scratch.path("compare.html"), encoding: .utf8)
        _ = try XMLDocument(data: Data(page.utf8))
        #expect(page.contains("<li>Partnership Manager, Fortalice (cut off 4 before)</li>"))
        #expect(page.contains("Bolton Interfaith Council"))
    }

    @Test func tieRatingsBeforeAndAfter() throws {
        // Trust between A and B falls (4 -> 1 and 4 -> 2); A's trust in C holds at 3.
        let scratch = Scratch()
        let people = scratch.write("people.csv", "id,organisation\nAnn,Org A\nBob,Org B\nCat,Org C\n")
        let first = scratch.write("w1.csv", "respondent,contact,theme,trust\nAnn,Bob,work,4\nBob,Ann,work,4\nAnn,Cat,work,3\n")
        let second = scratch.write("w2.csv", "respondent,contact,theme,trust\nAnn,Bob,work,1\nBob,Ann,work,2\nAnn,Cat,work,3\n")
        let unrated = scratch.write("w0.csv", "respondent,contact,theme\nAnn,Bob,work\nBob,Ann,work\nAnn,Cat,work\n")
        let compare = ["compare", first, second, "--before-people", people, "--after-people", people, "--ratings", "trust:1-4"]
        let json = try snatool(compare + ["--format", "json"])
        try #require(json.status == 0, "\(json.stderr)")
        let document = try JSON.parse(json.stdout)
        let schema = try JSON.parse(String(contentsOf: repositoryRoot.appendingPathComponent("docs/schema/compare.schema.json"), encoding: .utf8))
        #expect(schemaViolations(document, schema) == [])
        let trust = try #require(document["ratings"]?.array?.first)
        #expect(trust["id"]?.string == "trust" && trust["in_both_waves"] == .bool(true))
        #expect(abs((trust["before"]?.number ?? 0) - 11.0 / 3) < 1e-9 && trust["after"]?.number == 2)
        #expect(trust["rated_pairs_before"]?.int == 3 && trust["rated_pairs_after"]?.int == 3)
        let organisations = try #require(trust["organisations"]?.array)
        #expect(organisations.map { $0["name"]?.string } == ["Org B", "Org A", "Org C"])  // largest fall first
        #expect(organisations.map { $0["received_before"]?.number } == [4, 4, 3] && organisations.map { $0["received_after"]?.number } == [1, 2, 3])
        let pairs = try #require(trust["organisation_pairs"]?.array)
        #expect(pairs.map { "\($0["from"]?.string ?? "")>\($0["to"]?.string ?? ""):\($0["before"]?.number ?? 0)>\($0["after"]?.number ?? 0)" }
                == ["Org A>Org B:4.0>1.0", "Org B>Org A:4.0>2.0", "Org A>Org C:3.0>3.0"])

        let text = try snatool(compare)
        #expect(text.stdout.contains("Tie ratings, all themes\n  trust: 3.67 before, 2.00 after (mean of 3 and 3 rated pairs)"), "\(text.stdout)")
        #expect(text.stdout.contains("Org A -> Org B: 4.00 -> 1.00"))
        let csv = try snatool(compare + ["--format", "csv"])
        #expect(csv.stdout.contains("all,rating_trust_received,Org B,,4,1\r\n"), "\(csv.stdout)")
        #expect(csv.stdout.contains("all,rating_trust_pair,Org A,Org B,4,1\r\n"))
        let html = try snatool(compare + ["--format", "html", "-o", scratch.path("compare.html")])
        #expect(html.status == 0, "\(html.stderr)")
        let page = try String(contentsOfFile: scratch.path("compare.html"), encoding: .utf8)
        _ = try XMLDocument(data: Data(page.utf8))
        #expect(page.contains("<tr><td>Org B</td><td>4.00</td><td>1.00</td><td>-3.00</td></tr>"))

        // A first wave without ratings: the later wave's mean, and no change claimed.
        let once = try snatool(["compare", unrated, second, "--before-people", people, "--after-people", people, "--ratings", "trust:1-4"])
        #expect(once.stdout.contains("trust: rated after only (mean 2.00 of 3 rated pairs); no change can be measured"), "\(once.stdout)")
    }

    @Test func hostilePairsOfWaves() throws {
        let scratch = Scratch()
        let first = scratch.write("w1.csv", "respondent,contact,theme\nAnn Smith,Bob Jones,work\nBob Jones,Cat Lee,work\nCat Lee,Ann Smith,strategy\n")
        let second = scratch.write("w2.csv", "respondent,contact,theme\nAnn Smyth,Bob Jones,work\nBob Jones,Cat Lee,innovation\nDan Ray,Cat Lee,innovation\n")
        // Different theme sets and a near miss across the waves: compared, with warnings.
        let run = try snatool("compare", first, second, "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("'Ann Smyth' (after) matches nobody before but is close to 'Ann Smith' (before)"))
        #expect(run.stderr.contains("only before: strategy; only after: innovation"))
        let document = try JSON.parse(run.stdout)
        #expect(schemaViolations(document, try JSON.parse(String(contentsOf: repositoryRoot.appendingPathComponent("docs/schema/compare.schema.json"), encoding: .utf8))) == [])
        let strategy = try #require(document["themes"]?.array?.first { $0["id"]?.string == "strategy" })
        #expect(strategy["after"] == .null)
        #expect(strategy["in_both_waves"] == .bool(false))
        // An alias in the later wave matches the near miss: no warning, Ann stays.
        let aliases = scratch.write("aliases.csv", "alias,name\nAnn Smyth,Ann Smith\n")
        let matched = try JSON.parse(try snatool("compare", first, second, "--after-aliases", aliases, "--format", "json").stdout)
        #expect(matched["survey"]?["left_list"] == .array([]))
        #expect(matched["survey"]?["near_misses"] == .array([]))
        // A theme one wave did not ask about: a usage error naming that wave.
        let theme = try snatool("compare", first, second, "--theme", "strategy")
        #expect(theme.status == 64)
        #expect(theme.stderr.contains("is not a theme of \(second)"))
        // A wave that names nobody: the reader's error, nothing written.
        let empty = scratch.write("w0.csv", "respondent,contact,theme\n")
        let none = try snatool("compare", first, empty, "-o", scratch.path("out.txt"))
        #expect(none.status == 65)
        #expect(none.stderr.contains("w0.csv: error: the survey names nobody"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out.txt")))
        // Output never overwrites an input.
        let over = try snatool("compare", first, second, "-o", first)
        #expect(over.status == 73)
        #expect(try String(contentsOfFile: first, encoding: .utf8).hasPrefix("respondent,contact,theme\nAnn Smith"))
    }

    /// Each node's name and centre on one of the before/after maps.
    func places(_ html: String, map: String) throws -> [String: String] {
        let pattern = try NSRegularExpression(pattern: "id=\"\(map)-a_n\\d+\"><a xlink:title=\"([^\"]+?) \\([^\"]*\">\\s*<ellipse[^>]* cx=\"([-0-9.]+)\" cy=\"([-0-9.]+)\"")
        var result: [String: String] = [:]
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let part = { (i: Int) in String(html[Range(match.range(at: i), in: html)!]) }
            result[part(1)] = part(2) + "," + part(3)
        }
        return result
    }

    @Test func aReportWithThePreviousWaveShowsWhatChangedWithMapsInTheSamePlaces() throws {
        let scratch = Scratch()
        let base = ["report", "datasets/bolton-wave2/survey.csv", "--people", "datasets/bolton-wave2/people.csv",
                    "--previous", "datasets/bolton/survey.csv", "--previous-people", "datasets/bolton/people.csv"]
        let run = try snatool(base + ["-o", scratch.path("report.html")])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: scratch.path("report.html"), encoding: .utf8)
        _ = try XMLDocument(data: Data(html.utf8))
        #expect(html.contains("<h2>What changed</h2>"))
        #expect(html.contains("<li>Partnership Manager, Fortalice (cut off 4 before)</li>"))
        #expect(html.contains("<li>Community Safety Officer, Bolton at Home</li>"))
        let before = try places(html, map: "map-before"), after = try places(html, map: "map-after")
        #expect(before.count == 210 && after.count == 210)
        let common = Set(before.keys).intersection(after.keys)
        #expect(common.count == 209)
        for name in common { #expect(before[name] == after[name], "\(name)") }
        #expect(before["Volunteer Coordinator, Age Concern Bolton"] != nil && after["Volunteer Coordinator, Age Concern Bolton"] == nil)
        #expect(after["Community Safety Officer, Bolton at Home"] != nil)

        // Anonymised with one key: the same pseudonyms in both maps and the comparison, no name.
        let key = scratch.write("key", "the partnership's key for both waves")
        let anonymous = try snatool(base + ["--anonymise", "--pseudonym-key-file", key, "-o", scratch.path("anonymous.html")])
        #expect(anonymous.status == 0, "\(anonymous.stderr)")
        let hidden = try String(contentsOfFile: scratch.path("anonymous.html"), encoding: .utf8)
        #expect(!before.keys.contains { hidden.contains($0) })
        #expect(!hidden.contains("Community Safety Officer, Bolton at Home"))
        let pseudonymous = try places(hidden, map: "map-before"), later = try places(hidden, map: "map-after")
        #expect(Set(pseudonymous.keys).intersection(later.keys).count == 209)
        #expect(hidden.contains("<h2>What changed</h2>"))
        let misuse = try snatool("report", "datasets/bolton/survey.csv", "--previous-people", "datasets/bolton/people.csv", "-o", scratch.path("x.html"))
        #expect(misuse.status == 64)
    }
}
