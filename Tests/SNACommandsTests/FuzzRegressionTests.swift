import Foundation
import Testing

/// Every input the fuzzer once broke a reader with (Tests/FuzzRegressions/TARGET/)
/// replays through the same target's invariants without a crash.
struct FuzzRegressionTests {
    static let folder = repositoryRoot.appendingPathComponent("Tests/FuzzRegressions")

    /// Each saved input with its target, from the folder it is in.
    static let inputs: [String] = {
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return targets.sorted().flatMap { target in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(target).path)) ?? []).sorted().map { "\(target)/\($0)" }
        }
    }()

    @Test func thereAreSavedInputs() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test(arguments: inputs)
    func replays(_ input: String) throws {
        let fuzzer = snatoolBinary.deletingLastPathComponent().appendingPathComponent("snatool-fuzz").path
        let target = String(input.split(separator: "/")[0])
        let run = try run(fuzzer, [target, Self.folder.appendingPathComponent(input).path])
        #expect(run.status == 0, "\(run.stderr)")
    }
}
