import Foundation
import Testing

/// Free text that may name someone stays out of an anonymised report, and no
/// input's control characters reach the terminal.
@Suite(.serialized) struct FreeTextTests {
    @Test func anAnonymisedReportLeavesOutTheNotesOfExpectedLinks() throws {
        let scratch = Scratch()
        // Organisations that survey leaves untied, so that each pair is a finding with its note.
        let links = scratch.write("links.csv", """
            organisation_a,organisation_b,note
            Age Concern Bolton,Bolton Lads and Girls Club,Ask Jane Q Public why
            Bolton College,Bolton Lads and Girls Club,Ask Jane Q Public why

            """)
        let plain = try snatool("report", "datasets/bolton/survey.csv", "--people", "datasets/bolton/people.csv",
                                "--expected-links", links, "-o", scratch.path("plain.html"))
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(try String(contentsOfFile: scratch.path("plain.html"), encoding: .utf8).contains("Jane Q Public"))
        let anonymous = try snatool("report", "datasets/bolton/survey.csv", "--people", "datasets/bolton/people.csv",
                                    "--expected-links", links, "--anonymise", "-o", scratch.path("anonymous.html"))
        #expect(anonymous.status == 0, "\(anonymous.stderr)")
        #expect(!(try String(contentsOfFile: scratch.path("anonymous.html"), encoding: .utf8).contains("Jane Q Public")))
    }

    @Test func controlCharactersInAnInstrumentNeverReachTheTerminal() throws {
        let scratch = Scratch()
        let json = try snatool("instruments", "show", "delivery-chain", "--format", "json").stdout
        let hostile = json.replacingOccurrences(of: "\"title\" : \"Delivery chain analysis\"",
                                                with: "\"title\" : \"Delivery \\u001b[31mchain\\u001b]0;owned\\u0007 \\u009banalysis\\r!\"")
        #expect(hostile != json)
        let file = scratch.write("hostile.json", hostile)
        for arguments in [["--format", "text"], ["--format", "md"], ["--format", "md", "-o", "/dev/stdout"], ["-o", "-"]] {
            let run = try snatool(["instruments", "show", file] + arguments)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains(arguments.contains("md") ? "owned" : "Delivery [31mchain]0;owned analysis!"), "\(arguments)")
            #expect(!run.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" || (0x7F...0x9F).contains($0.value) }, "\(arguments)")
        }
        // Written to a file, the text is what the instrument says.
        _ = try snatool("instruments", "show", file, "-o", scratch.path("sheet.txt"))
        #expect(try String(contentsOfFile: scratch.path("sheet.txt"), encoding: .utf8).contains("\u{1B}[31m"))
    }
}
