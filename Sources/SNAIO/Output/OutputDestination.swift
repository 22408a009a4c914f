import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an output path is, which decides how it is written: standard output
/// and open descriptors directly, devices, FIFOs and sockets in place (never
/// renamed over), files through a temporary file and a rename.
public enum OutputDestination: Equatable, Sendable {
    /// An open descriptor of this process: `-` and `/dev/stdout` are 1,
    /// `/dev/stderr` 2, `/dev/fd/N` and `/proc/self/fd/N` are N.
    case descriptor(Int32)
    /// A character device (`/dev/null`, `/dev/full`, a terminal) or a FIFO:
    /// opened and written as it is.
    case device
    /// A Unix-domain socket: connected to and written.
    case socket
    /// A regular file, or nothing yet: written beside it and renamed into place.
    /// The path is the file itself when the given one is a symbolic link to it,
    /// so that the link stays a link.
    case file(String)

    /// Classifies `path`.
    ///
    /// - Throws: ``OutputError`` when the path is a folder or a block device,
    ///   which are never written.
    public static func of(_ path: String) throws(OutputError) -> OutputDestination {
        if path == "-" || path == "/dev/stdout" { return .descriptor(STDOUT_FILENO) }
        if path == "/dev/stderr" { return .descriptor(STDERR_FILENO) }
        for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
            if let number = Int32(path.dropFirst(prefix.count)), number >= 0 { return .descriptor(number) }
        }
        var status = stat()
        guard stat(path, &status) == 0 else { return .file(path) }
        switch status.st_mode & S_IFMT {
        case S_IFCHR, S_IFIFO: return .device
        case S_IFSOCK: return .socket
        case S_IFDIR: throw OutputError(path: path, reason: "it is a folder; name a file")
        case S_IFBLK: throw OutputError(path: path, reason: "it is a block device (a disk); name a file")
        default:
            var link = stat()
            if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) {
                defer { free(resolved) }
                return .file(String(cString: resolved))
            }
            return .file(path)
        }
    }
}
