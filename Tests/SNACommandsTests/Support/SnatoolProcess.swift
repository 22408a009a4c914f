import Foundation

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// What a run of the built `snatool` binary printed and returned.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the `snatool` binary built beside the test bundle, from the repository root.
func snatool(_ arguments: String...) throws -> RunResult { try snatool(arguments) }

/// Runs the `snatool` binary with an argument list.
func snatool(_ arguments: [String]) throws -> RunResult { try run(snatoolBinary.path, arguments) }

/// Runs a program from the repository root, standard input empty, and collects what it printed.
func run(_ executable: String, _ arguments: [String]) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = repositoryRoot
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Drain stderr on another thread so that neither pipe can fill and block the child.
    let stderrBox = DataBox()
    let reader = Thread { stderrBox.data = err.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !stderrBox.done { usleep(1000) }
    return RunResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                     stderr: String(decoding: stderrBox.data, as: UTF8.self))
}

/// Bytes another thread collected, read once it is done.
final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value = Data()
    private var finished = false
    var data: Data {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue; finished = true } }
    }
    var done: Bool { lock.withLock { finished } }
}

/// The binary: beside the test bundle in the build products folder.
let snatoolBinary: URL = {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("snatool")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder = folder.deletingLastPathComponent()
    }
    return repositoryRoot.appendingPathComponent(".build/debug/snatool")
}()

/// A folder of small files for one test, removed when the value is released.
final class Scratch {
    let folder: URL

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("snatool-e2e-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Writes a file (and the folders on its path) in the scratch folder and returns its path.
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let url = folder.appendingPathComponent(name)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(bytes).write(to: url)
        return url.path
    }

    func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
}
