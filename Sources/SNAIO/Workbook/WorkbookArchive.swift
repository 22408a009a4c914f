import Foundation
import SNACore
import ZIPFoundation

/// A workbook's zip archive, opened with ZIPFoundation, whose parts are
/// read by name with a cap on how much they unpack to in all (a zip bomb
/// stops at the cap, however small it was packed).
final class WorkbookArchive {
    /// The file's path as the user gave it, for messages.
    let file: String
    private let archive: Archive
    /// Entries by part name in lower case: part names are case-insensitive
    /// (Open Packaging Conventions), and some writers use `\` in them.
    private let entries: [String: Entry]
    private let byteLimit: Int
    private var bytesRead = 0

    /// Opens the archive in `data`.
    ///
    /// The bytes are opened from a temporary file (readable by this user
    /// only, and unlinked as soon as it is open), not from memory:
    /// ZIPFoundation's in-memory archive traps on an offset past the end of
    /// the data, which a damaged or hostile zip can hold, where reading a file
    /// past its end is an ordinary error.
    ///
    /// - Throws: `workbook.corrupt` when the zip's directory cannot be read.
    init(data: Data, file: String, byteLimit: Int) throws(InputError) {
        self.file = file
        self.byteLimit = byteLimit
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("snatool-\(UUID().uuidString).xlsx")
        guard FileManager.default.createFile(atPath: copy.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw InputError(.missingInput, [Diagnostic(.error, code: "workbook.no-temporary-file", at: SourceLocation(file: file),
                                                        "cannot write a temporary copy of the workbook to read it",
                                                        fix: "check that the temporary folder (\(copy.deletingLastPathComponent().path), or TMPDIR) is writable")])
        }
        defer { try? FileManager.default.removeItem(at: copy) }
        do { archive = try Archive(url: copy, accessMode: .read) } catch {
            throw WorkbookProblem.corrupt(file, "its zip directory cannot be read (the file is cut short or is not a zip archive)")
        }
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            entries[Self.key(entry.path)] = entry
        }
        self.entries = entries
    }

    private static func key(_ path: String) -> String {
        var path = path.replacingOccurrences(of: "\\", with: "/").lowercased()
        while path.hasPrefix("/") { path.removeFirst() }
        return path
    }

    /// Whether the archive holds the part.
    func contains(_ part: String) -> Bool { entries[Self.key(part)] != nil }

    /// The unpacked bytes of a part; nil when the archive has no such part.
    ///
    /// - Throws: `workbook.too-large` past the cap on unpacked bytes,
    ///   `workbook.corrupt` when the part cannot be unpacked or fails its checksum.
    func read(_ part: String) throws(InputError) -> Data? {
        guard let entry = entries[Self.key(part)] else { return nil }
        let budget = byteLimit - bytesRead
        // The declared size may lie; it is checked before and the real size while unpacking.
        guard entry.uncompressedSize <= UInt64(max(budget, 0)) else { throw WorkbookProblem.tooLarge(file, limit: byteLimit) }
        var data = Data()
        data.reserveCapacity(Int(min(entry.uncompressedSize, 1 << 26)))
        var overBudget = false
        do {
            let checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= budget else {
                    overBudget = true
                    throw CocoaError(.fileReadTooLarge)
                }
                data.append(chunk)
            }
            guard checksum == entry.checksum else {
                throw WorkbookProblem.corrupt(file, "the part \(part) fails its checksum")
            }
        } catch let error as InputError {
            throw error
        } catch {
            if overBudget { throw WorkbookProblem.tooLarge(file, limit: byteLimit) }
            throw WorkbookProblem.corrupt(file, "the part \(part) cannot be unpacked")
        }
        bytesRead += data.count
        return data
    }
}
