import Foundation
import Testing

@Suite(.serialized) struct DCACommandTests {
    @Test func scoreInEveryFormat() throws {
        let text = try snatool("dca", "score", "datasets/dca/responses.csv")
        #expect(text.status == 0)
        #expect(text.stdout.contains("Heat map"))
        let json = try JSON.parse(try snatool("dca", "score", "datasets/dca/responses.csv", "--format", "json").stdout)
        let outcomes = try #require(json["outcomes"]?.array)
        #expect(outcomes.count == 2)
        // The text names every weak link (scored, not green), as docs/dca.md says: counted here from the JSON.
        let questions = try #require(outcomes[0]["questions"]?.array)
        let notGreen = questions.filter { $0["rating"]?.string.map { $0 != "green" } ?? false }
        #expect(notGreen.count > 3)
        #expect(text.stdout.contains("The chain is weakest at (\(notGreen.count) questions not green): levers"))
        let question = try #require(outcomes[0]["questions"]?.array?.first)
        for key in ["id", "key", "text", "n", "mean", "median", "min", "max", "sd", "dont_know", "rating", "layer_means", "gap", "contested"] {
            #expect(question[key] != nil, "\(key)")
        }
        #expect(outcomes[0]["priorities"]?.array?.count == 12)
        let csv = try snatool("dca", "score", "datasets/dca/responses.csv", "--format", "csv", "--red-below", "1.5")
        #expect(csv.stdout.split(separator: "\r\n").count == 1 + 24)
    }

    @Test func planFilesAndErrors() throws {
        let scratch = Scratch()
        for ext in ["md", "html", "csv"] {
            let run = try snatool("dca", "plan", "datasets/dca/responses.csv", "--actions", "datasets/dca/agreed-actions.csv", "--top", "4",
                                  "--date", "1 April 2009", "-o", scratch.path("plan.\(ext)"))
            #expect(run.status == 0, "\(run.stderr)")
            #expect(FileManager.default.fileExists(atPath: scratch.path("plan.\(ext)")))
        }
        let bad = scratch.write("bad.csv", "outcome,participant,question,score\nX,A,1,9\nX,A,14,1\n")
        let run = try snatool("dca", "plan", bad, "-o", scratch.path("bad.html"))
        #expect(run.status == 65)
        #expect(run.stderr.contains("bad.csv:2:4: error: not a score on the scale (value: \"9\")"))
        #expect(run.stderr.contains("bad.csv:3:3: error: unknown question (value: \"14\")"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("bad.html")))
        #expect(try snatool("dca", "plan", "datasets/dca/responses.csv", "-o", scratch.path("plan.docx")).status == 64)
        let original = try String(contentsOf: repositoryRoot.appendingPathComponent("datasets/dca/responses.csv"), encoding: .utf8)
        #expect(try snatool("dca", "plan", "datasets/dca/responses.csv", "-o", "datasets/dca/responses.csv").status == 73)
        #expect(try String(contentsOf: repositoryRoot.appendingPathComponent("datasets/dca/responses.csv"), encoding: .utf8) == original)
    }

    @Test func templateAndCompare() throws {
        let scratch = Scratch()
        let people = scratch.write("people.csv", "participant,organisation,layer\n\"Director, PCT\",PCT,strategic\n")
        #expect(try snatool("dca", "template", "--outcome", "Obesity", "--participants", people, "-o", scratch.path("sheet.csv")).status == 0)
        #expect(try snatool("dca", "template", "--outcome", "Obesity", "-o", scratch.path("form.html")).status == 0)
        let sheet = try String(contentsOfFile: scratch.path("sheet.csv"), encoding: .utf8)
        #expect(sheet.contains("Obesity,\"Director, PCT\",PCT,strategic"))
        let compare = try snatool("dca", "compare", "datasets/dca/responses.csv", "datasets/dca/responses.csv")
        #expect(compare.status == 0)
        #expect(compare.stdout.contains("Improved: none"))
        let other = scratch.write("other.csv", "outcome,participant,question,score\nSomething else,A,1,2\n")
        #expect(try snatool("dca", "compare", "datasets/dca/responses.csv", other).status == 65)
    }
}

