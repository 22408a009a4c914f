import Foundation
import Testing

/// `snatool analyse` run as a user runs it: the built binary, its output and exit status.
@Suite(.serialized) struct AnalyseCommandTests {
    static let datasets: [[String]] = [
        ["datasets/bolton/survey.csv", "--people", "datasets/bolton/people.csv"],
        ["datasets/bolton/survey-wide.csv", "--people", "datasets/bolton/people.csv"],
        ["datasets/derbyshire/survey.csv", "--people", "datasets/derbyshire/partners.csv", "--group-by", "sector"],
        ["datasets/emon/Cheyenne/survey.csv", "--people", "datasets/emon/Cheyenne/organisations.csv", "--group-by", "sponsorship"],
        ["datasets/emon/HurrFrederic/survey.csv", "--people", "datasets/emon/HurrFrederic/organisations.csv", "--group-by", "sponsorship"],
        ["datasets/emon/MtSi/survey.csv", "--people", "datasets/emon/MtSi/organisations.csv", "--group-by", "sponsorship"],
        ["datasets/emon/Texas/survey.csv", "--people", "datasets/emon/Texas/organisations.csv", "--group-by", "sponsorship"],
    ]

    @Test(arguments: datasets)
    func everyBundledDatasetGivesValidJSON(arguments: [String]) throws {
        let run = try snatool(["analyse"] + arguments + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSON.parse(run.stdout)
        let schema = try analyseSchema()
        #expect(schemaViolations(json, schema) == [])
        let themes = try #require(json["themes"]?.array)
        #expect(themes.last?["theme"]?.string == "all")
        #expect(json["network"]?["people"]?.int ?? 0 > 10)
    }

    @Test(arguments: datasets)
    func everyBundledDatasetGivesAReadableSummary(arguments: [String]) throws {
        let run = try snatool(["analyse"] + arguments)
        #expect(run.status == 0)
        #expect(run.stdout.contains("Survey: \(arguments[0])"))
        #expect(run.stdout.contains("Response:"))
        #expect(run.stdout.contains("density"))
        #expect(run.stderr.isEmpty)
    }

    @Test func boltonSummaryFigures() throws {
        let run = try snatool("analyse", "datasets/bolton/survey.csv", "--people", "datasets/bolton/people.csv", "--format", "json")
        let json = try JSON.parse(run.stdout)
        let network = try #require(json["network"])
        #expect(network["people"]?.int == 210)
        #expect(network["organisations"]?.int == 25)
        #expect(network["layout"]?.string == "long")
        #expect(network["unit"]?.string == "people")
        #expect(network["themes"]?.array?.count == 7)
        #expect(network["response_by_organisation"]?.array?.count == 25)
        let themes = try #require(json["themes"]?.array)
        #expect(themes.map { $0["theme"]?.string } == ["work", "innovation", "expertise", "informal", "improvement", "strategy", "decision-making", "all"])
        for theme in themes {
            let nodes = Double(theme["nodes"]!.int!), ties = theme["ties"]!.number!
            #expect(abs(theme["density"]!.number! - ties / (nodes * (nodes - 1))) < 1e-12)
        }
    }

    @Test func oneThemeAndOrganisationLevel() throws {
        let run = try snatool("analyse", "datasets/bolton/survey.csv", "--people", "datasets/bolton/people.csv",
                              "--theme", "Decision making", "--level", "organisations", "--format", "json")
        #expect(run.status == 0)
        let json = try JSON.parse(run.stdout)
        let themes = try #require(json["themes"]?.array)
        #expect(themes.count == 1)
        #expect(themes[0]["theme"]?.string == "decision-making")
        #expect(themes[0]["nodes"]?.int == 25)
        #expect(json["network"]?["level"]?.string == "organisations")
    }

    @Test func csvFormatAndOutFolder() throws {
        let scratch = Scratch()
        let out = scratch.path("tables")
        let run = try snatool("analyse", "datasets/derbyshire/survey.csv", "--format", "csv", "--out", out)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("theme,label,level,nodes,"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == ["blocks.csv", "findings.csv", "network.csv", "organisations.csv", "people.csv", "resilience.csv",
                          "response_rates.csv", "theme_overlap.csv", "themes.csv", "ties.csv", "warnings.csv"])
        let people = try String(contentsOfFile: scratch.path("tables/people.csv"), encoding: .utf8)
        #expect(people.hasPrefix("id,theme,group,organisation,layer,in_degree,out_degree,degree,"))
        #expect(people.split(separator: "\r\n").count == 1 + 111 * 8)
        // The themes table holds each theme's figures as the JSON output gives them.
        let json = try JSON.parse(try snatool("analyse", "datasets/derbyshire/survey.csv", "--format", "json").stdout)
        let themes = try #require(json["themes"]?.array)
        let rows = try String(contentsOfFile: scratch.path("tables/themes.csv"), encoding: .utf8).split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(rows.first)
        let tiesColumn = try #require(header.firstIndex(of: "ties")), themeColumn = try #require(header.firstIndex(of: "theme"))
        try #require(rows.count == 1 + themes.count)
        for (row, theme) in zip(rows.dropFirst(), themes) {
            #expect(row[themeColumn] == theme["theme"]?.string)
            #expect(Double(row[tiesColumn]) == theme["ties"]?.number)
        }
    }

    /// The layer blocks, for all themes and decision-making, as the JSON gives them.
    @Test func textShowsTheLayerBlocks() throws {
        let run = try snatool("analyse", "datasets/bolton/survey.csv", "--people", "datasets/bolton/people.csv")
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("Layers (decision-making") })
        let strategic = lines[start + 3].split(separator: " ").map(String.init)
        let json = try JSON.parse(try snatool("analyse", "datasets/bolton/survey.csv", "--people", "datasets/bolton/people.csv", "--format", "json").stdout)
        let decisions = try #require(json["themes"]?.array?.first { $0["theme"]?.string == "decision-making" })
        let fromStrategic = try #require(decisions["layers"]?.array?.filter { $0["from"]?.string == "strategic" })
        #expect(strategic.first == "strategic")
        #expect(Array(strategic.dropFirst().prefix(3)).compactMap(Double.init) == fromStrategic.compactMap { $0["ties"]?.number })
        #expect(lines.contains { $0.hasPrefix("Layers (all themes") })
    }

    @Test func unthemedSurveyIsReportedUnderAll() throws {
        let scratch = Scratch()
        let run = try snatool("analyse", scratch.write("s.csv", "from,to\nA,B\nB,A\nB,C\n"), "--format", "json")
        let json = try JSON.parse(run.stdout)
        #expect(json["themes"]?.array?.map { $0["theme"]?.string } == ["all"])
        #expect(json["themes"]?.array?.first?["reciprocity"]?.number == 2.0 / 3.0)
    }

    @Test func warningsArePrintedButDoNotFail() throws {
        let scratch = Scratch()
        let survey = scratch.write("s.csv", "respondent,respondent_org,contact,contact_org,theme\nJ. Smith,Council,Ann,Police,work\nAnn,Police,John Smith,Council,work\nAnn,Police,Ann,Police,work\nAnn,Police,John Smith,Council,work\n")
        let run = try snatool("analyse", survey)
        #expect(run.status == 0)
        #expect(run.stdout.contains("Import warnings (3)"))
        #expect(run.stdout.contains("Findings"))
        #expect(run.stdout.contains("may be the same person"))
        #expect(run.stdout.contains("s.csv:4: warning: 'Ann' named themselves"))
        let json = try snatool("analyse", survey, "--format", "json")
        #expect(json.stderr.contains("3 import warnings"))
        #expect(try JSON.parse(json.stdout)["warnings"]?.array?.count == 3)
    }

    @Test func helpDescribesTheOptions() throws {
        let run = try snatool("analyse", "--help")
        #expect(run.status == 0)
        for option in ["--people", "--group-by", "--aliases", "--theme", "--format", "--out", "--layout", "--level", "--themes"] {
            #expect(run.stdout.contains(option), "\(option)")
        }
        let top = try snatool("--help")
        #expect(top.stdout.contains("analyse"))
        #expect(top.stdout.contains("generate"))
        // The help wraps lines; compare with whitespace folded.
        let folded = top.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(folded.contains("65 bad data"))
        #expect(top.stdout.contains("map"))
        #expect(top.stdout.contains("dca"))
    }

    @Test func generateWritesTheBundledDatasets() throws {
        let scratch = Scratch()
        let run = try snatool("generate", "bolton", "--seed", "1", "-o", scratch.path("bolton"))
        #expect(run.status == 0)
        let generated = try String(contentsOfFile: scratch.path("bolton/survey.csv"), encoding: .utf8)
        let bundled = try String(contentsOf: repositoryRoot.appendingPathComponent("datasets/bolton/survey.csv"), encoding: .utf8)
        #expect(generated == bundled)
        let big = try snatool("generate", "partnership", "--people", "500", "--ties", "3000", "-o", scratch.path("p"))
        #expect(big.status == 0)
        let analysed = try snatool("analyse", scratch.path("p/survey.csv"), "--people", scratch.path("p/people.csv"), "--format", "json")
        #expect(try JSON.parse(analysed.stdout)["network"]?["ties"]?.int == 3000)
    }
}

