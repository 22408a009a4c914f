import Foundation
import SNACore
import SNAIO
import Testing
@testable import SNAAssessments

/// Reads a response sheet from text.
func sheet(_ text: String, _ instrument: AssessmentInstrument) throws(InputError) -> AssessmentResponses {
    try AssessmentResponseReader.read(CSVReader.parse(text: text, file: "sheet.csv"), instrument: instrument)
}

/// Assesses a response sheet given as text.
func assess(_ text: String, _ instrument: AssessmentInstrument, _ combination: Assessment.Combination? = nil) throws(InputError) -> Assessment {
    try Assessment(instrument: instrument, responses: sheet(text, instrument), combination: combination)
}

/// The CIPFA answers with every question yes, then `overrides`.
func alpsSheet(_ overrides: [String: String] = [:], respondent: String = "") -> String {
    let alps = try! InstrumentLibrary.instrument("cipfa-alps")
    return "respondent,item,answer\n" + alps.items.map { "\(respondent),\($0.id),\(overrides[$0.id] ?? "yes")" }.joined(separator: "\n") + "\n"
}

func levels(_ assessment: Assessment) throws -> LevelsJudgement {
    guard case .levels(let levels) = assessment.subjects[0].judgement else { throw InputError(.badData, []) }
    return levels
}

@Suite struct BundledInstrumentTests {
    @Test func everyBundledInstrumentLoadsAndIsValid() throws {
        #expect(InstrumentLibrary.bundled.map(\.id) == InstrumentLibrary.bundledIDs)
        for instrument in InstrumentLibrary.bundled {
            #expect(InstrumentValidator(instrument: instrument).problems().isEmpty, "\(instrument.id)")
        }
    }

    @Test func cipfaFrameworkMatchesTheSeedTable() throws {
        let alps = try InstrumentLibrary.instrument("cipfa-alps")
        let groups = try #require(alps.groups)
        func ids(_ level: String, _ dimension: String) -> [String] {
            groups.filter { $0.level == level && $0.dimension == dimension }.map(\.id)
        }
        #expect(ids("securing-stewardship", "strategy") == ["S1", "S2"])
        #expect(ids("supporting-performance", "delivery") == ["DEL3", "DEL4"])
        #expect(ids("enabling-transformation", "delivery") == ["DEL5", "DEL6", "DEL7"])
        #expect(ids("supporting-performance", "data") == ["DAT3", "DAT4", "DAT5"])
        #expect(ids("enabling-transformation", "data") == ["DAT6", "DAT7", "DAT8"])
        #expect(groups.count == 21)
        let perStatement = groups.map { group in alps.items.filter { $0.group == group.id }.count }
        #expect(perStatement == [4, 4, 3, 5, 4, 12, 4, 4, 6, 8, 11, 8, 9, 1, 2, 4, 4, 4, 7, 5, 5])
        #expect(alps.items.count == 114)
        // Verbatim, typos included.
        #expect(groups[0].title == "Local bodies meet at least annually to discuss service delivery strategies for the future.")
        #expect(alps.item(named: "DEL4.2")?.text == "Are these risks and mitigation strategies been clearly set out in a risk register?")
        #expect(alps.item(named: "DAT5.4")?.text == "IS the reviewed annual return published within six months of the year end?")
        #expect(alps.item(named: "dat8.1")?.text == "Does the organisation publish external reports at least annually, containing financial and non‐financial information?")
    }

