extension PartnershipNetwork {
    /// Jaccard similarity of the directed tie sets of every pair of themes:
    /// |A ∩ B| / |A ∪ B|, 1 on the diagonal, `nil` when both themes have no ties.
    ///
    /// - Complexity: O(T + K² P) for T ties, K themes and P distinct pairs.
    public func themeOverlap() -> [[Double?]] {
        let k = themes.count
        var sets = [Set<Int64>](repeating: [], count: k)
        for tie in ties {
            guard let theme = tie.theme else { continue }
            sets[theme].insert(Int64(tie.source) << 32 | Int64(tie.target))
        }
        return (0..<k).map { a in
            (0..<k).map { b in
                let union = sets[a].union(sets[b]).count
                return union == 0 ? nil : Double(sets[a].intersection(sets[b]).count) / Double(union)
            }
        }
    }
}
