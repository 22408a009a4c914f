import ArgumentParser
import Foundation
import SNACore
import SNAIO

/// Prints to standard output, without control characters from any input
/// (``TerminalText``); a failed write (a full disk, a closed descriptor or
/// pipe) is one line on standard error and exit status 73.
func writeStandardOutput(_ text: String) throws {
    try writeStandardOutput(Data(TerminalText.printable(text).utf8))
}

/// Prints JSON to standard output as it is: ``JSONValue`` escapes every
/// control character, so the text is already safe on a terminal.
func writeStandardOutput(json text: String) throws {
    try writeStandardOutput(Data(text.utf8))
}

/// Prints bytes already safe for a terminal; a failed write is one line on
/// standard error and exit status 73.
private func writeStandardOutput(_ data: Data) throws {
    do throws(OutputError) { try DescriptorWriter.write(data, to: STDOUT_FILENO, name: "standard output") } catch {
        printError("snatool: error: cannot write to standard output: \(error.reason)")
        throw ExitStatus.cannotCreate
    }
}

/// Writes text to a file when one is named (`-` is standard output), else to standard output.
func emit(_ text: String, to output: String?, protecting inputs: [String]) throws {
    if let output { try writeFile(text, to: output, protecting: inputs) } else { try writeStandardOutput(text) }
}

/// Writes a text file atomically, never over an input; prints why not and
/// throws the exit status. Text for a descriptor or a device (`-`,
/// `/dev/stdout`, a terminal) loses its control characters, as on standard output.
func writeFile(_ text: String, to path: String, protecting inputs: [String]) throws {
    var text = text
    switch try? OutputDestination.of(path) {
    case .descriptor, .device: text = TerminalText.printable(text)
    default: break
    }
    try writeFile(Data(text.utf8), to: path, protecting: inputs)
}

/// Writes a file atomically (or a device, FIFO or socket in place; `-` is
/// standard output), never over an input; prints why not and throws the exit status.
func writeFile(_ data: Data, to path: String, protecting inputs: [String]) throws {
    do throws(OutputError) {
        if case .file = try OutputDestination.of(path) { try refuseInput(path, inputs) }
        try AtomicWriter.write(data, to: path)
    } catch {
        printError(path == "-" ? "snatool: error: cannot write to standard output: \(error.reason)" : error.description)
        throw ExitStatus.cannotCreate
    }
}

/// Throws when `path` is one of `inputs` (``SameFile``).
private func refuseInput(_ path: String, _ inputs: [String]) throws(OutputError) {
    if SameFile.isAny(path, of: inputs) { throw OutputError(path: path, reason: "it is one of the input files; choose another output") }
}

/// Writes sets of output files into their folders as one (nothing moves into
/// place until every file is written); prints why not and throws the exit status.
func writeFolders(_ folders: [OutputFolder], protecting inputs: [String]) throws {
    do throws(OutputError) { try AtomicWriter.write(folders: folders, protecting: inputs) } catch {
        printError(error.description)
        throw ExitStatus.cannotCreate
    }
}
