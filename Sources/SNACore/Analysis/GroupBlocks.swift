/// Ties between and within groups (organisations, layers, or any attribute):
/// the block matrix of a graph.
///
/// Density of a block: ties from group A's people to group B's people divided
/// by |A||B| (by |A|(|A|-1) within a group). E-I index (Krackhardt and Stern
/// 1988): (E - I) / (E + I) with E the ties that cross a group's boundary in
/// either direction and I the ties inside it; -1 means all ties are inside,
/// +1 all outside; `nil` without ties.
public struct GroupBlocks: Sendable, Equatable {
    /// The groups' names, in order.
    public var groups: [String]
    /// The number of nodes in each group.
    public var sizes: [Int]
    /// `ties[a][b]`: ties from group a to group b (edge weights summed when
    /// `weighted`, else counted).
    public var ties: [[Double]]

    /// Builds the blocks of `graph` for a group per node (`nil`: in no group, left out).
    ///
    /// - Complexity: O(V + E + G²).
    public init(_ graph: Digraph, groupOf: [Int?], names: [String], weighted: Bool = false) {
        let count = names.count
        var sizes = [Int](repeating: 0, count: count)
        for group in groupOf { if let group { sizes[group] += 1 } }
        var ties = [[Double]](repeating: [Double](repeating: 0, count: count), count: count)
        for v in 0..<graph.nodeCount {
            guard let a = groupOf[v] else { continue }
            for position in Int(graph.outOffsets[v])..<Int(graph.outOffsets[v + 1]) {
                guard let b = groupOf[Int(graph.outTargets[position])] else { continue }
                ties[a][b] += weighted ? graph.outWeights[position] : 1
            }
        }
        self.groups = names
        self.sizes = sizes
        self.ties = ties
    }

    /// Density of ties from group a to group b.
    public func density(_ a: Int, _ b: Int) -> Double {
        let possible = a == b ? Double(sizes[a]) * Double(sizes[a] - 1) : Double(sizes[a]) * Double(sizes[b])
        return possible > 0 ? ties[a][b] / possible : 0
    }

    /// Ties inside group g.
    public func internalTies(_ g: Int) -> Double { ties[g][g] }

    /// Ties crossing group g's boundary, out and in.
    public func externalTies(_ g: Int) -> (out: Double, in: Double) {
        var out = 0.0, incoming = 0.0
        for other in groups.indices where other != g {
            out += ties[g][other]
            incoming += ties[other][g]
        }
        return (out, incoming)
    }

    /// The E-I index of group g; `nil` when it has no ties.
    public func eiIndex(_ g: Int) -> Double? {
        let external = externalTies(g)
        let e = external.out + external.in, i = internalTies(g)
        return e + i > 0 ? (e - i) / (e + i) : nil
    }

    /// The E-I index of the whole network: ties between groups against ties within.
    public var networkEIIndex: Double? {
        var e = 0.0, i = 0.0
        for a in groups.indices {
            for b in groups.indices { if a == b { i += ties[a][b] } else { e += ties[a][b] } }
        }
        return e + i > 0 ? (e - i) / (e + i) : nil
    }
}
