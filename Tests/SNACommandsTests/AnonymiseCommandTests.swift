import Foundation
import SNACore
import Testing

/// `--anonymise` with one key on every command that writes names: the same
/// pseudonym for everyone in both waves and in every output, no name anywhere.
@Suite(.serialized) struct AnonymiseCommandTests {
    static let waves = [("datasets/bolton/survey.csv", "datasets/bolton/people.csv"),
                        ("datasets/bolton-wave2/survey.csv", "datasets/bolton-wave2/people.csv")]

    /// Every person's name in a people file (the first column), with their organisation.
    func people(_ path: String) throws -> [(name: String, organisation: String)] {
        let lines = try String(contentsOfFile: repositoryRoot.appendingPathComponent(path).path, encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst()
        return lines.map { line in
            // "Role, Organisation",Organisation,sector,layer
            let parts = line.split(separator: "\"")
            let rest = parts[1].split(separator: ",")
            return (String(parts[0]), String(rest[0]))
        }
    }

    @Test func oneKeyGivesEveryPersonOnePseudonymInEveryOutputOfBothWavesAndNoNameAppears() throws {
        let scratch = Scratch()
        let keyText = "a partnership's secret key, kept apart\n"
        let key = scratch.write("pseudonym.key", keyText)
        let pseudonymiser = Pseudonymiser(key: Array(keyText.utf8.dropLast()))
        var outputs: [(String, String)] = []
        var allNames = Set<String>()
        for (index, (survey, peopleFile)) in Self.waves.enumerated() {
            let roster = try people(peopleFile)
            allNames.formUnion(roster.map(\.name))
            let common = [survey, "--people", peopleFile, "--anonymise", "--pseudonym-key-file", key]
            for format in ["text", "json", "csv"] {
                let run = try snatool(["analyse"] + common + ["--format", format, "--out", scratch.path("tables\(index)")])
                #expect(run.status == 0, "\(run.stderr)")
                outputs.append(("analyse \(format) \(index)", run.stdout + run.stderr))
                if format == "json" {
                    // Everyone's pseudonym is the HMAC of their name under the key: the same in both waves.
                    for person in roster {
                        #expect(run.stdout.contains("\"Person \(pseudonymiser.code(person.name)), \(person.organisation)\""), "\(person.name)")
                    }
                }
            }
            for file in try FileManager.default.contentsOfDirectory(atPath: scratch.path("tables\(index)")) {
                outputs.append(("--out \(file)", try String(contentsOfFile: scratch.path("tables\(index)/\(file)"), encoding: .utf8)))
            }
            for map in ["map\(index).svg", "map\(index).html"] {
                let run = try snatool(["map"] + common + ["-o", scratch.path(map)])
                #expect(run.status == 0, "\(run.stderr)")
                outputs.append((map, try String(contentsOfFile: scratch.path(map), encoding: .utf8) + run.stderr))
            }
        }
        let report = try snatool(["report", Self.waves[1].0, "--people", Self.waves[1].1, "--anonymise", "--pseudonym-key-file", key,
                                  "-o", scratch.path("report.html")])
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOfFile: scratch.path("report.html"), encoding: .utf8)
        outputs.append(("report", html + report.stderr))
        #expect(html.contains("Person \(pseudonymiser.code("Partnership Manager, Fortalice")), Fortalice"))
        for format in ["text", "json", "csv", "html"] {
            let run = try snatool(["compare", Self.waves[0].0, Self.waves[1].0, "--before-people", Self.waves[0].1, "--after-people", Self.waves[1].1,
                                   "--anonymise", "--pseudonym-key-file", key, "--format", format])
            #expect(run.status == 0, "\(run.stderr)")
            outputs.append(("compare \(format)", run.stdout + run.stderr))
            #expect(run.stdout.contains("Person \(pseudonymiser.code("Partnership Manager, Fortalice")), Fortalice"))
        }
        for (label, text) in outputs {
            let leaked = allNames.filter { text.contains($0) }
            #expect(leaked.isEmpty, "\(label) names \(leaked.sorted().prefix(3))")
        }
        #expect(outputs.count > 15)
    }

    @Test func theKeyComesFromTheEnvironmentWhenNoFileIsGiven() throws {
        let secret = "environment key of enough bytes"
        let code = Pseudonymiser(key: secret).code("Partnership Manager, Fortalice")
        let json = try run("/usr/bin/env", ["SNATOOL_PSEUDONYM_KEY=\(secret)", snatoolBinary.path, "analyse", "datasets/bolton/survey.csv",
                                                            "--people", "datasets/bolton/people.csv", "--anonymise", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains("Person \(code), Fortalice"))
        #expect(!json.stderr.contains("random key"))
        #expect(!json.stdout.contains(secret) && !json.stderr.contains(secret))
        // Without a key: a note, and codes that match no other run.
        let random = try snatool("analyse", "datasets/bolton/survey.csv", "--anonymise", "--format", "json")
        #expect(random.stderr.contains("random key for this run"))
        #expect(!random.stdout.contains("Person \(code)"))
    }

    @Test func badKeysAreClearErrorsAndNothingIsWritten() throws {
        let scratch = Scratch()
        let base = ["analyse", "datasets/bolton/survey.csv", "--anonymise", "--out", scratch.path("out"), "--pseudonym-key-file"]
        let empty = try snatool(base + [scratch.write("empty.key", "")])
        #expect(empty.status == 65)
        #expect(empty.stderr.contains("empty.key: error: the key file holds no pseudonym key"))
        let short = try snatool(base + [scratch.write("short.key", "too short\n")])
        #expect(short.status == 65)
        #expect(short.stderr.contains("9 bytes; at least 16"))
        #expect(!short.stderr.contains("too short"))
        let missing = try snatool(base + [scratch.path("absent.key")])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("absent.key: error: no such file"))
        let folder = try snatool(base + [scratch.folder.path])
        #expect(folder.status == 66)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
        let alone = try snatool("analyse", "datasets/bolton/survey.csv", "--pseudonym-key-file", scratch.path("absent.key"))
        #expect(alone.status == 64)
        #expect(alone.stderr.contains("--pseudonym-key-file goes with --anonymise"))
        let env = try run("/usr/bin/env", ["SNATOOL_PSEUDONYM_KEY=", snatoolBinary.path, "analyse", "datasets/bolton/survey.csv", "--anonymise"])
        #expect(env.status == 65)
        #expect(env.stderr.contains("the environment variable SNATOOL_PSEUDONYM_KEY holds no pseudonym key"))
        // The key file is an input: output never overwrites it.
        let key = scratch.write("good.key", "a key that is long enough")
        let overwrite = try snatool("report", "datasets/bolton/survey.csv", "--anonymise", "--pseudonym-key-file", key, "-o", key)
        #expect(overwrite.status != 0)
        #expect(try String(contentsOfFile: key, encoding: .utf8) == "a key that is long enough")
    }
}
