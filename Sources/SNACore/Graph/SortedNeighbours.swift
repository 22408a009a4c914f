extension ArraySlice where Element == Int32 {
    /// Whether this ascending list of node indices (an adjacency list) holds `node`.
    ///
    /// - Complexity: O(log k) for k elements.
    @inline(__always) func sortedContains(_ node: Int32) -> Bool {
        var low = startIndex, high = endIndex
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < node { low = mid + 1 } else { high = mid }
        }
        return low < endIndex && self[low] == node
    }
}