    @Test func decommissioningTermsAndSupportReviewAreTheSeedTables() throws {
        let decommissioning = try InstrumentLibrary.instrument("decommissioning")
        #expect(decommissioning.items.map(\.text) == ["Do we need to do this?", "Does the activity support our objectives?", "Do we need to do the activity this way?",
                                                      "Do we need to do this amount of activity?", "What is the likely impact on partners?", "Is there an alternative?"])
        let terms = try InstrumentLibrary.instrument("aligning-pooling-terms")
        #expect(terms.items.count == 12)
        let aligned = terms.items.filter { $0.appliesTo?["arrangement"]?.contains("aligned") ?? false }.map(\.id)
        let pooled = terms.items.filter { $0.appliesTo?["arrangement"]?.contains("pooled") ?? false }.map(\.id)
        #expect(aligned == ["T1", "T2", "T3", "T4", "T5", "T8", "T9", "T12"])
        #expect(pooled == ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T10", "T11", "T12"])
        #expect(terms.guide?.first?.rows?.count == 8)
        #expect(terms.guide?.first?.columns == ["Aligning is more suitable when:", "Pooling is more suitable when:"])
        let review = try InstrumentLibrary.instrument("lsp-support-review")
        #expect(review.items.count == 16)
        #expect(review.groups?.map(\.id) == ["Q1", "Q2", "Q3", "Q4", "Q5"])
    }

    @Test func showJSONIsTheInstrumentItself() throws {
        for instrument in InstrumentLibrary.bundled {
            let json = try InstrumentSheet(instrument: instrument).json()
            #expect(try InstrumentLibrary.parse(Data(json.utf8), file: "copy.json") == instrument, "\(instrument.id)")
        }
    }
}

@Suite struct LevelsRuleTests {
    let alps = try! InstrumentLibrary.instrument("cipfa-alps")

    @Test func everythingYesReachesTheTopEverywhere() throws {
        let result = try levels(assess(alpsSheet(), alps))
        #expect(result.reached == ["strategy": "enabling-transformation", "delivery": "enabling-transformation", "data": "enabling-transformation"])
        #expect(result.next.isEmpty)
    }

    @Test func partlyCountsAsNotMetAndBlocksEveryLevelAbove() throws {
        let result = try levels(assess(alpsSheet(["S1.1": "partly"]), alps))
        #expect(result.reached["strategy"] == nil)
        #expect(result.next["strategy"] == "securing-stewardship")
        #expect(result.reached["delivery"] == "enabling-transformation")
        #expect(result.statements.first { $0.group.id == "S1" }?.met == false)
        #expect(result.statements.first { $0.group.id == "S6" }?.met == true)
    }

    @Test func notApplicableIsLeftOutAndUnansweredIsNotMet() throws {
        #expect(try levels(assess(alpsSheet(["DAT1.1": "n/a", "DEL5.11": "Not applicable"]), alps)).reached["data"] == "enabling-transformation")
        let unanswered = try levels(assess(alpsSheet(["DEL3.5": ""]), alps))
        #expect(unanswered.reached["delivery"] == "securing-stewardship")
        #expect(unanswered.statements.first { $0.group.id == "DEL3" }?.unmet.map(\.item.id) == ["DEL3.5"])
    }

    @Test func theBundledSampleReachesTheDocumentedLevels() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("datasets/instruments/cipfa-alps-sample.csv"), encoding: .utf8)
        let assessment = try assess(text, alps)
        #expect(assessment.subjects.map(\.subject) == ["Borough partnership"])
        #expect(assessment.subjects[0].respondents == ["Finance lead", "Policy officer"])
        let result = try levels(assessment)
        #expect(result.reached == ["strategy": "supporting-performance", "delivery": "securing-stewardship"])
        #expect(result.next == ["strategy": "enabling-transformation", "delivery": "supporting-performance", "data": "securing-stewardship"])
        let json = AssessmentOutput(assessment: assessment, date: "1 April 2009").json()
        guard case .object(let fields) = json, case .object(let levelsJSON)? = fields.first(where: { $0.0 == "levels" })?.1 else {
            Issue.record("no levels object")
            return
        }
        #expect(levelsJSON.map(\.0) == ["strategy", "delivery", "data"])
        #expect(levelsJSON.map(\.1) == [.string("supporting-performance"), .string("securing-stewardship"), .string("none")])
        let text2 = AssessmentOutput(assessment: assessment, date: "1 April 2009").text()
        #expect(text2.contains("Delivery: to reach Supporting Performance, meet DEL4"))
        #expect(text2.contains("DEL4.2 Are these risks"))
        #expect(text2.contains("below Securing Stewardship"))
    }

    @Test func respondentsCombineStrictestOrByMajority() throws {
        let three = "respondent,item,answer\n" + ["A", "B", "C"].map { who in
            alps.items.map { "\(who),\($0.id),\($0.id == "S1.1" && who == "C" ? "no" : "yes")" }.joined(separator: "\n")
        }.joined(separator: "\n") + "\n"
        #expect(try levels(assess(three, alps)).reached["strategy"] == nil)
        #expect(try levels(assess(three, alps, .majority)).reached["strategy"] == "enabling-transformation")
        let tie = "respondent,item,answer\n" + ["A", "B"].map { who in
            alps.items.map { "\(who),\($0.id),\($0.id == "S1.1" && who == "B" ? "no" : "yes")" }.joined(separator: "\n")
        }.joined(separator: "\n") + "\n"
        #expect(try levels(assess(tie, alps, .majority)).reached["strategy"] == nil, "a tie goes to the less favourable answer")
        let item = try assess(three, alps).subjects[0].items.first { $0.item.id == "S1.1" }
        #expect(item?.disagreement == true)
        #expect(item?.combinedValue == "no")
    }
}

