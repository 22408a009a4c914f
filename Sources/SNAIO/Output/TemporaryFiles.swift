import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The hidden temporary files and folders that writes stage their output in,
/// named after the process that made them, so that the next write into the
/// same folder can remove those a killed run (kill -9, a power cut) left behind.
///
/// A file is `.NAME.snatool-PID-UUID.tmp`, a staging folder
/// `.snatool-PID-UUID.tmp`; one whose process no longer runs is stale. Names
/// from versions before the process was recorded (`.NAME.UUID.tmp`,
/// `.snatool-UUID.tmp`) are stale once an hour old.
enum TemporaryFiles {
    /// The temporary name for a file called `name`.
    static func file(for name: String) -> String { ".\(name).\(tag).tmp" }

    /// The name of a staging folder.
    static func folder() -> String { ".\(tag).tmp" }

    private static var tag: String { "snatool-\(getpid())-\(UUID().uuidString)" }

    /// Removes the stale temporary files and folders in `folder`; quietly
    /// leaves anything it cannot remove.
    static func removeStale(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") && isStale(name, in: folder) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    private static func isStale(_ name: String, in folder: URL) -> Bool {
        let stem = name.dropFirst().dropLast(4)
        let last = stem.split(separator: ".", omittingEmptySubsequences: false).last ?? ""
        func anHourOld() -> Bool {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path),
                  let modified = attributes[.modificationDate] as? Date else { return false }
            return Date().timeIntervalSince(modified) > 3600
        }
        if last.hasPrefix("snatool-") {
            let rest = last.dropFirst(8)
            if let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), pid > 0,
               UUID(uuidString: String(rest[rest.index(after: dash)...])) != nil {
                return kill(pid, 0) != 0 && errno == ESRCH
            }
            return UUID(uuidString: String(rest)) != nil && anHourOld()
        }
        return stem.contains(".") && UUID(uuidString: String(last)) != nil && anHourOld()
    }
}