@Suite(.serialized) struct ReportCommandTests {
    @Test func reportWithEverythingAndAnonymised() throws {
        let scratch = Scratch()
        let run = try snatool("report", "datasets/derbyshire/survey.csv", "--people", "datasets/derbyshire/partners.csv", "--group-by", "sector",
                              "--dca", "datasets/dca/responses.csv", "--title", "Derbyshire <partnership>", "--date", "1 April 2009",
                              "-o", scratch.path("report.html"))
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: scratch.path("report.html"), encoding: .utf8)
        #expect(html.contains("<h1>Derbyshire &lt;partnership&gt;</h1>"))
        #expect(html.contains("Learning and Skills Council Derbyshire"))
        let anonymised = try snatool("report", "datasets/bolton/survey.csv", "--people", "datasets/bolton/people.csv", "--anonymise",
                                     "-o", scratch.path("anonymous.html"))
        #expect(anonymised.status == 0)
        let text = try String(contentsOfFile: scratch.path("anonymous.html"), encoding: .utf8)
        #expect(!text.contains("Partnership Chief Inspector"))
        #expect(text.contains("Greater Manchester Police"))
    }

    @Test func badInputsLeaveNoReport() throws {
        let scratch = Scratch()
        let bad = scratch.write("bad.csv", "outcome,participant,question,score\nX,A,1,7\n")
        let run = try snatool("report", "datasets/emon/MtSi/survey.csv", "--dca", bad, "-o", scratch.path("r.html"))
        #expect(run.status == 65)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("r.html")))
        #expect(try snatool("report", "datasets/emon/MtSi/survey.csv", "-o", scratch.path("r.pdf")).status == 64)
    }
}

/// `dca score --survey`: the workshop set against the partnership's network.
@Suite struct DCANetworkCommandTests {
    static let arguments = ["dca", "score", "datasets/dca/responses.csv", "--survey", "datasets/bolton/survey.csv", "--people", "datasets/bolton/people.csv"]

    @Test func theCentralPartnersNotInTheRoomAreNamed() throws {
        let run = try snatool(Self.arguments + ["--format", "json"])
        try #require(run.status == 0, "\(run.stderr)")
        let outcomes = try #require(try JSON.parse(run.stdout)["network"]?["outcomes"]?.array)
        try #require(outcomes.count == 2)
        for outcome in outcomes {
            let room = Set(outcome["room"]?.array?.compactMap { $0["organisation"]?.string } ?? [])
            let invitees = outcome["invitees"]?.array?.compactMap { $0["organisation"]?.string } ?? []
            #expect(invitees.count == 5 && room.isDisjoint(with: invitees))
            let ties = outcome["invitees"]?.array?.compactMap { $0["ties_with_room"]?.number } ?? []
            #expect(ties == ties.sorted(by: >))
        }
        let homes = try #require(outcomes.first { $0["outcome"]?.string?.contains("affordable") == true }?["room"]?.array)
        #expect(homes.first { $0["organisation"]?.string == "Homes and Communities Agency" }?["in_survey"] == .bool(false))
        let irwell = try #require(homes.first { $0["organisation"]?.string == "Irwell Valley Homes" })
        #expect(irwell["weakly_linked"] == .bool(true) && irwell["decision_ties"]?.number == 0)
        let text = try snatool(Self.arguments)
        #expect(text.status == 0 && text.stdout.contains("Partners central to the outcome's network who were not in the room"))
        #expect(text.stdout.contains("In the room but absent from decision-making: Irwell Valley Homes."))
    }

