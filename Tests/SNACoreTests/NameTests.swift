import Testing
@testable import SNACore

@Suite struct NameTests {
    @Test func cleaningTrimsAndCollapsesWhitespace() {
        #expect(NameKey.cleaned("  John \t  Smith \n") == "John Smith")
        #expect(NameKey.cleaned("\u{FEFF}Anna\u{00A0}Lee") == "Anna Lee")
        #expect(NameKey.cleaned("") == "")
    }

    @Test func keysIgnoreCaseAndComposition() {
        #expect(NameKey.key("JOHN smith") == NameKey.key("John Smith"))
        // "Zoë" precomposed and decomposed.
        #expect(NameKey.key("Zo\u{00EB}") == NameKey.key("Zoe\u{0308}"))
        #expect(NameKey.key("John Smith") != NameKey.key("Jon Smith"))
    }

    @Test(arguments: [
        ("J. Smith", "John Smith", true), ("John Smith", "J Smith", true), ("J.Smith", "J Smith", true),
        ("Jon Smith", "John Smith", true), ("John Smith", "Jane Smith", false), ("Officer 1, Police", "Officer 2, Police", false),
        ("Ann Lee", "Ann Lee", false), ("Bob", "Rob", false), ("A. B. Jones", "Alan Bryn Jones", true),
        ("Youth Worker, Bolton Council", "Youth Worker 2, Bolton Council", false),
    ])
    func nearDuplicates(a: String, b: String, expected: Bool) {
        #expect(NearDuplicateNames.areNearDuplicates(a, b) == expected)
    }
}
