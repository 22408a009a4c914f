import Testing
@testable import SNACore

/// Surveys of many small themes (issue 16's 10,000 declared themes): the theme
/// overlap, stored sparsely, equals the dense Jaccard matrix, and a selection
/// that keeps no metrics gives the same metrics, bit for bit, each time they
/// are read.
@Suite struct ManyThemesTests {
    /// 60 people in 6 organisations, 40 themes, ties drawn at random (some repeated across themes).
    static func network(seed: UInt64) throws -> PartnershipNetwork {
        var random = SeededGenerator(seed: seed)
        let themes = try ThemeSet.parse(declaration: (0..<40).map { "t\($0)" }.joined(separator: ","))
        var builder = NetworkBuilder(themeSet: themes)
        for _ in 0..<150 {
            let a = random.nextInt(below: 60), b = random.nextInt(below: 60)
            let theme = random.nextInt(below: 3) == 0 ? random.nextInt(below: 4) : random.nextInt(below: 40)
            builder.addTie(from: "p\(a)", organisation: "org\(a % 6)", to: "p\(b)", organisation: "org\(b % 6)", themeIndex: theme)
        }
        return try builder.build()
    }

    @Test func overlapEqualsTheDenseJaccardMatrix() throws {
        for seed in 1...5 {
            let network = try Self.network(seed: UInt64(seed))
            let k = network.themes.count
            var sets = [Set<Int64>](repeating: [], count: k)
            for tie in network.ties {
                guard let theme = tie.theme else { continue }
                sets[theme].insert(Int64(tie.source) << 32 | Int64(tie.target))
            }
            let dense: [[Double?]] = (0..<k).map { a in
                (0..<k).map { b in
                    let union = sets[a].union(sets[b]).count
                    return union == 0 ? nil : Double(sets[a].intersection(sets[b]).count) / Double(union)
                }
            }
            let overlap = network.themeOverlap()
            #expect(Array(overlap) == dense)
            #expect(overlap.count == k)
            for a in 0..<k { for b in 0..<k { #expect(overlap.overlap(a, b) == dense[a][b]) } }
        }
    }

    @Test func selectionsThatKeepNoMetricsComputeTheSameOnes() throws {
        let network = try Self.network(seed: 7)
        let analysis = PartnershipAnalysis(network: network)
        var recomputed = 0
        for selection in analysis.selections + analysis.organisationNetworks {
            let groups = selection.graph.nodeCount == network.people.count ? analysis.groups : Array(network.organisations.indices)
            let fresh = NodeMetrics(selection.graph, groups: groups)
            #expect(selection.metrics.paths == fresh.paths)
            #expect(selection.metrics.eigenvector.map(\.bitPattern) == fresh.eigenvector.map(\.bitPattern))
            #expect(selection.metrics.pageRank.map(\.bitPattern) == fresh.pageRank.map(\.bitPattern))
            #expect(selection.metrics.brokerage == fresh.brokerage)
            #expect(selection.metrics.cutPoints == fresh.cutPoints)
            #expect(selection.metrics.clustering.map(\.bitPattern) == fresh.clustering.map(\.bitPattern))
            #expect(selection.metrics.structuralHoles.constraint.map { $0?.bitPattern } == fresh.structuralHoles.constraint.map { $0?.bitPattern })
            var touched = 0
            for v in 0..<selection.graph.nodeCount where fresh.degree[v] > 0 { touched += 1 }
            if !SelectionAnalysis.keepsMetrics(nodes: selection.graph.nodeCount, touched: touched) { recomputed += 1 }
        }
        // Most of the 40 themes touch under one in eight of the 60 people.
        #expect(recomputed > 10)
    }
}
