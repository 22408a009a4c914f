import Foundation
import Testing

/// The libraries word their messages for any program: no command-line flag
/// appears in their strings; the command line names its options itself
/// (Sources/SNACommands/CommandLineInputs.swift).
@Suite struct LibraryWordingTests {
    static let libraries = ["SNACore", "SNAIO", "SNAMaps", "SNAReports", "SNASpend", "SNAAssessments", "SNASynthetic"]

    @Test func noLibraryStringNamesAFlag() throws {
        let flag = try Regex(#""(?:[^"\n]*[^\w"\n-])?--[a-z][a-z-]+"#)
        var found: [String] = []
        var filesRead = 0
        for library in Self.libraries {
            let folder = repositoryRoot.appendingPathComponent("Sources/\(library)")
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
            for file in files where file.hasSuffix(".swift") || file.hasSuffix(".json") {
                filesRead += 1
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = line.trimmingCharacters(in: .whitespaces)
                    guard !code.hasPrefix("//"), line.contains(flag) else { continue }
                    found.append("\(library)/\(file):\(number + 1): \(code.prefix(100))")
                }
            }
        }
        #expect(filesRead > 100)
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test func theCommandLineNamesTheOptionAFixAsksFor() throws {
        let scratch = Scratch()
        let people = scratch.write("people.csv", "name,organisation\nAnn,Council\n")
        let survey = scratch.write("survey.csv", "respondent,contact,theme\nAnn,Bob,work\n")
        let run = try snatool("analyse", survey, "--people", people)
        #expect(run.status == 0)
        // "Bob" is not in the people file: the library's fix asks for an aliases file, the CLI names --aliases.
        #expect(run.stdout.contains("map the name to a listed person in an aliases file (--aliases FILE)"), "\(run.stdout)")
    }
}