@Suite struct ChecklistAndFlagsTests {
    @Test func decommissioningSampleVerdicts() throws {
        let instrument = try InstrumentLibrary.instrument("decommissioning")
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("datasets/instruments/decommissioning-sample.csv"), encoding: .utf8)
        let assessment = try assess(text, instrument)
        let verdicts = assessment.subjects.map { subject -> String in
            guard case .flags(let flags) = subject.judgement else { return "?" }
            return flags.verdict.id
        }
        #expect(assessment.subjects.map(\.subject) == ["Community transport scheme", "Town centre wardens", "Adult learning outreach", "Printed partnership newsletter"])
        #expect(verdicts == ["remodel", "decommission", "keep", "decommission"])
        guard case .flags(let wardens) = assessment.subjects[1].judgement else { return }
        #expect(wardens.reasons.map(\.flag.id) == ["no-clear-need", "off-objectives"])
        #expect(wardens.cautions.map(\.flag.id) == ["partners-affected", "no-alternative"])
        guard case .flags(let newsletter) = assessment.subjects[3].judgement else { return }
        #expect(newsletter.open.map(\.item.id) == ["D1", "D4"])
        let summary = AssessmentOutput(assessment: assessment, date: "1 April 2009").markdown()
        #expect(summary.contains("3 of 4 assessed need action"))
    }

    @Test func termsAskOnlyWhatTheArrangementNeeds() throws {
        let instrument = try InstrumentLibrary.instrument("aligning-pooling-terms")
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("datasets/instruments/aligning-pooling-terms-sample.csv"), encoding: .utf8)
        let assessment = try assess(text, instrument)
        guard case .checklist(let pooled) = assessment.subjects[0].judgement, case .checklist(let aligned) = assessment.subjects[1].judgement else {
            Issue.record("not checklists")
            return
        }
        #expect(assessment.subjects[0].context == ["arrangement": "pooled"])
        #expect(!pooled.ready)
        #expect(pooled.outstanding.map(\.item.id) == ["T7", "T10"])
        #expect(pooled.outstanding.map(\.status) == [.unknown, .unanswered])
        #expect(assessment.subjects[0].items.first { $0.item.id == "T9" }?.status == .notAsked)
        #expect(aligned.ready)
        #expect(assessment.warnings.map(\.code) == ["assess.not-asked"], "T6 answered for an aligned agreement")
    }

    @Test func missingContextIsAnErrorOncePerSubject() throws {
        let instrument = try InstrumentLibrary.instrument("aligning-pooling-terms")
        do {
            _ = try assess("agreement,item,answer\nA,T1,Council\nA,T2,Fewer NEETs\n", instrument)
            Issue.record("no error")
        } catch {
            #expect(error.errors.map(\.code) == ["assess.missing-context"])
            #expect(error.errors[0].fix?.contains("arrangement") == true)
        }
    }

    /// Seed 004 Tables 7 and 8: each governance group is asked its own layer's
    /// questions, and the verdict names what it needs to change.
    @Test func layerReportingAsksEachLayerItsOwnQuestions() throws {
        let instrument = try InstrumentLibrary.instrument("lsp-layer-reporting")
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("datasets/instruments/lsp-layer-reporting-sample.csv"), encoding: .utf8)
        let assessment = try assess(text, instrument)
        #expect(assessment.subjects.map(\.subject) == ["Partnership board", "Children's trust executive", "Neighbourhood action group"])
        #expect(assessment.subjects.map { $0.context["layer"] } == ["strategic", "executive", "operational"])
        let verdicts = assessment.subjects.map { subject -> String in
            guard case .flags(let flags) = subject.judgement else { return "?" }
            return flags.verdict.id
        }
        #expect(verdicts == ["reporting", "undecided", "meets"])
        guard case .flags(let board) = assessment.subjects[0].judgement, case .flags(let group) = assessment.subjects[2].judgement else { return }
        #expect(board.reasons.map(\.flag.id) == ["too-rare", "not-held-to-account"])
        #expect(group.cautions.map(\.flag.id) == ["too-often"])
        // The board is asked only the strategic layer's questions.
        let asked = assessment.subjects[0].items.filter { $0.status != .notAsked }.map(\.item.id)
        #expect(asked == ["R1", "R4", "R7", "A1", "A3", "A5"])
        // Table 8's frequencies, as the seed gives them.
        #expect(instrument.guide?.first?.rows?.map { $0[1] } == ["Three to four times a year.", "Six to twelve times a year.", "Twelve to 52 times a year."])
        let document = AssessmentOutput(assessment: assessment, date: "1 April 2009").text()
        #expect(document.contains("1 of 3 assessed needs action:"))
        #expect(document.contains("Not asked here: R2, R3, R5, R6, R8, R9, A2, A4, A6, A7."))
        #expect(!document.contains("R2 How often does this group receive performance data?\n      answer: unanswered"))
    }

    @Test func lspSupportReviewListsWhatToFollowUp() throws {
        let instrument = try InstrumentLibrary.instrument("lsp-support-review")
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("datasets/instruments/lsp-support-review-sample.csv"), encoding: .utf8)
        guard case .checklist(let review) = try assess(text, instrument).subjects[0].judgement else { return }
        #expect(review.outstanding.map(\.item.id) == ["Q1.5", "Q2.1", "Q2.2", "Q3.2", "Q4", "Q5.2"])
    }
}

