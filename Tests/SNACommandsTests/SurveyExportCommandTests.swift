import Foundation
import Testing

/// Platform exports and import warnings as a user meets them: the built binary
/// with no options, `survey inspect`, and the warnings on every output path.
@Suite(.serialized) struct SurveyExportCommandTests {
    static let exports = ["microsoft-forms.csv", "google-forms.csv", "surveymonkey.csv", "qualtrics.csv"]

    @Test(arguments: exports)
    func anExportIsReadWithNoOptionsAndSaysHow(file: String) throws {
        let run = try snatool("analyse", "Tests/Fixtures/exports/\(file)", "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("note: read as a "))
        #expect(run.stderr.contains("hold contacts in theme work") || run.stderr.contains("holds contacts in theme work"))
        let json = try JSON.parse(run.stdout)
        #expect(json["network"]?["respondents"]?.int == 4)
        let reading = try #require(json["network"]?["reading"])
        #expect(reading["platform"]?.string != nil)
        #expect(reading["columns"]?.array?.contains { $0["theme"]?.string == "work" } == true)
        #expect(schemaViolations(json, try analyseSchema()) == [])
    }

    @Test func aFormsWorkbookIsReadWithNoOptions() throws {
        let run = try snatool("analyse", "Tests/Fixtures/workbooks/forms-export.xlsx", "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("forms-export.xlsx:Sheet1!1: note: read as a Microsoft Forms export"))
        let json = try JSON.parse(run.stdout)
        #expect(json["network"]?["reading"]?["sheet"]?.string == "Sheet1")
        #expect(json["network"]?["respondents"]?.int ?? 0 > 0)
        let wrong = try snatool("analyse", "Tests/Fixtures/workbooks/two-sheets.xlsx", "--sheet", "Nope")
        #expect(wrong.status == 65)
        #expect(wrong.stderr.contains("its sheets are 'Responses', 'People', 'Old'"))
        // The library's fix names the input; the command line adds its option.
        #expect(wrong.stderr.contains("Fix: choose one of the sheets above (--sheet NAME)"), "\(wrong.stderr)")
    }

    /// A survey with a repeated header, a repeated tie, a self-tie and a near-duplicate name.
    static let messy = """
        respondent,respondent_org,contact,contact_org,theme
        Anna Smith,Council,Ben Jones,Police,work
        respondent,respondent_org,contact,contact_org,theme
        Anna Smith,Council,Ben Jones,Police,work
        Anna Smith,Council,Anna Smith,Council,work
        Ben Jones,Police,Ann Smith,Council,work

        """

    @Test(arguments: [["--format", "text"], ["--format", "json"], ["--format", "csv"], ["--metrics", "degree"],
                      ["--metrics", "degree", "--format", "json"], ["--metrics", "degree", "--format", "csv"]])
    func importWarningsReachTheUserOnEveryPath(options: [String]) throws {
        let scratch = Scratch()
        let survey = scratch.write("survey.csv", Self.messy)
        let run = try snatool(["analyse", survey] + options)
        #expect(run.status == 0, "\(run.stderr)")
        let codes = ["survey.repeated-header", "survey.duplicate-tie", "survey.self-tie", "names.near-duplicate"]
        if options.contains("json") {
            let json = try JSON.parse(run.stdout)
            let found = json["warnings"]?.array?.compactMap { $0["code"]?.string } ?? []
            for code in codes { #expect(found.contains(code), "\(code) missing from \(options)") }
            #expect(run.stderr.contains("4 import warnings"))
        } else {
            // Text carries the warnings in its output; CSV (data on standard output) on standard error.
            let shown = options.contains("csv") ? run.stderr : run.stdout
            #expect(shown.contains("repeats the header"), "\(options)")
            #expect(shown.contains("repeats the tie"), "\(options)")
            #expect(shown.contains("named themselves"), "\(options)")
            #expect(shown.contains("may be the same person"), "\(options)")
        }
    }

    @Test func inspectWritesAColumnsFileThatAnalyseReads() throws {
        let scratch = Scratch()
        let survey = scratch.write("survey.csv", "ID,Start time,Completion time,Email,Name,What is your name?,Main links (one per line)\n1,a,b,anonymous,,Anna,Ben; Carl\n2,a,b,anonymous,,Ben,Anna\n")
        let first = try snatool("analyse", survey)
        #expect(first.status == 65)
        #expect(first.stderr.contains("survey inspect"))
        let columns = scratch.path("columns.csv")
        let inspect = try snatool("survey", "inspect", survey, "-o", columns)
        #expect(inspect.status == 0, "\(inspect.stderr)")
        #expect(inspect.stdout.contains("a Microsoft Forms export"))
        #expect(inspect.stdout.contains("What is your name?"))
        let written = try String(contentsOfFile: columns, encoding: .utf8)
        #expect(written.contains("7,Main links (one per line),unplaced,no rule matched"))
        try written.replacingOccurrences(of: "7,Main links (one per line),unplaced", with: "7,Main links (one per line),work")
            .write(toFile: columns, atomically: true, encoding: .utf8)
        let second = try snatool("analyse", survey, "--columns", columns, "--format", "json")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("column 7 'Main links (one per line)' holds contacts in theme work (column mapping file, line 8)"))
        #expect(try JSON.parse(second.stdout)["network"]?["ties"]?.int == 3)
    }

    @Test func inspectNeverOverwritesTheSurvey() throws {
        let scratch = Scratch()
        let survey = scratch.write("survey.csv", "respondent,contact\nAnna,Ben\n")
        let run = try snatool("survey", "inspect", survey, "-o", survey)
        #expect(run.status == 73)
        #expect(try String(contentsOfFile: survey, encoding: .utf8) == "respondent,contact\nAnna,Ben\n")
    }
}
