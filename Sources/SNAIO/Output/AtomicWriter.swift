import Foundation
import SNACore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    public var description: String { "\(Diagnostic.printable(path, limit: Int.max)): error: cannot write: \(reason)" }
}

/// A folder of output files written together: see ``AtomicWriter/write(folders:protecting:)``.
public struct OutputFolder: Sendable {
    /// The folder, created when missing.
    public var path: String
    /// Each file's name in the folder and its bytes.
    public var files: [(name: String, contents: Data)]

    /// A folder of files.
    public init(path: String, files: [(name: String, contents: Data)]) {
        self.path = path
        self.files = files
    }

    /// A folder of text files.
    public init(path: String, texts: [(name: String, contents: String)]) {
        self.init(path: path, files: texts.map { ($0.name, Data($0.contents.utf8)) })
    }
}

/// Writes output so that a failed run never leaves a half-written file or a
/// half-replaced set of files, and never replaces what is not a file.
///
/// - `-`, `/dev/stdout` and `/dev/fd/N` are written to the descriptor.
/// - A character device (`/dev/null`, `/dev/full`, a terminal), a FIFO or a
///   socket is written in place, never renamed over.
/// - A file is written to a hidden temporary file beside it, then renamed over
///   it in one step (a symbolic link to a file stays a link; the file's
///   permissions are kept).
/// - Temporary files that a killed run left in the folder are removed by the
///   next write there (``TemporaryFiles``).
///
/// docs/failure.md says what survives which failure.
public enum AtomicWriter {
    /// Writes `data` to `path`, creating missing parent folders of a file.
    public static func write(_ data: Data, to path: String) throws(OutputError) {
        switch try OutputDestination.of(path) {
        case .descriptor(let descriptor):
            try DescriptorWriter.write(data, to: descriptor, name: path == "-" ? "standard output" : path)
        case .device:
            try DescriptorWriter.write(data, inPlace: path, socket: false)
        case .socket:
            try DescriptorWriter.write(data, inPlace: path, socket: true)
        case .file(let file):
            let url = URL(fileURLWithPath: file)
            let folder = url.deletingLastPathComponent()
            let temporary = folder.appendingPathComponent(TemporaryFiles.file(for: url.lastPathComponent))
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                TemporaryFiles.removeStale(in: folder)
                try data.write(to: temporary)
                keepPermissions(of: url, on: temporary)
                try replace(url, with: temporary)
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                throw OutputError(path: path, reason: Self.reason(error))
            }
        }
    }

    /// Writes several files into `folder`; see ``write(folders:protecting:)``.
    ///
    /// - Parameter protected: paths that must never be overwritten (the inputs).
    public static func write(files: [(name: String, contents: String)], into folder: String, protecting protected: [String] = []) throws(OutputError) {
        try write(folders: [OutputFolder(path: folder, texts: files)], protecting: protected)
    }

    /// Writes sets of files into their folders as one: every file of every
    /// folder is first written to a staging folder inside its folder, and only
    /// when all are written is each renamed into place. Before anything is
    /// written every destination is checked (not a folder, not a device, not
    /// one of `protected`), so a failure while writing (a full disk, an error
    /// in a later file) leaves every old file untouched.
    ///
    /// - Parameter protected: paths that must never be overwritten (the inputs).
    public static func write(folders: [OutputFolder], protecting protected: [String] = []) throws(OutputError) {
        for folder in folders {
            guard !folder.path.isEmpty else { throw OutputError(path: folder.path, reason: "the folder name is empty") }
            for file in folder.files {
                let destination = URL(fileURLWithPath: folder.path).appendingPathComponent(file.name)
                if SameFile.isAny(destination.path, of: protected) {
                    throw OutputError(path: destination.path, reason: "it is one of the input files; choose another output folder")
                }
                var status = stat()
                if stat(destination.path, &status) == 0 {
                    switch status.st_mode & S_IFMT {
                    case S_IFREG: break
                    case S_IFDIR: throw OutputError(path: destination.path, reason: "a folder of that name is in the way")
                    default: throw OutputError(path: destination.path, reason: "it is not a regular file (a device, FIFO or socket); choose another output folder")
                    }
                }
            }
        }
        var staged: [(target: URL, staging: URL, created: Bool)] = []
        defer {
            for folder in staged {
                try? FileManager.default.removeItem(at: folder.staging)
            }
        }
        do {
            for folder in folders {
                let target = URL(fileURLWithPath: folder.path)
                let existed = FileManager.default.fileExists(atPath: target.path)
                try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                TemporaryFiles.removeStale(in: target)
                let staging = target.appendingPathComponent(TemporaryFiles.folder())
                try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
                staged.append((target, staging, !existed))
                for file in folder.files {
                    let temporary = staging.appendingPathComponent(file.name)
                    try file.contents.write(to: temporary)
                    keepPermissions(of: target.appendingPathComponent(file.name), on: temporary)
                }
            }
        } catch {
            // Nothing was moved: remove what was staged, and the folders this write made.
            for folder in staged {
                try? FileManager.default.removeItem(at: folder.staging)
                if folder.created { rmdir(folder.target.path) }
            }
            throw OutputError(path: staged.last?.target.path ?? folders.first?.path ?? "", reason: Self.reason(error))
        }
        do {
            for (folder, stage) in zip(folders, staged) {
                for file in folder.files {
                    try replace(stage.target.appendingPathComponent(file.name), with: stage.staging.appendingPathComponent(file.name))
                }
            }
        } catch {
            throw OutputError(path: folders.first?.path ?? "", reason: Self.reason(error))
        }
    }

    /// Gives `temporary` the permission bits of `file`, when `file` exists.
    private static func keepPermissions(of file: URL, on temporary: URL) {
        var status = stat()
        if stat(file.path, &status) == 0 { chmod(temporary.path, status.st_mode & 0o7777) }
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
        if nsError.domain == NSPOSIXErrorDomain { return DescriptorWriter.reason(Int32(nsError.code)) }
        switch nsError.code {
        case NSFileWriteNoPermissionError: return "permission denied"
        case NSFileWriteOutOfSpaceError: return "no space left on the device"
        case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such folder"
        case NSFileWriteVolumeReadOnlyError: return "the file system is read-only"
        case NSFileWriteFileExistsError: return "a file is in the way of a folder on the path"
        default: return nsError.localizedDescription
        }
    }
}