@Suite struct DeliveryChainThroughTheEngineTests {
    @Test func sameScoresAsTheDCACommands() throws {
        let path = repositoryRoot.appendingPathComponent("datasets/dca/responses.csv").path
        let direct = DCAScores(responses: try DCAResponseReader.read(path: path))
        let instrument = try InstrumentLibrary.instrument("delivery-chain")
        let assessment = try Assessment(instrument: instrument, responses: AssessmentResponseReader.read(path: path, instrument: instrument))
        let viaEngine = try #require(assessment.scores)
        #expect(DCAScoreOutput(scores: viaEngine).json() == DCAScoreOutput(scores: direct).json())
        #expect(assessment.subjects.count == direct.outcomes.count)
    }
}

@Suite struct UserInstrumentTests {
    static let yaml = """
        format: snatool-instrument/1
        id: safeguarding-check
        title: Safeguarding partnership check
        source: Written for this test
        scales:
          yn:
            kind: choice
            options:
              - {value: "yes", meaning: met}
              - {value: "no", meaning: not-met}
        default_scale: yn
        items:
          - id: A1
            text: Is there a named safeguarding lead in every partner?
          - id: A2
            text: Are referrals shared within one working day?
        rule:
          kind: checklist

        """

    @Test func aYAMLInstrumentWorks() throws {
        let instrument = try InstrumentLibrary.parse(Data(Self.yaml.utf8), file: "mine.yaml")
        guard case .checklist(let checklist) = try assess("item,answer\nA1,Yes\nA2,NO\n", instrument).subjects[0].judgement else { return }
        #expect(checklist.outstanding.map(\.item.id) == ["A2"])
    }

    func errors(_ text: String) -> [Diagnostic] {
        do {
            _ = try InstrumentLibrary.parse(Data(text.utf8), file: "mine.yaml")
            return []
        } catch {
            return error.errors
        }
    }

