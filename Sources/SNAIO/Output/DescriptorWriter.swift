import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes bytes to file descriptors with `write(2)`, retrying interrupted and
/// partial writes, and words a failure from its `errno` for the person
/// running the command.
public enum DescriptorWriter {
    /// Writes every byte of `data` to `descriptor`; `name` is what errors call it.
    ///
    /// - Throws: the failure's reason, e.g. "no space left on the device".
    public static func write(_ data: Data, to descriptor: Int32, name: String) throws(OutputError) {
        let failure: Int32? = data.withUnsafeBytes { buffer -> Int32? in
            guard var next = buffer.baseAddress else { return nil }
            var left = buffer.count
            while left > 0 {
                let written = Foundation.write(descriptor, next, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                left -= written
                next += written
            }
            return nil
        }
        if let failure { throw OutputError(path: name, reason: reason(failure)) }
    }

    /// Opens a device or FIFO, or connects to a socket, and writes `data` to it.
    public static func write(_ data: Data, inPlace path: String, socket isSocket: Bool) throws(OutputError) {
        let descriptor = isSocket ? connect(path) : open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: reason(errno)) }
        defer { close(descriptor) }
        try write(data, to: descriptor, name: path)
    }

    /// A connected Unix-domain stream socket, or -1 with `errno` set.
    private static func connect(_ path: String) -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            errno = ENAMETOOLONG
            return -1
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        #if canImport(Glibc)
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let descriptor = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { return -1 }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Foundation.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            let saved = errno
            close(descriptor)
            errno = saved
            return -1
        }
        return descriptor
    }

    /// A failure's `errno` as words.
    public static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "no space left on the device"
        case EDQUOT: return "the disk quota is used up"
        case EACCES, EPERM: return "permission denied"
        case EROFS: return "the file system is read-only"
        case ENOENT: return "no such folder"
        case ENOTDIR: return "a file is in the way of a folder on the path"
        case EISDIR: return "it is a folder; name a file"
        case EBADF: return "it is closed"
        case EPIPE: return "the reader has gone (a closed pipe)"
        case ENXIO, ECONNREFUSED: return "nothing is reading from it"
        case EIO: return "an input/output error on the device"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
