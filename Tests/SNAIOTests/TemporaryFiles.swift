import Foundation

/// A folder of small files for one test, removed when the value is released.
final class TemporaryFiles {
    let folder: URL

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("snatool-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Writes `text` to `name` and returns its path.
    func write(_ name: String, _ text: String) -> String {
        let url = folder.appendingPathComponent(name)
        try? Data(text.utf8).write(to: url)
        return url.path
    }
}
