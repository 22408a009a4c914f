/// Whole-network figures of one directed graph.
///
/// Conventions (see docs/metrics.md): density is ties / (n(n-1)) over ordered
/// pairs, as igraph `density(loops=False)`; reciprocity is the share of ties
/// whose reverse tie also exists, as igraph `reciprocity(mode="default")` and
/// networkx `reciprocity`; `nil` when there are no ties.
public struct GraphSummary: Sendable, Equatable {
    /// The number of nodes, including isolates.
    public let nodes: Int
    /// The number of distinct directed ties.
    public let ties: Int
    /// Nodes with at least one tie in or out.
    public let activeNodes: Int
    /// Nodes with no tie in or out.
    public let isolates: Int
    /// ties / (n(n-1)); 0 when n < 2.
    public let density: Double
    /// Share of ties that are reciprocated; `nil` without ties.
    public let reciprocity: Double?
    /// Unordered pairs tied both ways.
    public let mutualPairs: Int
    /// The number of weakly connected components (isolates included).
    public let weakComponents: Int
    /// The size of the largest weak component.
    public let largestWeakComponent: Int
    /// The number of strongly connected components (isolates included).
    public let strongComponents: Int
    /// The size of the largest strong component.
    public let largestStrongComponent: Int

    /// Summarises `graph`.
    ///
    /// - Complexity: O(V + E log d).
    package init(_ graph: Digraph) {
        let n = graph.nodeCount
        nodes = n
        ties = graph.edgeCount
        var active = 0
        for v in 0..<n where graph.outDegree(of: v) + graph.inDegree(of: v) > 0 { active += 1 }
        activeNodes = active
        isolates = n - active
        density = n < 2 ? 0 : Double(ties) / (Double(n) * Double(n - 1))
        var reciprocated = 0
        for v in 0..<n {
            for w in graph.successors(of: v) where graph.hasEdge(from: Int(w), to: v) { reciprocated += 1 }
        }
        mutualPairs = reciprocated / 2
        reciprocity = ties == 0 ? nil : Double(reciprocated) / Double(ties)
        let weak = graph.weakComponents()
        weakComponents = weak.count
        largestWeakComponent = weak.largest
        let strong = graph.strongComponents()
        strongComponents = strong.count
        largestStrongComponent = strong.largest
    }
}