    @Test func surveyOptionsNeedASurvey() throws {
        let run = try snatool(["dca", "score", "datasets/dca/responses.csv", "--people", "datasets/bolton/people.csv"])
        #expect(run.status == 64 && run.stderr.contains("need --survey"))
        let theme = try snatool(Self.arguments + ["--relevant-themes", "gossip"])
        #expect(theme.status == 64 && theme.stderr.contains("--relevant-themes"))
    }
}

/// `report --assessment INSTRUMENT=SHEET` and `--partnership` (issue 19, items 1 and 4).
@Suite struct ReportAssessmentAndPartnerTests {
    @Test func assessmentsAndStatutoryPartnersAreInTheReport() throws {
        let scratch = Scratch()
        let folder = "datasets/crime-and-disorder/"
        let run = try snatool("report", folder + "survey.csv", "--people", folder + "people.csv", "--organisations", folder + "organisations.csv",
                              "--partnership", "crime-and-disorder", "--assessment", "cipfa-alps=datasets/instruments/cipfa-alps-sample.csv",
                              "--assessment", "decommissioning=datasets/instruments/decommissioning-sample.csv", "-o", scratch.path("report.html"))
        try #require(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: scratch.path("report.html"), encoding: .utf8)
        #expect(html.contains("<section id=\"assessment-1\"><h2>Aligning local public services framework</h2>"))
        #expect(html.contains("<section id=\"assessment-2\"><h2>Six decommissioning questions</h2>"))
        #expect(html.contains("Named partners with nobody in the survey") && html.contains("Westshire Police Authority"))
        #expect(html.contains("<section id=\"layers\">"))
        let bad = try snatool("report", folder + "survey.csv", "--assessment", "cipfa-alps", "-o", scratch.path("r.html"))
        #expect(bad.status == 64 && !FileManager.default.fileExists(atPath: scratch.path("r.html")))
        let anonymous = try snatool("report", folder + "survey.csv", "--anonymise", "--assessment", "cipfa-alps=datasets/instruments/cipfa-alps-sample.csv",
                                    "-o", scratch.path("r.html"))
        #expect(anonymous.status == 64 && anonymous.stderr.contains("--assessment"))
    }

    /// A CIPFA sheet with an organisation column is also judged per local body,
    /// and the statements every local body must meet across all of them.
    @Test func theCIPFAFrameworkPerLocalBody() throws {
        let scratch = Scratch()
        let sample = try String(contentsOfFile: "datasets/instruments/cipfa-alps-sample.csv", encoding: .utf8)
        var lines = sample.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[0] = "organisation," + lines[0]
        for i in lines.indices.dropFirst() where !lines[i].isEmpty {
            lines[i] = (lines[i].contains(",Finance lead,") ? "Borough Council," : "County Primary Care Trust,") + lines[i]
        }
        let sheet = scratch.write("cipfa.csv", lines.joined(separator: "\n"))
        let run = try snatool("report", "datasets/crime-and-disorder/survey.csv", "--assessment", "cipfa-alps=" + sheet, "-o", scratch.path("r.html"))
        try #require(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: scratch.path("r.html"), encoding: .utf8)
        #expect(html.contains("<caption>Level reached by each local body</caption>"))
        #expect(html.contains("<th scope=\"row\">Borough Council</th>") && html.contains("<th scope=\"row\">County Primary Care Trust</th>"))
        // S2 "Each local body takes account of other local bodies' strategies": judged across both bodies.
        #expect(html.contains("S2 Each local body takes account"))
        #expect(html.contains("not met (County Primary Care Trust)"))
        // A sheet without the column has no per-body part.
        let plain = try snatool("report", "datasets/crime-and-disorder/survey.csv", "--assessment", "cipfa-alps=datasets/instruments/cipfa-alps-sample.csv", "-o", scratch.path("p.html"))
        #expect(plain.status == 0)
        #expect(!(try String(contentsOfFile: scratch.path("p.html"), encoding: .utf8)).contains("By local body"))
    }
}
