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
        let themes = try String(contentsOfFile: scratch.path("tables/themes.csv"), encoding: .utf8)
        #expect(themes == run.stdout)
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
