import Foundation

/// "Did you mean" for sheet names.
enum SheetSuggestion {
    /// The name closest to `requested` when it is close enough to be a slip:
    /// one that contains it or is contained in it (ignoring case and spaces),
    /// or within a third of its length in single-character edits.
    static func nearest(to requested: String, among names: [String]) -> String? {
        func folded(_ text: String) -> [Character] { Array(text.lowercased().filter { !$0.isWhitespace }) }
        let target = folded(requested)
        guard !target.isEmpty else { return nil }
        var best: (name: String, cost: Int)?
        for name in names {
            let candidate = folded(name)
            let contains = !candidate.isEmpty && (String(candidate).contains(String(target)) || String(target).contains(String(candidate)))
            let cost = contains ? 0 : edits(target, candidate)
            if cost <= max(1, target.count / 3), cost < (best?.cost ?? .max) { best = (name, cost) }
        }
        return best?.name
    }

    /// Levenshtein distance, one row at a time.
    private static func edits(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = previous
        for (i, x) in a.enumerated() {
            current[0] = i + 1
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