    @Test func aMissingFieldIsNamedWithItsLine() {
        let broken = errors(Self.yaml.replacingOccurrences(of: "    text: Are referrals", with: "    txt: Are referrals"))
        #expect(broken.count == 2)
        #expect(broken.last?.message.contains("unknown field") == true)
        #expect(broken.last?.fix == "did you mean text?")
        #expect(broken.first?.location?.line == 15)
        #expect(broken.first?.message.contains("\"text\" is missing") == true)
        #expect(broken.first?.message.contains("items[1]") == true)
    }

    @Test func brokenReferencesAreAllReported() {
        let broken = errors(Self.yaml.replacingOccurrences(of: "  - id: A2", with: "  - id: A1\n    group: G9").replacingOccurrences(of: "kind: checklist", with: "kind: levelz"))
        #expect(Set(broken.map(\.message)).count == 3)
        #expect(broken.contains { $0.message.contains("items[1].id") && $0.location?.line == 15 })
        #expect(broken.contains { $0.message.contains("items[1].group") && $0.location?.line == 16 })
        #expect(broken.contains { $0.message.contains("rule.kind") && $0.value == "levelz" })
    }

    @Test func syntaxErrorsGiveLineAndColumn() {
        let broken = errors("{\n  \"format\": \"snatool-instrument/1\",\n  \"id\": \"x\"\n  \"title\": \"t\"\n}\n")
        #expect(broken.first?.location?.line == 4)
        #expect(broken.first?.message.contains("not valid JSON or YAML") == true)
    }

    @Test func tabIndentedJSONReads() throws {
        let json = "{\n\t\"format\": \"snatool-instrument/1\",\n\t\"id\": \"x\",\n\t\"title\": \"t\",\n\t\"source\": \"s\",\n\t\"scales\": {\"a\": {\"kind\": \"text\"}},\n\t\"default_scale\": \"a\",\n\t\"items\": [{\"id\": \"Q1\", \"text\": \"Why?\\tNow\"}],\n\t\"rule\": {\"kind\": \"checklist\"}\n}\n"
        let instrument = try InstrumentLibrary.parse(Data(json.utf8), file: "tabs.json")
        #expect(instrument.items[0].text == "Why?\tNow")
    }
}

@Suite struct ResponseSheetTests {
    let alps = try! InstrumentLibrary.instrument("cipfa-alps")

    @Test func everyBadRowIsReportedWithLineAndColumn() {
        do {
            _ = try sheet("item,answer,respondent\nS1.1,yes,A\nS9.9,yes,A\nS1.2,maybe,A\nS1.1,no,A\n,yes,A\n", alps)
            Issue.record("no error")
        } catch {
            #expect(error.errors.map(\.code) == ["assess.unknown-item", "assess.bad-answer", "assess.duplicate-answer", "assess.missing-item"])
            #expect(error.errors.map { $0.location?.line } == [3, 4, 5, 6])
            #expect(error.errors[1].location?.column == 2)
        }
    }

    @Test func messyButClearAnswersAreRead() throws {
        let read = try sheet("\u{FEFF}Item,Answer,Respondent\r\n s1.1 ,Yes.,A\r\nS 1.2,N/A,A\r\nDEL1.1,\"Partly\",A\r\ndat1.1,NO,A\r\n", alps)
        #expect(read.answers.map(\.item) == ["S1.1", "S1.2", "DEL1.1", "DAT1.1"])
        #expect(read.answers.map { $0.option?.value } == ["yes", "not-applicable", "partly", "no"])
    }

    @Test func anUnknownColumnIsWarnedAboutNotIgnoredSilently() throws {
        let read = try sheet("item,answer,timestamp,question\nS1.1,yes,2009-01-01,Has the organisation...\n", alps)
        #expect(read.warnings.map(\.code) == ["assess.column-ignored"])
        #expect(read.warnings[0].value == "timestamp")
    }

    @Test func aSheetWithoutItemOrAnswerColumnsIsRefused() {
        #expect(throws: InputError.self) { try sheet("statement,reply\nS1.1,yes\n", alps) }
    }

