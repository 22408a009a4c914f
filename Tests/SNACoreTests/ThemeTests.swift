import Testing
@testable import SNACore

@Suite struct ThemeTests {
    @Test(arguments: [
        ("work", "work"), ("Work", "work"), ("  WORK ", "work"), ("Decision making", "decision-making"),
        ("decision-making", "decision-making"), ("Decision_Making", "decision-making"), ("decision", "decision-making"),
        ("Informal/social", "informal"), ("informal", "informal"), ("Social", "informal"), ("Expertise", "expertise"),
        ("innovation", "innovation"), ("Improvement", "improvement"), ("strategic", "strategy"), ("Strategy", "strategy"),
    ])
    func standardSpellingsResolve(spelling: String, id: String) {
        #expect(ThemeSet.standard.resolve(spelling)?.id == id)
    }

    @Test func unknownSpellingDoesNotResolve() {
        #expect(ThemeSet.standard.resolve("funding") == nil)
        #expect(ThemeSet.standard.resolve("") == nil)
        #expect(ThemeSet.standard.resolve("all") == nil)
    }

    @Test func standardHasSevenThemesInOrder() {
        #expect(ThemeSet.standard.themes.map(\.id) == [
            "work", "innovation", "expertise", "informal", "improvement", "strategy", "decision-making",
        ])
    }

    @Test func customThemesParse() throws {
        let themes = try ThemeSet.parse(declaration: "referrals=referral|refer, funding")
        #expect(themes.themes.map(\.id) == ["referrals", "funding"])
        #expect(themes.resolve("Refer")?.id == "referrals")
        #expect(themes.resolve("work") == nil)
    }

    @Test func customThemesRejectAmbiguityAndReservedID() {
        #expect(throws: ThemeSetError.self) { try ThemeSet.parse(declaration: "a=x,b=x") }
        #expect(throws: ThemeSetError.reservedID("all")) { try ThemeSet.parse(declaration: "all") }
        #expect(throws: ThemeSetError.empty) { try ThemeSet.parse(declaration: " , ") }
    }

    @Test func layersParse() {
        #expect(Layer(spelling: "Strategic") == .strategic)
        #expect(Layer(spelling: "front-line") == .operational)
        #expect(Layer(spelling: "exec") == .executive)
        #expect(Layer(spelling: "middle") == nil)
    }
}
