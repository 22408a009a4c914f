import Foundation
import Testing

/// Every malformed input gets one line per problem naming file and line, a
/// sysexits status, no stack trace and no output written.
@Suite(.serialized) struct BadInputTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var status: Int32
        var expected: [String]
        var description: String { name }

        init(_ name: String, _ text: String, _ status: Int32 = 65, _ expected: String...) {
            self.init(name, Array(text.utf8), status, expected)
        }

        init(_ name: String, _ bytes: [UInt8], _ status: Int32, _ expected: [String]) {
            self.name = name
            self.bytes = bytes
            self.status = status
            self.expected = expected
        }
    }

    static let cases: [Case] = [
        Case("unterminated quote", "respondent,contact\nA,B\nA,\"C\nD,E\n", 65, "survey.csv:3:2: error: a quoted field opened here is never closed"),
        Case("stray quote", "respondent,contact\nA,B \"the boss\"\n", 65, "survey.csv:2:2: error: a double quote appears inside an unquoted field"),
        Case("ragged row", "respondent,contact,theme\nA,B\n", 65, "survey.csv:2:2: error: the row has 2 fields but the header has 3"),
        Case("unknown theme", "respondent,contact,theme\nA,B,work\nA,C,gossip\n", 65, "survey.csv:3:3: error: unknown theme (value: \"gossip\")", "Fix: write one of: work, innovation"),
        Case("non-numeric strength", "respondent,contact,strength\nA,B,lots\n", 65, "survey.csv:2:3: error: the strength is not a number of zero or more (value: \"lots\")"),
        Case("no layout recognisable", "respondent,contcat,thme\nA,B,work\n", 65, "survey.csv:1: error: cannot tell the survey's layout"),
        Case("missing required column, forced long", "respondent,work\nA,B\n", 65, "error: there is no contact column"),
        Case("empty file", "", 65, "survey.csv: error: the file is empty"),
        Case("only blank lines", "\n\n\r\n", 65, "survey.csv: error: the file is empty"),
        Case("header only", "respondent,contact\n", 65, "error: the survey names nobody"),
        Case("not UTF-8", Array("respondent,contact\nZo".utf8) + [0xEB] + Array(",B\n".utf8), 65, ["survey.csv:2:1: error: the text is not valid UTF-8"]),
        Case("several problems", "respondent,contact,theme,strength\nA,B,gossip,1\nA,C,work,x\n,D,work,1\n", 65,
             "survey.csv:2:3:", "survey.csv:3:4:", "survey.csv:4:1:", "3 problems found; nothing was written"),
    ]

    @Test(arguments: cases)
    func malformedSurvey(_ badCase: Case) throws {
        let scratch = Scratch()
        let survey = scratch.write("survey.csv", badCase.bytes)
        var arguments = ["analyse", survey, "--out", scratch.path("out")]
        if badCase.name.contains("forced long") { arguments += ["--layout", "long"] }
        let run = try snatool(arguments)
        #expect(run.status == badCase.status, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        for text in badCase.expected { #expect(run.stderr.contains(text), "\(run.stderr)") }
        #expect(!run.stderr.contains("Fatal error"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
        // Every problem line names the file (and there is at least one).
        let problems = run.stderr.split(separator: "\n").filter { !$0.hasPrefix("snatool:") }
        try #require(!problems.isEmpty, "\(run.stderr)")
        for line in problems { #expect(line.hasPrefix(survey), "\(line)") }
    }

    @Test func missingFileExits66() throws {
        let run = try snatool("analyse", "no/such/survey.csv")
        #expect(run.status == 66)
        #expect(run.stderr.hasPrefix("no/such/survey.csv: error: no such file"))
        let people = try snatool("analyse", "datasets/bolton/survey.csv", "--people", "missing-people.csv")
        #expect(people.status == 66)
        #expect(people.stderr.contains("missing-people.csv: error: no such file"))
    }

    @Test func usageErrorsExit64() throws {
        let theme = try snatool("analyse", "datasets/bolton/survey.csv", "--theme", "gossip")
        #expect(theme.status == 64)
        #expect(theme.stderr.contains("choose one of: work, innovation"))
        let group = try snatool("analyse", "datasets/bolton/survey.csv", "--group-by", "shoe size")
        #expect(group.status == 64)
        #expect(group.stderr.contains("no one has the attribute 'shoe size'"))
        let format = try snatool("analyse", "datasets/bolton/survey.csv", "--format", "xml")
        #expect(format.status == 64)
        let unknown = try snatool("analyse", "datasets/bolton/survey.csv", "--colour", "red")
        #expect(unknown.status == 64)
        let themes = try snatool("analyse", "datasets/bolton/survey.csv", "--themes", "all")
        #expect(themes.status == 64)
        #expect(themes.stderr.contains("reserved"))
    }

    @Test func conflictingOrganisationsExit65() throws {
        let scratch = Scratch()
        let survey = scratch.write("survey.csv", "respondent,respondent_org,contact\nAnn,Police,Ben\n")
        let people = scratch.write("people.csv", "id,organisation\nAnn,Council\n")
        let run = try snatool("analyse", survey, "--people", people)
        #expect(run.status == 65)
        #expect(run.stderr.contains("survey.csv:2: error: 'Ann' has organisation 'Police' here but 'Council' at \(people):2"))
    }

    @Test func unwritableOutputExits73AndKeepsTheOldFile() throws {
        let scratch = Scratch()
        let blocker = scratch.write("blocker", "not a folder")
        let run = try snatool("analyse", "datasets/bolton/survey.csv", "--out", blocker + "/tables")
        #expect(run.status == 73)
        #expect(run.stderr.contains("cannot write"))
        #expect(try String(contentsOfFile: blocker, encoding: .utf8) == "not a folder")
    }

    @Test func hostileNamesAreKeptAsText() throws {
        let scratch = Scratch()
        let hostile = "\"]; x -> y; //"
        let formula = "=HYPERLINK(\"x\")"
        let survey = scratch.write("survey.csv", """
            respondent,contact,theme
            \"""]; x -> y; //",<script>alert(1)</script>,work
            \"""]; x -> y; //",\"""]; x -> y; //",work
            "=HYPERLINK(""x"")","=HYPERLINK(""x"")",work
            Zoë Ó Briain,"=HYPERLINK(""x"")",work

            """)
        let run = try snatool("analyse", survey, "--format", "json", "--out", scratch.path("t"))
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSON.parse(run.stdout)
        let messages = json["warnings"]?.array?.compactMap { $0["message"]?.string } ?? []
        #expect(messages.contains("'\(hostile)' named themselves; the self-tie was dropped"))
        #expect(messages.contains("'\(formula)' named themselves; the self-tie was dropped"))
        // In the CSV a formula is shown, never run.
        let warnings = try String(contentsOfFile: scratch.path("t/warnings.csv"), encoding: .utf8)
        #expect(!warnings.contains(",=HYPERLINK"))
        #expect(json["network"]?["people"]?.int == 4)
    }
}

