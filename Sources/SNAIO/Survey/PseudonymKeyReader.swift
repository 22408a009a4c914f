import Foundation
import SNACore

/// Where the secret key of `--anonymise` comes from: a file
/// (`--pseudonym-key-file`) or the environment variable
/// ``environmentVariable``. The key is the file's bytes (or the variable's
/// UTF-8), with one final line ending removed so that `echo` and editors make
/// usable files; it must be at least ``minimumLength`` bytes. The key itself
/// is never printed or written: errors name the file or variable only.
public enum PseudonymKeyReader {
    /// The environment variable that holds a key when no key file is given.
    public static let environmentVariable = "SNATOOL_PSEUDONYM_KEY"
    /// The fewest bytes a key may have: 16, so that it cannot be guessed by trying short keys.
    public static let minimumLength = 16
    /// How to make a good key, for messages and documentation.
    public static let howToMake = "make one with: head -c 32 /dev/urandom | base64 > pseudonym.key"

    /// The pseudonymiser of the key in `path` (when given), else in the
    /// environment variable (when set), else one with a random key.
    ///
    /// - Throws: ``InputError``: the file is missing, unreadable or holds too short a key (missing input, bad data).
    public static func pseudonymiser(path: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(InputError) -> Pseudonymiser {
        if let path {
            let bytes = try CSVReader.readBytes(path: path, kind: "a pseudonym key file")
            return try pseudonymiser(bytes: Array(bytes), source: SourceLocation(file: path), name: "the key file")
        }
        if let value = environment[environmentVariable] {
            return try pseudonymiser(bytes: Array(value.utf8), source: nil, name: "the environment variable \(environmentVariable)")
        }
        return Pseudonymiser()
    }

    static func pseudonymiser(bytes given: [UInt8], source: SourceLocation?, name: String) throws(InputError) -> Pseudonymiser {
        var bytes = given
        if bytes.last == 0x0A { bytes.removeLast() }
        if bytes.last == 0x0D { bytes.removeLast() }
        guard bytes.count >= minimumLength else {
            let message = bytes.isEmpty ? "\(name) holds no pseudonym key" : "\(name) holds a pseudonym key of \(bytes.count) byte\(bytes.count == 1 ? "" : "s"); at least \(minimumLength) are needed"
            throw InputError(.badData, [Diagnostic(.error, code: "pseudonym-key.too-short", at: source, message, fix: howToMake)])
        }
        return Pseudonymiser(key: bytes)
    }
}
