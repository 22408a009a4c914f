import Foundation
import SNACore
import SNAIO

/// The checks every fuzz target makes on what a reader returned. A broken
/// invariant stops the run with a message, which libFuzzer records as a crash
/// and saves the input that caused it.
enum Invariants {
    /// Stops the run: the input broke a promise.
    static func fail(_ message: String) -> Never {
        fatalError("invariant broken: \(message)")
    }

    /// Every problem in `error` names one of `files`, gives a line within
    /// that file when it gives one, and prints as one line; the error has at
    /// least one problem.
    static func checkError(_ error: InputError, files: [String: Data]) {
        guard !error.diagnostics.isEmpty else { fail("an InputError with no problem in it") }
        for diagnostic in error.diagnostics {
            let text = diagnostic.description
            if text.contains("\n") || text.contains("\r") { fail("a problem prints on more than one line: \(text)") }
            guard let location = diagnostic.location else { fail("a problem names no file: \(text)") }
            guard let input = files[location.file] else { fail("a problem names a file that was not read: \(text)") }
            let lines = lineCount(input)
            if let line = location.line, line < 1 || line > lines { fail("a problem names line \(line) of a \(lines)-line input: \(text)") }
            if let column = location.column, column < 1 { fail("a problem names column \(column): \(text)") }
        }
    }

    /// The lines of an input as the CSV reader counts them: a line feed, a
    /// carriage return and line feed, or a lone carriage return ends one.
    static func lineCount(_ input: Data) -> Int {
        let bytes = [UInt8](input)
        var lines = 1
        for (i, byte) in bytes.enumerated() where byte == 0x0A || (byte == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
            lines += 1
        }
        return lines
    }

    /// `text` is JSON that parses.
    static func checkJSON(_ text: String, _ what: String) {
        guard (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil else {
            fail("\(what) is not valid JSON")
        }
    }

    /// `text` is CSV that the reader reads back.
    static func checkCSV(_ text: String, _ what: String) {
        do throws(InputError) { _ = try CSVReader.parse(Data(text.utf8), file: what) } catch {
            fail("\(what) does not read back as CSV: \(error.diagnostics.first?.description ?? "")")
        }
    }

    /// What a cell reads back as after ``CSVWriter`` protected it against formulas.
    static func written(_ field: String) -> String {
        if let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { return "'" + field }
        return field
    }
}
