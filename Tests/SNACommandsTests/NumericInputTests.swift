import Foundation
import Testing

/// A number in any input that is huge, infinite or not a number is an error
/// naming where it is, never a trap or a silent success.
@Suite(.serialized) struct NumericInputTests {
    /// The delivery chain instrument as a file, with one value replaced.
    static func instrument(replacing original: String, with value: String, in scratch: Scratch, as name: String) throws -> String {
        let json = try snatool("instruments", "show", "delivery-chain", "--format", "json").stdout
        #expect(json.contains(original))
        return scratch.write(name, json.replacingOccurrences(of: original, with: value))
    }

    struct Case: CustomStringConvertible, Sendable {
        var original: String, value: String, file: String, expected: String
        var description: String { "\(original) -> \(value)" }
    }

    static let cases: [Case] = [
        // The trap: an infinite top score with a threshold below the lowest.
        Case(original: "\"score\" : 4,", value: "\"score\" : 1e400,", file: "i.json", expected: "error: the score is infinite (field scales.score.options[3].score)"),
        Case(original: "\"score\" : 4,", value: "\"score\" : -1e400,", file: "i.json", expected: "error: the score is infinite"),
        Case(original: "\"score\" : 4,", value: "\"score\" : 1e20,", file: "i.json", expected: "error: the score is too large"),
        Case(original: "\"score\" : 4,", value: "\"score\" : .nan,", file: "i.yaml", expected: "error: the score is not a number"),
        Case(original: "\"score\" : 4,", value: "\"score\" : .inf,", file: "i.yaml", expected: "error: the score is infinite"),
        Case(original: "\"red_below\" : 2", value: "\"red_below\" : .nan", file: "i.yaml", expected: "error: the threshold is not a number (field rule.red_below)"),
        Case(original: "\"red_below\" : 2", value: "\"red_below\" : -1e400", file: "i.json", expected: "error: the threshold is infinite"),
        Case(original: "\"amber_below\" : 3", value: "\"amber_below\" : 1e20", file: "i.json", expected: "error: the threshold is too large (field rule.amber_below)"),
    ]

    @Test(arguments: cases)
    func instrumentNumbers(_ badCase: Case) throws {
        let scratch = Scratch()
        var file = try Self.instrument(replacing: badCase.original, with: badCase.value, in: scratch, as: badCase.file)
        if badCase.original.contains("score") {
            // With red_below under the lowest score, the range check once converted the infinite score to Int.
            file = scratch.write(badCase.file, try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "\"red_below\" : 2", with: "\"red_below\" : 0.5"))
        }
        let sheet = scratch.write("sheet.csv", "item,answer\n1,2\n")
        for arguments in [["instruments", "show", file], ["assess", "--instrument", file, sheet]] {
            let run = try snatool(arguments)
            #expect(run.status == 65, "\(arguments): \(run.stderr)")
            #expect(run.stderr.hasPrefix(file + ":"), "\(run.stderr)")
            #expect(run.stderr.contains(badCase.expected), "\(run.stderr)")
            #expect(!run.stderr.contains("Fatal error"))
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func surveyStrengths() throws {
        let scratch = Scratch()
        for value in ["1e400", "1e10", "nan", "inf", "-1"] {
            let survey = scratch.write("survey.csv", "respondent,contact,strength\nA,B,1\nA,C,\(value)\n")
            let run = try snatool("analyse", survey)
            #expect(run.status == 65, "\(value)")
            #expect(run.stderr.hasPrefix(survey + ":3:3: error: the strength"), "\(value): \(run.stderr)")
        }
        let largest = scratch.write("largest.csv", "respondent,contact,strength\nA,B,1000000000\nC,B,1000000000\n")
        let run = try snatool("analyse", largest, "--metrics", "strength", "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"in_strength\": 2000000000"))
    }

    @Test func commandLineNumbers() throws {
        let survey = "datasets/emon/MtSi/survey.csv"
        let usage: [[String]] = [
            ["analyse", survey, "--weak-link-expected", "inf"],
            ["analyse", survey, "--absence-ties", "nan"],
            ["analyse", survey, "--broker-share", "nan"],
            ["analyse", survey, "--weak-link-ratio", "-inf"],
            ["analyse", survey, "--top", "1e400"],
            ["analyse", survey, "--top", "99999999999999999999"],
            ["analyse", survey, "--threads", "99999999999999999999"],
            ["analyse", survey, "--gatekeeper-cut-off", "nan"],
            ["analyse", survey, "--metrics", "betweenness", "--approx", "nan"],
            ["analyse", survey, "--metrics", "betweenness", "--approx", "0.1", "--delta", "inf"],
            ["analyse", survey, "--metrics", "betweenness", "--approx", "0.1", "--seed", "-1"],
            ["dca", "score", "datasets/dca/responses.csv", "--red-below", "nan"],
            ["dca", "score", "datasets/dca/responses.csv", "--red-below", "-inf"],
            ["dca", "score", "datasets/dca/responses.csv", "--amber-below", "1e400"],
            ["dca", "plan", "datasets/dca/responses.csv", "--top", "1e400", "-o", "/tmp/x.md"],
            ["generate", "partnership", "--people", "1e400", "-o", "/tmp/never"],
            ["generate", "partnership", "--within", "nan", "-o", "/tmp/never"],
            ["generate", "partnership", "--ties", "-1", "-o", "/tmp/never"],
            ["generate", "bolton", "--seed", "18446744073709551616", "-o", "/tmp/never"],
            ["map", survey, "--radius", "99999999999999999999", "--ego", "x", "-o", "/tmp/never.svg"],
        ]
        for arguments in usage {
            let run = try snatool(arguments)
            #expect(run.status == 64, "\(arguments): \(run.stderr)")
            #expect(!run.stderr.contains("Fatal error"))
            #expect(!FileManager.default.fileExists(atPath: "/tmp/never"))
        }
    }

    @Test func aHugeRadiusStopsAtTheEdgeOfTheNetwork() throws {
        let scratch = Scratch()
        let map = scratch.path("ego.dot")
        let run = try snatool("map", "datasets/emon/MtSi/survey.csv", "--ego", "King County Police", "--radius", "9223372036854775807", "-o", map)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: map))
    }
}