@Suite(.serialized) struct MetricsOptionTests {
    @Test func onlyTheMetricsAskedForAndTheSameValues() throws {
        let lean = try JSON.parse(try snatool("analyse", "datasets/emon/Texas/survey.csv", "--metrics", "betweenness", "--format", "json", "--threads", "1").stdout)
        let full = try JSON.parse(try snatool("analyse", "datasets/emon/Texas/survey.csv", "--format", "json").stdout)
        let leanPeople = try #require(lean["people"]?.array)
        let fullPeople = try #require(full["people"]?.array)
        #expect(leanPeople.count == fullPeople.count)
        for (a, b) in zip(leanPeople, fullPeople) {
            #expect(a["id"] == b["id"])
            #expect(a["betweenness"] == b["betweenness"])
            #expect(a["pagerank"] == nil)
        }
        let bad = try snatool("analyse", "datasets/emon/Texas/survey.csv", "--metrics", "fame")
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("'fame' is not one of degree"))
        #expect(try snatool("analyse", "datasets/emon/Texas/survey.csv", "--threads", "0").status == 64)
    }
}

@Suite(.serialized) struct BetweennessOptionTests {
    func number(_ value: JSON?) -> Double? {
        switch value {
        case .int(let x)?: return Double(x)
        case .double(let x)?: return x
        default: return nil
        }
    }