    @Test func contextConflictsAreErrors() throws {
        let terms = try InstrumentLibrary.instrument("aligning-pooling-terms")
        do {
            _ = try sheet("agreement,item,answer\nA,arrangement,pooled\nA,arrangement,aligned\n", terms)
            Issue.record("no error")
        } catch {
            #expect(error.errors.map(\.code) == ["assess.context-conflict"])
        }
    }

    @Test func aFilledTemplateAssessesCleanly() throws {
        let terms = try InstrumentLibrary.instrument("aligning-pooling-terms")
        let blank = try InstrumentSheet(instrument: terms).template(subject: "Youth pool", context: ["arrangement": "pooling"])
        let table = try CSVReader.parse(text: blank, file: "t.csv")
        #expect(table.header == ["subject", "respondent", "item", "question", "choices", "applies_to", "answer", "comment"])
        #expect(table.records.count == 1 + 11, "the context row and the eleven pooled questions")
        let filled = blank.split(separator: "\r\n").enumerated().map { n, line in
            n < 2 ? String(line) : String(line.dropLast(2)) + ",Agreed term,"
        }.joined(separator: "\n") + "\n"
        let assessment = try assess(filled, terms)
        guard case .checklist(let checklist) = assessment.subjects[0].judgement else { return }
        #expect(checklist.ready)
        #expect(assessment.warnings.isEmpty)
        #expect(throws: InputError.self) { try InstrumentSheet(instrument: terms).template(context: ["arrangement": "merged"]) }
        #expect(throws: InputError.self) { try InstrumentSheet(instrument: terms).template(context: ["layer": "strategic"]) }
    }

    @Test func templateRepeatsQuestionsPerRespondent() throws {
        let dca = try InstrumentLibrary.instrument("delivery-chain")
        let blank = try InstrumentSheet(instrument: dca).template(subject: "NI 56", respondents: ["Ann", "Bob"])
        let table = try CSVReader.parse(text: blank, file: "t.csv")
        #expect(table.records.count == 2 * (1 + 12))
    }
}

/// Regressions from the hostile review of the instrument engine.
@Suite struct InstrumentReviewRegressionTests {
    let terms = try! InstrumentLibrary.instrument("aligning-pooling-terms")
    let decommissioning = try! InstrumentLibrary.instrument("decommissioning")

    func checklist(_ text: String, _ combination: Assessment.Combination? = nil) throws -> (Assessment, ChecklistJudgement) {
        let assessment = try assess(text, terms, combination)
        guard case .checklist(let checklist) = assessment.subjects[0].judgement else { throw InputError(.badData, []) }
        return (assessment, checklist)
    }

    @Test func differentTermsAreNotOneAgreedTerm() throws {
        let (assessment, result) = try checklist("respondent,item,answer\nAnn,arrangement,aligned\nAnn,T12,Three years\nBob,T12,One year\nCat,T12,Three years\n")
        let t12 = try #require(assessment.subjects[0].items.first { $0.item.id == "T12" })
        #expect(t12.status == .unknown && t12.disagreement)
        #expect(result.outstanding.map(\.item.id).contains("T12"))
        let (majority, _) = try checklist("respondent,item,answer\nAnn,arrangement,aligned\nAnn,T12,Three years\nBob,T12,One year\nCat,T12,three years.\n", .majority)
        #expect(majority.subjects[0].items.first { $0.item.id == "T12" }?.status == .met)
    }

    @Test(arguments: ["TBC at March board", "TBD", "pending legal advice", "to be decided", "Not yet known", "-", "?", "awaiting sign-off"])
    func unsettledTermsInMoreWords(answer: String) throws {
        let (assessment, _) = try checklist("item,answer\narrangement,aligned\nT1,\(answer)\n")
        #expect(assessment.subjects[0].items[0].status == .unknown, "\(answer)")
    }

