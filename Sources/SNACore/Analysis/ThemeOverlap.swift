/// Jaccard similarity of the directed tie sets of every pair of themes:
/// |A ∩ B| / |A ∪ B|, 1 on the diagonal, `nil` when both themes have no ties.
///
/// A collection of rows, one per theme, each row a `[Double?]` with one entry
/// per theme (`overlap[a][b]`), as a dense matrix reads; only the non-zero
/// intersections are stored, so 10,000 themes take memory in their shared
/// ties, not 10⁸ cells. A row is built when it is read: O(K) for K themes.
public struct ThemeOverlap: RandomAccessCollection, Sendable, Equatable {
    /// The number of distinct ties of each theme.
    public let tieCounts: [Int]
    /// For each theme, the other themes it shares ties with and how many, by theme.
    private let shared: [[Int: Int]]

    public var startIndex: Int { 0 }
    public var endIndex: Int { tieCounts.count }

    /// The overlap of themes `a` and `b`.
    ///
    /// - Complexity: O(1).
    public func overlap(_ a: Int, _ b: Int) -> Double? {
        let union = a == b ? tieCounts[a] : tieCounts[a] + tieCounts[b] - (shared[a][b] ?? 0)
        let intersection = a == b ? tieCounts[a] : shared[a][b] ?? 0
        return union == 0 ? nil : Double(intersection) / Double(union)
    }

    /// Row `a`: the overlap of theme `a` with each theme in turn.
    ///
    /// - Complexity: O(K).
    public subscript(a: Int) -> [Double?] { (0..<tieCounts.count).map { overlap(a, $0) } }

    /// The overlaps of `tieCounts.count` themes from each distinct tie's themes.
    init(tieCounts: [Int], shared: [[Int: Int]]) {
        self.tieCounts = tieCounts
        self.shared = shared
    }
}

extension PartnershipNetwork {
    /// Jaccard similarity of the directed tie sets of every pair of themes (see ``ThemeOverlap``).
    ///
    /// - Complexity: O(T log T + Σ m²) for T ties, where m is the number of
    ///   themes one distinct directed pair is named in; O(K + the pairs of
    ///   themes that share a tie) memory for K themes.
    public func themeOverlap() -> ThemeOverlap {
        let k = themes.count
        // Each distinct (pair, theme) once, grouped by pair.
        var keyed: [(pair: Int64, theme: Int32)] = []
        keyed.reserveCapacity(ties.count)
        for tie in ties {
            guard let theme = tie.theme else { continue }
            keyed.append((Int64(tie.source) << 32 | Int64(tie.target), Int32(theme)))
        }
        keyed.sort { ($0.pair, $0.theme) < ($1.pair, $1.theme) }
        var counts = [Int](repeating: 0, count: k)
        var shared = [[Int: Int]](repeating: [:], count: k)
        var start = 0
        var themesOfPair: [Int] = []
        while start < keyed.count {
            var end = start
            themesOfPair.removeAll(keepingCapacity: true)
            while end < keyed.count && keyed[end].pair == keyed[start].pair {
                let theme = Int(keyed[end].theme)
                if themesOfPair.last != theme { themesOfPair.append(theme) }
                end += 1
            }
            for a in themesOfPair {
                counts[a] += 1
                for b in themesOfPair where b != a { shared[a][b, default: 0] += 1 }
            }
            start = end
        }
        return ThemeOverlap(tieCounts: counts, shared: shared)
    }
}
