import Foundation
import SNACore
import Testing

/// Terminal text without control characters, and names in free text replaced by pseudonyms.
struct TerminalAndFreeTextTests {
    @Test func controlCharactersAreRemovedAndLineBreaksKept() {
        #expect(TerminalText.printable("plain\ttext\r\nnext\n") == "plain\ttext\r\nnext\n")
        #expect(TerminalText.printable("a\u{1B}[2Jb\u{07}c\u{7F}d\u{9B}e\u{0}f") == "a[2Jbcdef")
        #expect(TerminalText.printable("over\rwrite") == "overwrite")
        // A carriage return at the very end may be the first half of a CRLF split across writes.
        #expect(TerminalText.printable("end\r") == "end\r")
        #expect(TerminalText.printable("Zoë Ó Briain, 東京 \u{A0}") == "Zoë Ó Briain, 東京 \u{A0}")
    }

    @Test func namesInFreeTextBecomePseudonyms() throws {
        var builder = NetworkBuilder(themeSet: .standard)
        builder.addTie(from: "Ann Smith", to: "Anna Smithson", themeIndex: 0)
        let anonymised = try builder.build().anonymised(with: Pseudonymiser(key: "k"))
        let annCode = anonymised.pseudonyms["Ann Smith"]!, annaCode = anonymised.pseudonyms["Anna Smithson"]!
        let text = anonymised.scrubbed("Led by ann smith with Anna Smithson; not Ann Smithers.")
        #expect(text == "Led by \(annCode) with \(annaCode); not Ann Smithers.")
        #expect(anonymised.scrubbed("") == "")
    }
}