    @Test func openQuestionsMakeAServiceUndecidedNotKept() throws {
        let text = "service,item,answer\nAlpha,D1,not sure\nAlpha,D2,\nBeta,D6,yes\nGamma,D1,\nKeep,D1,yes\nKeep,D2,yes\nKeep,D3,yes\nKeep,D4,yes\nKeep,D5,low\nKeep,D6,no\n"
        let assessment = try assess(text, decommissioning)
        #expect(assessment.subjects.map(\.subject) == ["Alpha", "Beta", "Gamma", "Keep"], "a service with no answers is kept in the list")
        let flags = assessment.subjects.compactMap { subject -> FlagsJudgement? in
            if case .flags(let flags) = subject.judgement { return flags } else { return nil }
        }
        #expect(flags.map(\.verdict.id) == ["undecided", "undecided", "undecided", "keep"])
        #expect(flags[1].reasons.isEmpty && flags[1].notes.map(\.flag.id) == ["alternative-available"])
        #expect(flags[3].cautions.isEmpty, "no caution about stopping a service that is kept")
        #expect(assessment.warnings.map(\.code) == ["assess.no-answers"])
    }

    @Test func majorityCountsNotApplicableVotes() throws {
        let alps = try InstrumentLibrary.instrument("cipfa-alps")
        let assessment = try assess("respondent,item,answer\nA,S1.1,n/a\nB,S1.1,n/a\nC,S1.1,no\n", alps, .majority)
        #expect(assessment.subjects[0].items[0].status == .notApplicable)
    }

    @Test func respondentsDifferingOnlyInCaseAreOnePerson() throws {
        let alps = try InstrumentLibrary.instrument("cipfa-alps")
        let assessment = try assess("respondent,item,answer\nAnn,S1.1,yes\nann,S1.2,yes\n ANN ,S1.3,yes\nBob,S1.1,no\n", alps)
        #expect(assessment.subjects[0].respondents == ["Ann", "Bob"])
    }

    @Test func aScoredInstrumentWithoutScoresIsRefusedNotCrashed() {
        let json = """
            {"format": "snatool-instrument/1", "id": "s", "title": "t", "source": "s",
             "scales": {"yn": {"kind": "choice", "options": [{"value": "dk", "meaning": "unknown"}]}},
             "default_scale": "yn", "items": [{"id": "Q1", "text": "Q?"}], "rule": {"kind": "scores", "red_below": 2, "amber_below": 3}}
            """
        #expect(throws: InputError.self) { try InstrumentLibrary.parse(Data(json.utf8), file: "s.json") }
    }

    @Test func misspeltFieldsAndEmptyValuesAreErrors() {
        let base = UserInstrumentTests.yaml
        for broken in [base.replacingOccurrences(of: "  kind: checklist", with: "  knd: checklist\n  kind: checklist"),
                       base.replacingOccurrences(of: "title: Safeguarding partnership check", with: "title: ~")] {
            do {
                _ = try InstrumentLibrary.parse(Data(broken.utf8), file: "mine.yaml")
                Issue.record("accepted")
            } catch {
                #expect(error.errors.count == 1)
                #expect(error.errors[0].location?.line != nil)
            }
        }
    }

    @Test func aPerRespondentContextCannotDecideWhatIsAsked() {
        let json = """
            {"format": "snatool-instrument/1", "id": "c", "title": "t", "source": "s",
             "scales": {"t": {"kind": "text"}}, "default_scale": "t",
             "context": [{"id": "role", "text": "Role?", "per": "respondent", "options": [{"value": "lead"}]}],
             "items": [{"id": "Q1", "text": "Q?", "applies_to": {"role": ["lead"]}}], "rule": {"kind": "checklist"}}
            """
        #expect(throws: InputError.self) { try InstrumentLibrary.parse(Data(json.utf8), file: "c.json") }
    }

    @Test func markdownShowsNamesAsWritten() throws {
        let review = try InstrumentLibrary.instrument("lsp-support-review")
        let assessment = try assess("subject,item,answer,comment\n[Click](javascript:x) ![p](http://e/p.png),Q2.2,no,*em* <b>x</b>\n", review)
        let markdown = AssessmentOutput(assessment: assessment, date: "1 April 2009").markdown()
        #expect(!markdown.contains("[Click]("))
        #expect(!markdown.contains("![p]"))
        #expect(!markdown.contains("<b>"))
        #expect(markdown.contains("\\[Click\\](javascript:x)"))
    }
}
