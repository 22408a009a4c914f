import Foundation
import Testing

/// A set of outputs is replaced whole or not at all; temporaries of a killed
/// run do not stay; generate does not overwrite a survey unasked.
@Suite(.serialized) struct OutputSetTests {
    @Test func aFailureWithTheMapsLeavesTheOldTablesWhole() throws {
        let scratch = Scratch()
        let tables = scratch.path("tables")
        _ = scratch.write("tables/themes.csv", "OLD")
        _ = scratch.write("tables/people.csv", "OLD")
        // A file where the maps folder should be: the maps cannot be written.
        let maps = scratch.write("maps", "not a folder")
        let run = try snatool("analyse", "datasets/bolton/survey.csv", "--out", tables, "--maps", maps)
        #expect(run.status == 73)
        #expect(run.stdout.isEmpty)
        #expect(try String(contentsOfFile: tables + "/themes.csv", encoding: .utf8) == "OLD")
        #expect(try String(contentsOfFile: tables + "/people.csv", encoding: .utf8) == "OLD")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tables).sorted() == ["people.csv", "themes.csv"])
    }

    @Test func tablesAndMapsArriveTogether() throws {
        let scratch = Scratch()
        let run = try snatool("analyse", "datasets/bolton/survey.csv", "--out", scratch.path("t"), "--maps", scratch.path("m"))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch.path("t/themes.csv")))
        #expect(FileManager.default.fileExists(atPath: scratch.path("m/all.svg")))
        for folder in ["t", "m"] {
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path(folder)).allSatisfy { !$0.hasPrefix(".") })
        }
    }

    @Test func temporariesOfAKilledRunAreRemovedByTheNextWrite() throws {
        let scratch = Scratch()
        let out = scratch.path("out")
        // Process 999999999 is above any pid_max, so it is not running.
        let dead = "snatool-999999999-\(UUID().uuidString)"
        _ = scratch.write("out/.themes.csv.\(dead).tmp", "half")
        _ = scratch.write("out/.\(dead).tmp/people.csv", "half")
        _ = scratch.write("report.html.tmp", "not ours")
        // From before the process was recorded, and two hours old.
        let legacy = scratch.write("out/.people.csv.\(UUID().uuidString).tmp", "half")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: legacy)
        // A run still going (this test's own process) keeps its temporary.
        let live = ".ties.csv.snatool-\(getpid())-\(UUID().uuidString).tmp"
        _ = scratch.write("out/\(live)", "in progress")
        let run = try snatool("analyse", "datasets/emon/MtSi/survey.csv", "--out", out)
        #expect(run.status == 0, "\(run.stderr)")
        let hidden = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".") }
        #expect(hidden == [live])
        #expect(FileManager.default.fileExists(atPath: scratch.path("report.html.tmp")))

        let single = scratch.path("single")
        _ = scratch.write("single/.sheet.csv.\(dead).tmp", "half")
        #expect(try snatool("assess", "template", "--instrument", "decommissioning", "-o", single + "/sheet.csv").status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: single) == ["sheet.csv"])
    }

    @Test func generateDoesNotOverwriteWithoutForce() throws {
        let scratch = Scratch()
        let folder = scratch.path("bolton")
        #expect(try snatool("generate", "bolton", "-o", folder).status == 0)
        let survey = folder + "/survey.csv"
        try Data("MINE".utf8).write(to: URL(fileURLWithPath: survey))
        let again = try snatool("generate", "bolton", "-o", folder)
        #expect(again.status == 73)
        #expect(again.stderr.contains("already exists; add --force"))
        #expect(again.stdout.isEmpty)
        #expect(try String(contentsOfFile: survey, encoding: .utf8) == "MINE")
        let forced = try snatool("generate", "bolton", "--force", "-o", folder)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: survey, encoding: .utf8).hasPrefix("respondent"))
    }
}
