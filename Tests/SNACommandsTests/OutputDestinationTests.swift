import Foundation
import Testing

/// The kind of file a path is now (after symbolic links), from stat(2).
private func kind(_ path: String) -> mode_t? {
    var status = stat()
    return stat(path, &status) == 0 ? status.st_mode & S_IFMT : nil
}

/// Runs snatool through the shell, so that a test can close or redirect standard output.
private func snatoolInShell(_ redirection: String, _ arguments: [String]) throws -> RunResult {
    try run("/bin/sh", ["-c", "exec \"$0\" \"$@\" \(redirection)", snatoolBinary.path] + arguments)
}

/// `-o` onto a device, a FIFO or standard output writes there, never renames
/// a file over it; a failed write to standard output is one line and exit 73.
@Suite(.serialized) struct OutputDestinationTests {
    /// Commands with `-o`, each given the output path last.
    static let commands: [[String]] = [
        ["instruments", "show", "delivery-chain", "-o"],
        ["assess", "--instrument", "decommissioning", "datasets/instruments/decommissioning-sample.csv", "-o"],
    ]

    @Test(arguments: commands)
    func devNullDiscardsAndStaysADevice(_ command: [String]) throws {
        let run = try snatool(command + ["/dev/null"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(kind("/dev/null") == S_IFCHR)
    }

    @Test(arguments: commands)
    func devFullIsNoSpaceLeft(_ command: [String]) throws {
        guard kind("/dev/full") == S_IFCHR else { return }
        let run = try snatool(command + ["/dev/full"])
        #expect(run.status == 73)
        #expect(run.stderr == "/dev/full: error: cannot write: no space left on the device\n")
        #expect(kind("/dev/full") == S_IFCHR)
    }

    @Test func devStdoutAndDashPrint() throws {
        for path in ["/dev/stdout", "-"] {
            let run = try snatool("instruments", "show", "delivery-chain", "-o", path)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.hasPrefix("Delivery chain analysis\n"))
        }
    }

    @Test func aFIFOIsWrittenInPlace() throws {
        let scratch = Scratch()
        let fifo = scratch.path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = DataBox()
        let reader = Thread {
            received.data = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()
        }
        reader.start()
        let run = try snatool("instruments", "show", "delivery-chain", "-o", fifo)
        #expect(run.status == 0, "\(run.stderr)")
        while !received.done { usleep(1000) }
        #expect(String(decoding: received.data, as: UTF8.self).hasPrefix("Delivery chain analysis\n"))
        #expect(kind(fifo) == S_IFIFO)
    }

    @Test func aClosedStandardOutputIsOneLineAndExit73() throws {
        for arguments in [["instruments", "list"], ["analyse", "datasets/emon/MtSi/survey.csv"], ["--help"]] {
            let run = try snatoolInShell(">&-", arguments)
            #expect(run.status == 73, "\(arguments)")
            #expect(run.stderr == "snatool: error: cannot write to standard output: it is closed\n", "\(arguments)")
        }
    }

    @Test func aClosedOrFullStandardErrorIsNoCrash() throws {
        for redirection in ["2>&-", "2>/dev/full"] {
            let run = try snatoolInShell(redirection, ["analyse", "no/such/survey.csv"])
            #expect(run.status == 66, "\(redirection)")
        }
    }

    @Test func helpAndVersionOnAFullDiskFail() throws {
        guard kind("/dev/full") == S_IFCHR else { return }
        for arguments in [["--help"], ["--version"], ["analyse", "--help"], ["generate", "bolton", "-o", Scratch().path("g")]] {
            let run = try snatoolInShell(">/dev/full", arguments)
            #expect(run.status == 73, "\(arguments)")
            #expect(run.stderr.hasSuffix("snatool: error: cannot write to standard output: no space left on the device\n"), "\(arguments): \(run.stderr)")
        }
    }

    @Test func aFolderIsRefused() throws {
        let scratch = Scratch()
        let folder = scratch.path("folder")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let run = try snatool("instruments", "show", "delivery-chain", "-o", folder)
        #expect(run.status == 73)
        #expect(run.stderr.contains("it is a folder"))
    }

    @Test func aSymbolicLinkStaysALinkAndItsFileIsReplaced() throws {
        let scratch = Scratch()
        let file = scratch.write("real.txt", "old")
        let link = scratch.path("link.txt")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        let run = try snatool("instruments", "show", "delivery-chain", "-o", link)
        #expect(run.status == 0, "\(run.stderr)")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == file)
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("Delivery chain analysis"))
    }
}
