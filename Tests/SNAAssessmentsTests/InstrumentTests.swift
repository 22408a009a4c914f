import Testing
@testable import SNAAssessments

@Suite struct InstrumentTests {
    let instrument = Instrument.deliveryChain

    @Test func twelveQuestionsVerbatimFromTableFive() {
        #expect(instrument.questions.map(\.id) == Array(1...12))
        #expect(instrument.questions.map(\.key) == ["outcome-defined", "evidence", "capacity", "shared-plan", "funding", "communication",
                                                     "levers", "risks", "performance", "leadership", "learning", "efficiency"])
        #expect(instrument.questions[3].text == "Is there a shared (cross agency) operational plan describing how services/interventions will be provided?")
        #expect(instrument.questions[9].text == "Is there strong leadership, accountable through clear governance structures, at all levels of the delivery chain?")
        #expect(instrument.questions.allSatisfy { !$0.actions.isEmpty })
    }

    @Test(arguments: [("1", 1), ("q1", 1), ("Q 12", 12), ("shared-plan", 4), ("Shared plan", 4), ("LEVERS", 7)])
    func questionsByNumberOrKey(raw: String, id: Int) {
        #expect(instrument.question(named: raw)?.id == id)
    }

    @Test func unknownQuestions() {
        #expect(instrument.question(named: "13") == nil)
        #expect(instrument.question(named: "q0") == nil)
        #expect(instrument.question(named: "budget") == nil)
    }

    @Test(arguments: [("1", Answer.score(1)), ("4", .score(4)), ("Partly", .score(2)), ("fully in place", .score(4)),
                      ("Don't know", .dontKnow), ("dont know", .dontKnow), ("DK", .dontKnow), ("3.0", .score(3))])
    func scores(raw: String, answer: Answer) {
        #expect(instrument.score(of: raw) == answer)
    }

    @Test func scoresOffTheScale() {
        for raw in ["0", "5", "2.5", "high", "-1"] { #expect(instrument.score(of: raw) == nil, "\(raw)") }
    }

    @Test func ratingThresholds() {
        #expect(instrument.rate(1.99) == .red)
        #expect(instrument.rate(2) == .amber)
        #expect(instrument.rate(2.99) == .amber)
        #expect(instrument.rate(3) == .green)
    }
}
