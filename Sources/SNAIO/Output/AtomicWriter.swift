import Foundation
import SNACore

/// Why output could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// The path that could not be written.
    public var path: String
    /// What went wrong.
    public var reason: String

    /// Creates an output error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The failure as one line.
    public var description: String { "\(path): error: cannot write: \(reason)" }
}

/// Writes files so that a failed run never leaves a half-written one: each
/// file is written to a temporary file beside it, then renamed over the target.
public enum AtomicWriter {
    /// Writes `data` to `path` atomically, creating missing parent folders.
    public static func write(_ data: Data, to path: String) throws(OutputError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: temporary)
            try replace(url, with: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError(path: path, reason: Self.reason(error))
        }
    }

    /// Writes several files into `folder`: every file is first written to a
    /// temporary folder inside it, then each is renamed into place. Before any
    /// rename, every destination is checked (not a folder, not one of
    /// `protected`), so a foreseeable failure leaves the old files untouched.
    ///
    /// - Parameter protected: paths that must never be overwritten (the inputs).
    public static func write(files: [(name: String, contents: String)], into folder: String, protecting protected: [String] = []) throws(OutputError) {
        guard !folder.isEmpty else { throw OutputError(path: folder, reason: "the folder name is empty") }
        let target = URL(fileURLWithPath: folder)
        let protectedPaths = Set(protected.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().standardizedFileURL.path })
        for file in files {
            let destination = target.appendingPathComponent(file.name)
            if protectedPaths.contains(destination.resolvingSymlinksInPath().standardizedFileURL.path) {
                throw OutputError(path: destination.path, reason: "it is one of the input files; choose another --out folder")
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw OutputError(path: destination.path, reason: "a folder of that name is in the way")
            }
        }
        let staging = target.appendingPathComponent(".snatool-\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: staging) }
            for file in files {
                try Data(file.contents.utf8).write(to: staging.appendingPathComponent(file.name))
            }
            for file in files {
                try replace(target.appendingPathComponent(file.name), with: staging.appendingPathComponent(file.name))
            }
        } catch {
            throw OutputError(path: folder, reason: Self.reason(error))
        }
    }

    /// Renames `source` over `destination` in one step (POSIX rename).
    private static func replace(_ destination: URL, with source: URL) throws {
        guard rename(source.path, destination.path) == 0 else {
            throw NSError(domain: NSPOSIXErrorDomain, code: Int(errno),
                          userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
    }

    private static func reason(_ error: Error) -> String {
        var nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError { nsError = underlying }
        if nsError.domain == NSPOSIXErrorDomain, let text = strerror(Int32(nsError.code)) { return String(cString: text) }
        switch nsError.code {
        case NSFileWriteNoPermissionError: return "permission denied"
        case NSFileWriteOutOfSpaceError: return "no space left on the device"
        case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such folder"
        case NSFileWriteVolumeReadOnlyError: return "the file system is read-only"
        default: return nsError.localizedDescription
        }
    }
}