    @Test func weightedBetweennessWithBothLengths() throws {
        let survey = "datasets/emon/Texas/survey.csv"
        let weight = try snatool("analyse", survey, "--metrics", "weighted-betweenness,betweenness", "--format", "json")
        let inverse = try snatool("analyse", survey, "--metrics", "weighted-betweenness", "--tie-length", "inverse", "--format", "json")
        #expect(weight.status == 0 && inverse.status == 0)
        let a = try #require(JSON.parse(weight.stdout)["people"]?.array), b = try #require(JSON.parse(inverse.stdout)["people"]?.array)
        #expect(a.count == b.count && !a.isEmpty)
        // Strengths 1-4 as lengths, and as 1/strength: both differ from the unweighted values somewhere.
        #expect(a.contains { number($0["weighted_betweenness"]) != number($0["betweenness"]) })
        #expect(zip(a, b).contains { number($0["weighted_betweenness"]) != number($1["weighted_betweenness"]) })
        #expect(a.allSatisfy { number($0["weighted_betweenness_normalised"]) != nil })
        let help = try snatool("analyse", "--help")
        #expect(help.stdout.contains("weighted-betweenness") && help.stdout.contains("--tie-length") && help.stdout.contains("--approx"))
        #expect(try snatool("analyse", survey, "--metrics", "degree", "--tie-length", "inverse").status == 64)
    }

    @Test func zeroWeightIsNoLength() throws {
        let scratch = Scratch()
        let path = scratch.path("zero.csv")
        try "respondent,contact,strength\nA,B,2\nB,C,0\nA,C,5\n".write(toFile: path, atomically: true, encoding: .utf8)
        let refused = try snatool("analyse", path, "--metrics", "weighted-betweenness")
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("'B' -> 'C' has weight 0") && refused.stderr.contains("--tie-length inverse"))
        #expect(try snatool("analyse", path, "--metrics", "weighted-betweenness", "--tie-length", "inverse").status == 0)
    }

    @Test func approximateBetweennessIsReproducibleAndChecked() throws {
        let survey = "datasets/bolton/survey.csv"
        let args = ["analyse", survey, "--theme", "all", "--metrics", "betweenness", "--approx", "0.05", "--format", "json"]
        let first = try snatool(args + ["--seed", "3", "--threads", "1"])
        let again = try snatool(args + ["--seed", "3", "--threads", "2"])
        let other = try snatool(args + ["--seed", "4"])
        #expect(first.status == 0 && first.stdout == again.stdout)
        #expect(first.stdout != other.stdout)
        let json = try JSON.parse(first.stdout)
        #expect(number(json["approximation"]?["epsilon"]) == 0.05 && json["approximation"]?["seed"]?.int == 3)
        let samples = try #require(json["approximation"]?["samples"]?.array?.first?["samples"]?.int)
        #expect(samples > 0)
        // Within epsilon of the exact values (the guarantee holds with probability 0.9; this seed is fixed).
        let exact = try JSON.parse(try snatool("analyse", survey, "--theme", "all", "--metrics", "betweenness", "--format", "json").stdout)
        for (a, b) in zip(try #require(json["people"]?.array), try #require(exact["people"]?.array)) {
            let estimate = try #require(number(a["betweenness_normalised"])), truth = try #require(number(b["betweenness_normalised"]))
            #expect(abs(estimate - truth) <= 0.05)
        }
        for bad in ["0", "-0.1", "1", "1.5"] {
            let run = try snatool("analyse", survey, "--metrics", "betweenness", "--approx=\(bad)")
            #expect(run.status == 64)
            #expect(run.stderr.contains("--approx: the error bound epsilon must be greater than 0 and less than 1"))
        }
        #expect(try snatool("analyse", survey, "--metrics", "betweenness", "--approx", "0.1", "--delta", "0").status == 64)
        let withoutMetrics = try snatool("analyse", survey, "--approx", "0.1")
        #expect(withoutMetrics.status == 64 && withoutMetrics.stderr.contains("add --metrics betweenness"))
    }
}

