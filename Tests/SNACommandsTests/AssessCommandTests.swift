import Foundation
import Testing

/// `snatool instruments` and `snatool assess`, run as a user runs them.
@Suite(.serialized) struct AssessCommandTests {
    static let samples = ["cipfa-alps", "decommissioning", "aligning-pooling-terms", "lsp-support-review", "lsp-layer-reporting"]

    @Test func listNamesEveryBundledInstrument() throws {
        let run = try snatool("instruments", "list")
        #expect(run.status == 0)
        for id in Self.samples + ["delivery-chain"] { #expect(run.stdout.contains(id), "\(id)") }
    }

    @Test(arguments: samples + ["delivery-chain"])
    func showInEveryFormat(id: String) throws {
        for format in ["text", "md", "html", "json"] {
            let run = try snatool("instruments", "show", id, "--format", format)
            #expect(run.status == 0, "\(id) \(format): \(run.stderr)")
            #expect(!run.stdout.isEmpty)
        }
    }

    @Test(arguments: samples)
    func assessEachSampleInEveryFormat(id: String) throws {
        for format in ["text", "json", "csv", "md", "html"] {
            let run = try snatool("assess", "--instrument", id, "datasets/instruments/\(id)-sample.csv", "--format", format, "--date", "1 April 2009")
            #expect(run.status == 0, "\(id) \(format): \(run.stderr)")
            if format == "json" { _ = try JSON.parse(run.stdout) }
            if format == "html" { #expect(run.stdout.hasPrefix("<!DOCTYPE html>")) }
        }
    }

    @Test func cipfaJSONHasLevelsAndStatements() throws {
        let run = try snatool("assess", "--instrument", "cipfa-alps", "datasets/instruments/cipfa-alps-sample.csv", "--format", "json")
        let json = try JSON.parse(run.stdout)
        #expect(json["levels"]?["strategy"]?.string == "supporting-performance")
        #expect(json["levels"]?["delivery"]?.string == "securing-stewardship")
        #expect(json["levels"]?["data"]?.string == "none")
        let statements = try #require(json["statements"]?.array)
        #expect(statements.count == 21)
        #expect(statements.first { $0["id"]?.string == "DEL4" }?["met"] == .bool(false))
        #expect(statements.first { $0["id"]?.string == "DAT3" }?["met"] == .bool(true))
    }

    @Test func theDeliveryChainRunsThroughAssess() throws {
        let viaAssess = try JSON.parse(try snatool("assess", "--instrument", "delivery-chain", "datasets/dca/responses.csv", "--format", "json").stdout)
        let viaDCA = try JSON.parse(try snatool("dca", "score", "datasets/dca/responses.csv", "--format", "json").stdout)
        #expect(viaAssess["scores"] == viaDCA)
    }

    @Test func templateThenAssess() throws {
        let scratch = Scratch()
        let sheet = scratch.path("sheet.csv")
        let made = try snatool("assess", "template", "--instrument", "decommissioning", "--subject", "Wardens", "-o", sheet)
        #expect(made.status == 0, "\(made.stderr)")
        let filled = try String(contentsOfFile: sheet, encoding: .utf8).split(separator: "\r\n").enumerated().map { n, line in
            n == 0 ? String(line) : String(line.dropLast(2)) + (n == 5 ? ",low," : ",yes,")
        }.joined(separator: "\n") + "\n"
        let answered = scratch.write("answered.csv", filled)
        let run = try snatool("assess", "--instrument", "decommissioning", answered, "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try JSON.parse(run.stdout)["verdict"]?.string == "keep")
    }

    @Test func aUserInstrumentFileAndABrokenOne() throws {
        let scratch = Scratch()
        let good = scratch.write("mine.yaml", """
            format: snatool-instrument/1
            id: mine
            title: Mine
            source: here
            scales: {yn: {kind: choice, options: [{value: "yes"}, {value: "no", meaning: not-met}]}}
            default_scale: yn
            items: [{id: A1, text: First?}, {id: A2, text: Second?}]
            rule: {kind: checklist}

            """)
        let answers = scratch.write("answers.csv", "item,answer\nA1,yes\nA2,no\n")
        let run = try snatool("assess", "--instrument", good, answers, "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try JSON.parse(run.stdout)["ready"] == .bool(false))
        let bad = scratch.write("bad.yaml", "format: snatool-instrument/1\nid: bad\ntitle: Bad\nsource: here\nscales: {}\ndefault_scale: yn\nitems: []\nrule: {kind: checklist}\n")
        let refused = try snatool("assess", "--instrument", bad, answers)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("bad.yaml:5:"), "\(refused.stderr)")
        #expect(refused.stderr.contains("there are no scales (field scales)"))
        #expect(refused.stdout.isEmpty)
    }

    @Test func badInputAndUsage() throws {
        let scratch = Scratch()
        let unknown = try snatool("assess", "--instrument", "no-such-instrument", "datasets/instruments/cipfa-alps-sample.csv")
        #expect(unknown.status == 64)
        let wrong = scratch.write("wrong.csv", "item,answer\nS1.1,perhaps\n")
        let refused = try snatool("assess", "--instrument", "cipfa-alps", wrong)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("wrong.csv:2:2: error: not an answer on the scale of S1.1"))
        let missing = try snatool("assess", "--instrument", "cipfa-alps", scratch.path("nothing.csv"))
        #expect(missing.status == 66)
        let combine = try snatool("assess", "--instrument", "cipfa-alps", "datasets/instruments/cipfa-alps-sample.csv", "--combine", "average")
        #expect(combine.status == 64)
        let overwrite = try snatool("assess", "--instrument", "cipfa-alps", wrong, "-o", wrong)
        #expect(overwrite.status == 65 || overwrite.status == 73)
        #expect(try String(contentsOfFile: wrong, encoding: .utf8) == "item,answer\nS1.1,perhaps\n")
        let context = try snatool("assess", "template", "--instrument", "aligning-pooling-terms", "--context", "arrangement=merged")
        #expect(context.status == 64)
    }
}

extension AssessCommandTests {
    @Test func aHardLinkToTheInputIsProtectedAndDashIsStandardOutput() throws {
        let scratch = Scratch()
        let input = scratch.write("in.csv", "item,answer\nS1.1,yes\n")
        let link = scratch.path("link.csv")
        try FileManager.default.linkItem(atPath: input, toPath: link)
        let refused = try snatool("assess", "--instrument", "cipfa-alps", link, "--format", "csv", "-o", input)
        #expect(refused.status == 73)
        #expect(try String(contentsOfFile: input, encoding: .utf8) == "item,answer\nS1.1,yes\n")
        let dash = try snatool("assess", "--instrument", "cipfa-alps", input, "--format", "json", "-o", "-")
        #expect(dash.status == 0)
        #expect(try JSON.parse(dash.stdout)["levels"]?["strategy"]?.string == "none")
    }
}
