import Foundation
import SNACore
import SNAIO
import Testing
@testable import SNAAssessments

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func responses(_ text: String) throws -> [DCAResponse] {
    try DCAResponseReader.read(CSVReader.parse(text: text, file: "r.csv"))
}

func problems(_ text: String) -> [Diagnostic] {
    do { _ = try responses(text); return [] } catch let error as InputError { return error.diagnostics } catch { return [] }
}

@Suite struct DCAReaderTests {
    @Test func longLayoutWithNumbersKeysAndLabels() throws {
        let read = try responses("""
            outcome,participant,organisation,layer,question,score,comment
            Obesity,Anna,Council,strategic,1,4,
            Obesity,Anna,Council,strategic,shared-plan,Partly,No joint plan
            Obesity,Ben,PCT,operational,q4,don't know,
            Obesity,Ben,PCT,operational,5,,
            """)
        #expect(read.count == 3)
        #expect(read[1].question == 4 && read[1].answer == .score(2) && read[1].comment == "No joint plan")
        #expect(read[2].answer == .dontKnow && read[2].layer == .operational)
    }

    @Test func wideLayoutWithCommentColumns() throws {
        let read = try responses("outcome,participant,layer,q1,q2,comment_q2,Q3,levers\nObesity,Anna,strategic,4,1,no data,3,2\nObesity,Ben,operational,3,,,,1\n")
        #expect(read.count == 6)
        #expect(read.first { $0.question == 2 }?.comment == "no data")
        #expect(read.filter { $0.question == 7 }.map(\.answer) == [.score(2), .score(1)])
    }

    @Test func columnsNotReadAreWarnedAbout() throws {
        var warnings: [Diagnostic] = []
        let table = try CSVReader.parse(text: "outcome,participant,timestamp,q1,q2,comment_q1\nX,A,2009,3,4,ok\n", file: "w.csv")
        _ = try DCAResponseReader.read(table, warnings: &warnings)
        #expect(warnings.map(\.value) == ["timestamp"])
        #expect(warnings.first?.location?.column == 3)
        var none: [Diagnostic] = []
        _ = try DCAResponseReader.read(path: repositoryRoot.appendingPathComponent("datasets/dca/responses.csv").path, warnings: &none)
        #expect(none.isEmpty)
    }

    @Test func errorsNameTheLineAndTheFix() {
        let found = problems("""
            outcome,participant,question,score
            Obesity,Anna,13,2
            Obesity,Anna,1,5
            ,Anna,2,3
            Obesity,,2,3
            Obesity,Anna,3,2
            obesity,anna,q3,4
            """)
        #expect(found.map(\.code) == ["dca.unknown-question", "dca.bad-score", "dca.missing-outcome", "dca.missing-participant", "dca.duplicate-score"])
        #expect(found.map { $0.location?.line } == [2, 3, 4, 5, 7])
        #expect(found[1].fix?.contains("1 (not in place)") == true)
        #expect(found[4].message.contains("on line 6"))
        #expect(problems("participant,question,score\nA,1,2\n").map(\.code) == ["dca.missing-column"])
        #expect(problems("outcome,participant,q13\nX,A,2\n").map(\.code).contains("dca.unknown-question"))
        #expect(problems("outcome,participant,question,score\n").map(\.code) == ["dca.no-scores"])
    }
}

@Suite struct DCAScoringTests {
    @Test func statisticsByHand() throws {
        // Question 1 scored 1, 2, 4, 4 (+ a don't know); strategic 4, 4; operational 1, 2.
        let scores = DCAScores(responses: try responses("""
            outcome,participant,layer,question,score
            X,A,strategic,1,4
            X,B,strategic,1,4
            X,C,operational,1,1
            X,D,operational,1,2
            X,E,operational,1,dk
            X,A,strategic,2,3
            X,B,strategic,2,3
            """))
        let outcome = scores.outcomes[0]
        let q = try #require(outcome.question(1))
        #expect(q.n == 4 && q.dontKnow == 1)
        #expect(q.mean == 2.75)
        #expect(q.median == 3)
        #expect(abs(q.standardDeviation! - (((1.25 * 1.25) * 2 + 1.75 * 1.75 + 0.75 * 0.75) / 3).squareRoot()) < 1e-12)
        #expect(q.minimum == 1 && q.maximum == 4)
        #expect(q.rating == .amber)
        #expect(q.layerMeans[.strategic] == 4 && q.layerMeans[.operational] == 1.5)
        #expect(q.gap == 2.5)
        #expect(q.contested)
        #expect(outcome.participants.count == 5)
        #expect(outcome.overall == (2.75 + 3) / 2)
        // Unscored questions come last, scored ones weakest first.
        #expect(Array(outcome.priorities.prefix(2)) == [1, 2])
        #expect(outcome.question(3)?.mean == nil && outcome.question(3)?.rating == nil)
    }

