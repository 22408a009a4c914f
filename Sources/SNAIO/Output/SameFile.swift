import Foundation

/// Whether two paths name the same file: the one rule by which no output is
/// ever written over an input, on every command.
public enum SameFile {
    /// Whether `a` and `b` are the same file: the same path after symbolic
    /// links, or the same device and inode (a hard link). `-` is never a file.
    public static func check(_ a: String, _ b: String) -> Bool {
        guard a != "-", b != "-" else { return false }
        if canonical(a) == canonical(b) { return true }
        guard let first = identity(a), let second = identity(b) else { return false }
        return first == second
    }

    /// Whether `path` is one of `inputs`.
    public static func isAny(_ path: String, of inputs: [String]) -> Bool {
        inputs.contains { check(path, $0) }
    }

    /// The path with symbolic links resolved.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// The file's device and inode, or `nil` when it does not exist.
    static func identity(_ path: String) -> [UInt64]? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return [UInt64(status.st_dev), UInt64(status.st_ino)]
    }
}
