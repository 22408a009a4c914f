import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite(.serialized) struct SpendCommandTests {
    let staffordshire = "datasets/spend/staffordshire-2013-14.csv"

    @Test func printsTheSeedsProviderTableWithItsTotal() throws {
        let run = try snatool("spend", staffordshire)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Total £7.2bn from 7 providers"))
        for row in ["Department for Work and Pensions  Central government  2.5", "National Health Service           Health              1.8",
                    "Academies                         Education           0.1", "Total                                                 7.2"] {
            #expect(run.stdout.contains(row), "missing: \(row)")
        }
        #expect(run.stdout.contains("all spending £7.2bn; the 10 rows add up to £7.2bn (agrees)"))
    }

    @Test func jsonListsProvidersAndServicesAsNameAndTotal() throws {
        let run = try snatool("spend", "datasets/spend/warwickshire-2008-09.csv", "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSON.parse(run.stdout)
        #expect(json["total"]?.number == 1_604_000_000)
        #expect(json["mainstream"]?.number == 1_572_000_000)
        #expect(json["partnership"]?.number == 32_000_000)
        let providers = try #require(json["providers"]?.array)
        #expect(providers.first?["name"]?.string == "Warwickshire County Council")
        #expect(providers.first?["total"]?.number == 704_000_000)
        #expect(json["services"]?.array?.count == 6)
    }

    @Test(arguments: ["svg", "png", "pdf", "dot", "html", "csv"])
    func outputFollowsTheExtension(ext: String) throws {
        let scratch = Scratch()
        let path = scratch.path("spend.\(ext)")
        let run = try snatool("spend", staffordshire, "-o", path)
        #expect(run.status == 0, "\(run.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        switch ext {
        case "svg":
            _ = try XMLDocument(data: data)
            #expect(String(decoding: data, as: UTF8.self).contains("£2.5bn"))
        case "png": #expect(data.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        case "pdf": #expect(data.prefix(5) == Data("%PDF-".utf8))
        case "dot": #expect(String(decoding: data, as: UTF8.self).hasPrefix("graph"))
        case "html":
            _ = try XMLDocument(data: data)
            #expect(String(decoding: data, as: UTF8.self).contains("<svg"))
        default: #expect(String(decoding: data, as: UTF8.self).hasPrefix("provider,sector,service,amount"))
        }
    }

    @Test func badAmountsStopTheRunWithWhereAndWhatToDo() throws {
        let scratch = Scratch()
        let file = scratch.write("spend.csv", "provider,service,amount\nCouncil,Schools,about a million\nPolice,Policing,£57m\n")
        let run = try snatool("spend", file, "-o", scratch.path("out.svg"))
        #expect(run.status == 65)
        #expect(run.stderr.contains("spend.csv:2:3: error: not an amount (value: \"about a million\")"))
        #expect(run.stderr.contains("Fix: write an amount such as"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out.svg")))
        #expect(try snatool("spend", scratch.path("missing.csv")).status == 66)
        #expect(try snatool("spend", file, "-o", scratch.path("out.gif")).status == 64)
        #expect(try snatool("spend", file, "--people", "x.csv").status == 64)
    }

    @Test func aDifferentStatedTotalIsAWarning() throws {
        let scratch = Scratch()
        let file = scratch.write("spend.csv", "provider,amount\nA,£2.5bn\nB,£4.9bn\nTotal,£7.2bn\n")
        let run = try snatool("spend", file, "--format", "json")
        #expect(run.status == 0)
        #expect(run.stderr.contains("spend.csv:4: warning: the stated total of all spending, £7.2bn, differs from the sum of its 2 rows, £7.4bn"))
    }

    @Test func withASurveyABigSpenderAbsentFromDecisionMakingIsAFinding() throws {
        let run = try snatool("spend", "datasets/spend/derbyshire-illustrative.csv", "--survey", "datasets/derbyshire/survey.csv",
                              "--people", "datasets/derbyshire/partners.csv", "--aliases", "datasets/spend/derbyshire-aliases.csv", "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        let network = try #require(try JSON.parse(run.stdout)["network"])
        let finding = try #require(network["findings"]?.array?.first)
        #expect(finding["kind"]?.string == "big-spender-absent")
        #expect(finding["provider"]?.string == "Learning and Skills Council Derbyshire")
        #expect(finding["theme"]?.string == "decision-making")
        let providers = try #require(network["providers"]?.array)
        #expect(providers.first { $0["provider"]?.string == "Derbyshire PCT" }?["organisation"]?.string == "Derbyshire County Primary Care Trust",
                "matched through the aliases file")
        #expect(providers.first { $0["provider"]?.string == "Department for Work and Pensions" }?["organisation"] == .null)
        let absent = try #require(network["absent"]?.array?.first { $0["theme"]?.string == "decision-making" })
        #expect(abs((absent["share"]?.number ?? 0) - 44.0 / 523) < 1e-9)
    }
}

@Suite(.serialized) struct MapSizedBySpendTests {
    @Test func organisationsAreSizedByWhatTheySpend() throws {
        let scratch = Scratch()
        let path = scratch.path("map.dot")
        let run = try snatool("map", "datasets/derbyshire/survey.csv", "--people", "datasets/derbyshire/partners.csv",
                              "--aliases", "datasets/spend/derbyshire-aliases.csv", "--size-by", "spend",
                              "--spend", "datasets/spend/derbyshire-illustrative.csv", "-o", path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("1 provider in datasets/spend/derbyshire-illustrative.csv matches no organisation of the survey"))
        let dot = try String(contentsOfFile: path, encoding: .utf8)
        #expect(dot.contains("Size: spend."))
        // Derbyshire County Council (£160m) is drawn the largest: width 0.8 inches.
        #expect(dot.contains("n0 [width=0.800,"))
        #expect(try snatool("map", "datasets/bolton/survey.csv", "--size-by", "spend", "-o", scratch.path("m.svg")).status == 64)
        #expect(try snatool("map", "datasets/bolton/survey.csv", "--size-by", "spend", "--spend", "datasets/spend/staffordshire-2013-14.csv",
                            "-o", scratch.path("m.svg")).status == 64, "people maps need --level organisations")
    }
}

@Suite(.serialized) struct ReportWithSpendTests {
    @Test func theReportGainsASectionOnTheMoney() throws {
        let scratch = Scratch()
        let path = scratch.path("report.html")
        let run = try snatool("report", "datasets/derbyshire/survey.csv", "--people", "datasets/derbyshire/partners.csv",
                              "--aliases", "datasets/spend/derbyshire-aliases.csv", "--spend", "datasets/spend/derbyshire-illustrative.csv", "-o", path)
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        _ = try XMLDocument(data: Data(html.utf8))
        #expect(html.contains("<a href=\"#spend\">Where the money goes</a>"))
        #expect(html.contains("id=\"spend_diagram\""))
        #expect(html.contains("Learning and Skills Council Derbyshire spends £30m"))
    }
}
