/// The one normalisation of betweenness every estimate uses (exact,
/// weighted, sampled): raw betweenness divided by (n-1)(n-2), the number of
/// ordered pairs of other nodes, as igraph `normalized=True` on directed
/// graphs and networkx `normalized=True`; 0 when n < 3.
public enum BetweennessScale {
    /// `raw` normalised for a graph of `nodeCount` nodes.
    ///
    /// - Complexity: O(1).
    public static func normalised(_ raw: Double, nodeCount: Int) -> Double {
        let n = Double(nodeCount)
        return nodeCount < 3 ? 0 : raw / ((n - 1) * (n - 2))
    }
}