/// Output never replaces an input, a failed write is an error, and pipes are read.
@Suite(.serialized) struct OutputSafetyTests {
    @Test func outNeverOverwritesAnInput() throws {
        let scratch = Scratch()
        let survey = scratch.write("network.csv", "respondent,contact\nA,B\n")
        let run = try snatool("analyse", survey, "--out", scratch.folder.path)
        #expect(run.status == 73)
        #expect(run.stderr.contains("it is one of the input files"))
        #expect(try String(contentsOfFile: survey, encoding: .utf8) == "respondent,contact\nA,B\n")
    }

    @Test func aFolderInTheWayChangesNothing() throws {
        let scratch = Scratch()
        let out = scratch.path("out")
        try FileManager.default.createDirectory(atPath: out + "/warnings.csv", withIntermediateDirectories: true)
        _ = scratch.write("out/themes.csv", "OLD")
        let run = try snatool("analyse", "datasets/emon/MtSi/survey.csv", "--out", out)
        #expect(run.status == 73)
        #expect(try String(contentsOfFile: out + "/themes.csv", encoding: .utf8) == "OLD")
    }

    @Test func aFullDiskIsAnError() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let process = Process()
        process.executableURL = snatoolBinary
        process.arguments = ["analyse", "datasets/emon/MtSi/survey.csv"]
        process.currentDirectoryURL = repositoryRoot
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 73)
    }

    @Test func generateRefusesWhatItCannotMake() throws {
        let scratch = Scratch()
        let tooSmall = try snatool("generate", "partnership", "--people", "100", "--org-size", "4", "--within", "1", "--ties", "5000", "-o", scratch.path("a"))
        #expect(tooSmall.status == 64)
        #expect(tooSmall.stderr.contains("could place only"))
        #expect(try snatool("generate", "partnership", "--people", "2000000000", "--ties", "1", "-o", scratch.path("b")).status == 64)
        #expect(try snatool("generate", "partnership", "--org-size", "9223372036854775807", "--people", "10", "--ties", "5", "-o", scratch.path("c")).status == 64)
        #expect(try snatool("generate", "bolton", "--people", "5", "-o", scratch.path("d")).status == 64)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("a")))
    }
}