    @Test func tiesAreBrokenByWiderDisagreement() throws {
        let scores = DCAScores(responses: try responses("outcome,participant,question,score\nX,A,1,2\nX,B,1,2\nX,A,2,1\nX,B,2,3\n"))
        #expect(Array(scores.outcomes[0].priorities.prefix(2)) == [2, 1])
    }

    @Test func bundledSampleShowsItsWeakLinks() throws {
        let read = try DCAResponseReader.read(path: repositoryRoot.appendingPathComponent("datasets/dca/responses.csv").path)
        let scores = DCAScores(responses: read)
        #expect(scores.outcomes.count == 2)
        #expect(scores.outcomes.allSatisfy { $0.participants.count == 14 })
        let obesity = scores.outcomes[0], housing = scores.outcomes[1]
        #expect(Set(obesity.priorities.prefix(4)).isSuperset(of: [5, 7]))
        #expect(Set(housing.priorities.prefix(3)).contains(8))
        #expect(obesity.question(1)?.rating == .green)
    }
}

@Suite struct DCAPlanTests {
    func sample() throws -> (DCAScores, [AgreedAction]) {
        let root = repositoryRoot.appendingPathComponent("datasets/dca")
        let scores = DCAScores(responses: try DCAResponseReader.read(path: root.appendingPathComponent("responses.csv").path))
        return (scores, try AgreedActionsReader.read(path: root.appendingPathComponent("agreed-actions.csv").path, scores: scores))
    }

    @Test func planCoversTheWeakestWithEvidenceSuggestionsAndAgreedActions() throws {
        let (scores, actions) = try sample()
        let plan = DCAPlan(scores: scores, actions: actions, top: 3, date: "1 April 2009")
        let markdown = plan.markdown()
        #expect(markdown.contains("## Reduce childhood obesity (NI 56)"))
        #expect(markdown.contains("Are levers and incentives fit for purpose?"))
        #expect(markdown.contains("Draw up an approved list of levers and incentives (Dorset)"))
        #expect(markdown.contains("| Agree an approved list of levers and incentives for schools and leisure providers | Head of Leisure Services, Bolton Council | 2009-03-31 |"))
        #expect(markdown.contains("## Follow-up"))
        // A question with an agreed action is covered even outside the top 3.
        #expect(markdown.contains("Do the different agencies communicate regularly"))
        let csv = plan.csv()
        #expect(csv.hasPrefix("outcome,priority,question,key,rating,mean,kind,action,owner,due,status"))
        #expect(csv.contains(",agreed,"))
        #expect(csv.contains(",suggested,"))
        let html = plan.html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<span class=\"badge red\">RED</span>"))
        #expect(html.contains("@media print"))
    }

    @Test func htmlEscapesEverything() throws {
        let scores = DCAScores(responses: try responses("outcome,participant,question,score,comment\n<b>X</b>,\"<script>alert(1)</script>\",1,1,\"a & b < c\"\n"))
        let html = DCAPlan(scores: scores, date: "today").html()
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;b&gt;X&lt;/b&gt;"))
        #expect(html.contains("a &amp; b &lt; c"))
    }

    @Test func agreedActionsAreChecked() throws {
        let (scores, _) = try sample()
        let files = FileManager.default.temporaryDirectory.appendingPathComponent("snatool-actions-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: files) }
        try Data("outcome,question,action\nNo such outcome,1,x\nReduce childhood obesity (NI 56),99,x\nReduce childhood obesity (NI 56),1,\n".utf8).write(to: files)
        do {
            _ = try AgreedActionsReader.read(path: files.path, scores: scores)
            Issue.record("expected errors")
        } catch {
            #expect(error.diagnostics.map(\.code) == ["actions.unknown-outcome", "actions.unknown-question", "actions.empty"])
        }
    }

    @Test func compareFindsWhatImprovedAndSlipped() throws {
        let before = DCAScores(responses: try responses("outcome,participant,question,score\nX,A,1,1\nX,B,1,2\nX,A,2,3\nX,A,3,2\n"))
        let after = DCAScores(responses: try responses("outcome,participant,question,score\nx,A,1,3\nx,B,1,3\nx,A,2,2\nx,A,3,2\nY,A,1,1\n"))
        let comparison = DCAComparison(before: before, after: after)
        #expect(comparison.outcomes.count == 1)
        #expect(comparison.outcomes[0].improved.map(\.question.id) == [1])
        #expect(comparison.outcomes[0].slipped.map(\.question.id) == [2])
        #expect(comparison.unmatched == ["Y"])
        #expect(comparison.text().contains("Improved: outcome-defined (+1.50)"))
    }

    @Test func templateRoundTripsThroughTheReader() throws {
        let template = DCATemplate(outcome: "Reduce childhood obesity", participants: [
            .init(name: "Director of Public Health, PCT", organisation: "PCT", layer: .strategic),
            .init(name: "School Nurse, PCT", organisation: "PCT", layer: .operational),
        ])
        var csv = template.csv()
        #expect(csv.hasPrefix("outcome,participant,organisation,layer,q1,q2"))
        csv = csv.replacingOccurrences(of: ",strategic,,", with: ",strategic,3,")
        let read = try responses(csv)
        #expect(read.count == 1)
        #expect(read[0].participant == "Director of Public Health, PCT" && read[0].answer == .score(3) && read[0].question == 1)
        let html = template.html()
        #expect(html.contains("Is there a shared (cross agency) operational plan"))
        #expect(html.components(separatedBy: "<section class=\"form\">").count == 3)
        #expect(DCATemplate(outcome: "X").csv().split(separator: "\r\n").count == 16)
    }
}

