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
    public let groups: [String]
    /// The number of nodes in each group.
    public let sizes: [Int]
    /// `ties[a][b]`: ties from group a to group b (edge weights summed when
    /// `weighted`, else counted); stored sparsely, so that a thousand
    /// organisations cost memory for the pairs that have ties, not a million cells.
    public let ties: BlockTies

    /// Builds the blocks of `graph` for a group per node (`nil`: in no group, left out).
    ///
    /// - Complexity: O(V + E + G) time, O(G + the non-empty blocks) memory.
    public init(_ graph: Digraph, groupOf: [Int?], names: [String], weighted: Bool = false) {
        let count = names.count
        var sizes = [Int](repeating: 0, count: count)
        for group in groupOf { if let group { sizes[group] += 1 } }
        var ties = BlockTies(groups: count)
        for v in 0..<graph.nodeCount {
            guard let a = groupOf[v] else { continue }
            for position in Int(graph.outOffsets[v])..<Int(graph.outOffsets[v + 1]) {
                guard let b = groupOf[Int(graph.outTargets[position])] else { continue }
                ties.add(weighted ? graph.outWeights[position] : 1, from: a, to: b)
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
        (ties.outTotals[g] - ties[g][g], ties.inTotals[g] - ties[g][g])
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
            i += ties[a][a]
            e += ties.outTotals[a] - ties[a][a]
        }
        return e + i > 0 ? (e - i) / (e + i) : nil
    }
}

/// A square matrix of tie counts between groups that stores only its non-zero
/// cells; read it as `ties[a][b]`.
public struct BlockTies: Sendable, Equatable {
    /// The number of groups (rows and columns).
    public let groups: Int
    /// Non-zero cells, keyed by a * groups + b.
    private var cells: [Int: Double] = [:]
    /// Each row's sum: everything group a sends.
    public private(set) var outTotals: [Double]
    /// Each column's sum: everything group b receives.
    public private(set) var inTotals: [Double]

    /// An all-zero matrix for `groups` groups.
    public init(groups: Int) {
        self.groups = groups
        outTotals = [Double](repeating: 0, count: groups)
        inTotals = outTotals
    }

    /// Adds `value` to the cell from `a` to `b`.
    public mutating func add(_ value: Double, from a: Int, to b: Int) {
        cells[a * groups + b, default: 0] += value
        outTotals[a] += value
        inTotals[b] += value
    }

    /// One row of the matrix: what group `a` sends.
    public struct Row: Sendable {
        let matrix: BlockTies
        let a: Int

        /// Ties from the row's group to group `b`.
        public subscript(b: Int) -> Double { matrix.cells[a * matrix.groups + b] ?? 0 }
    }

    /// The row of group `a`.
    public subscript(a: Int) -> Row { Row(matrix: self, a: a) }

    /// The non-zero cells as (from, to, ties), ordered by row and then by column.
    ///
    /// - Complexity: O(C log C) for C non-zero cells.
    public var nonZeroCells: [(from: Int, to: Int, ties: Double)] {
        cells.filter { $0.value != 0 }.keys.sorted().map { key in (key / groups, key % groups, cells[key]!) }
    }

    /// The matrix as rows of cells, zeros included (G² cells: for small matrices and tests).
    public var dense: [[Double]] { (0..<groups).map { a in (0..<groups).map { self[a][$0] } } }
}