/// `--ratings` from the command line: the preset on the second Bolton wave,
/// every output format, bad ratings and bad declarations.
@Suite(.serialized) struct TieRatingCommandTests {
    static let wave2 = ["datasets/bolton-wave2/survey.csv", "--people", "datasets/bolton-wave2/people.csv", "--ratings", "partnership-trust-value"]

    @Test func thePresetOnTheSecondWaveReachesTheOutputsAndTheFindings() throws {
        let run = try snatool(["analyse"] + Self.wave2 + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSON.parse(run.stdout)
        #expect(schemaViolations(json, try analyseSchema()) == [])
        let kinds = json["findings"]?.array?.compactMap { $0["kind"]?.string } ?? []
        #expect(kinds.contains("low-trust-link") && kinds.contains("distrusted-gatekeeper"))
        let person = try #require(json["people"]?.array?.first { $0["theme"]?.string == "all" })
        #expect(person["trust_received_mean"] != nil && person["trust_given_mean"] != nil && person["value_received_mean"] == .null)
        #expect(json["ratings"]?["preset"]?.string == "partnership-trust-value")
        let text = try snatool(["analyse"] + Self.wave2)
        #expect(text.status == 0)
        #expect(text.stdout.contains("Gatekeepers who are little trusted"))
        #expect(text.stdout.contains("Tie ratings (all themes"))
        #expect(text.stderr.isEmpty)
        let scratch = Scratch()
        let out = try snatool(["analyse"] + Self.wave2 + ["--out", scratch.path("tables"), "--low-trust", "1.2"])
        #expect(out.status == 0, "\(out.stderr)")
        let pairs = try String(contentsOfFile: scratch.path("tables/rating_pairs.csv"), encoding: .utf8)
        #expect(pairs.hasPrefix("theme,from,to,trust_openness_mean,trust_openness_count"))
        let findings = try String(contentsOfFile: scratch.path("tables/findings.csv"), encoding: .utf8)
        #expect(!findings.contains("low-trust-link"))
        let export = try snatool(["export"] + Self.wave2 + ["--format", "gexf", "-o", scratch.path("wave2.gexf")])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(try String(contentsOfFile: scratch.path("wave2.gexf"), encoding: .utf8).contains("title=\"trust_rating\""))
        let report = try snatool(["report"] + Self.wave2 + ["-o", scratch.path("report.html")])
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOfFile: scratch.path("report.html"), encoding: .utf8)
        #expect(html.contains("Trust and other tie ratings") && html.contains("Gatekeepers who are little trusted"))
        // Without --ratings the columns are ignored, and the warning says how to read them.
        let plain = try snatool("analyse", "datasets/bolton-wave2/survey.csv", "--people", "datasets/bolton-wave2/people.csv")
        #expect(plain.stdout.contains("look like ratings of the partnership trust and value measures"))
        #expect(plain.stdout.contains("(--ratings)"))
    }

    @Test func badRatingsAndDeclarations() throws {
        let scratch = Scratch()
        let survey = scratch.write("rated.csv", "respondent,contact,trust\nAnn,Bob,3\nBob,Ann,9\n")
        let bad = try snatool("analyse", survey, "--ratings", "trust:1-4")
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("rated.csv:3:3: error: the trust rating is off its scale of 1-4 (value: \"9\") [column \"trust\"]"))
        #expect(bad.stderr.contains("(--ratings)"))
        let scale = try snatool("analyse", survey, "--ratings", "trust:4-1")
        #expect(scale.status == 64)
        #expect(scale.stderr.contains("--ratings: the scale of rating 'trust' is not two numbers with the lower first"))
        let wider = try snatool("analyse", survey, "--ratings", "trust:0-10", "--format", "csv")
        #expect(wider.status == 0, "\(wider.stderr)")
        let threshold = try snatool("analyse", survey, "--ratings", "trust", "--low-trust-ratings", "0")
        #expect(threshold.status == 64)
    }
}