/// Cases found by a hostile review.
@Suite struct DCARegressionTests {
    @Test func aChangeOfExactlyTheThresholdCounts() throws {
        let before = (1...20).map { "X,P\($0),1,\($0 <= 16 ? 2 : 1)" }.joined(separator: "\n")
        let after = (1...20).map { "X,P\($0),1,\($0 <= 1 ? 3 : 2)" }.joined(separator: "\n")
        let comparison = DCAComparison(before: DCAScores(responses: try responses("outcome,participant,question,score\n" + before)),
                                       after: DCAScores(responses: try responses("outcome,participant,question,score\n" + after)))
        #expect(comparison.outcomes[0].improved.map(\.question.id) == [1])
    }

    @Test func aParticipantHasOneLayer() throws {
        let read = try responses("outcome,participant,layer,question,score\nO,Ann,strategic,1,2\nO,Ann,,2,3\n")
        #expect(read.allSatisfy { $0.layer == .strategic })
        #expect(problems("outcome,participant,layer,question,score\nO,Ann,strategic,1,2\nO,Ann,operational,2,3\n").map(\.code) == ["dca.layer-conflict"])
    }

    @Test func commentsAreTiedToQuestions() throws {
        #expect(problems("outcome,participant,q1,comment\nO,Ann,2,loose remark\n").map(\.code) == ["dca.unplaced-comment"])
        let template = DCATemplate(outcome: "O", participants: [.init(name: "Ann", organisation: nil, layer: nil)]).csv()
        #expect(template.contains("comment_q12"))
        let filled = template.replacingOccurrences(of: "O,Ann,,,,", with: "O,Ann,,,2,")
            .replacingOccurrences(of: ",\r\n", with: ",my note\r\n")
        let read = try responses(filled)
        #expect(read.count == 1)
        let scores = DCAScores(responses: read)
        #expect(scores.outcomes[0].question(1)?.n == 1)
    }

    @Test func weakestLeavesOutUnscoredAndGreen() throws {
        let scores = DCAScores(responses: try responses("outcome,participant,question,score\nX,A,1,1\nX,A,2,4\nX,A,3,2\n"))
        #expect(scores.outcomes[0].weakest(5).map(\.question.id) == [1, 3])
        let plan = DCAPlan(scores: scores, top: 5, date: "d").markdown()
        #expect(!plan.contains("NOT SCORED"))
    }

    @Test func markdownPlanEscapesHTML() throws {
        let scores = DCAScores(responses: try responses("outcome,participant,question,score,comment\n<b>X</b>,A,1,1,\"<img src=x onerror=alert(1)>\"\n"))
        let markdown = DCAPlan(scores: scores, date: "d").markdown()
        #expect(!markdown.contains("<img"))
        #expect(!markdown.contains("<b>"))
    }
}
