/// Turns an analysis into findings, by the rules in docs/findings.md.
/// Detection only: the words are made in the output layer.
struct FindingsBuilder {
    let analysis: PartnershipAnalysis
    var thresholds: FindingThresholds { analysis.options.thresholds }
    var network: PartnershipNetwork { analysis.network }
    let names: [String]
    let nodeOrganisation: [Int?]
    /// The selection findings are about; `nil`: `all` (or the last selection).
    let focus: String?

    init(analysis: PartnershipAnalysis, focus: String? = nil) {
        self.analysis = analysis
        self.focus = focus
        names = analysis.nodeNames
        nodeOrganisation = analysis.nodeOrganisation
    }
    /// Whether nodes are people (rather than organisations).
    var nodesArePeople: Bool { analysis.nodesArePeople }

    func findings() -> [Finding] {
        guard let whole = focus.flatMap(analysis.selection) ?? analysis.judgedSelection else { return [] }
        var result: [Finding] = []
        result += gatekeepers(whole)
        result += weakLinks(whole)
        result += missingLinks()
        result += bridges(whole)
        result += absences(focus.flatMap(analysis.selection).map { [$0] } ?? analysis.selections)
        result += isolatedNodes(whole)
        return result
    }

    /// A finding about `selection`, at the analysis's level.
    func finding(_ kind: FindingKind, on selection: SelectionAnalysis, subjects: [NodeReference], evidence: FindingEvidence, score: Double) -> Finding {
        Finding(kind: kind, theme: selection.id, themeLabel: selection.label, level: analysis.options.level, nodesArePeople: nodesArePeople,
                subjects: subjects, evidence: evidence, score: score)
    }

    /// Node `v` of the analysed level.
    func node(_ v: Int) -> NodeReference { NodeReference(level: analysis.options.level, index: v, name: names[v]) }

    /// Organisation `o` of the network.
    func organisation(_ o: Int) -> NodeReference { NodeReference(level: .organisations, index: o, name: network.organisations[o].name) }

    /// At most ``FindingThresholds/maximumPerKind`` findings, by score (higher
    /// first), ties broken by the subjects' names.
    func ranked(_ found: [Finding]) -> [Finding] {
        Array(found.sorted { ($0.score, $1.subjectNames.joined(separator: "\u{1}")) > ($1.score, $0.subjectNames.joined(separator: "\u{1}")) }
            .prefix(thresholds.maximumPerKind))
    }

    /// The graph of all themes at the analysed level, symmetrised as the
    /// options say: analysed already when `all` was.
    var allThemesGraph: Digraph {
        analysis.selection(Theme.allID)?.graph
            ?? network.graph(.all, level: analysis.options.level, symmetrisation: analysis.options.symmetrisation)
    }

    // MARK: Gatekeepers

    func gatekeepers(_ whole: SelectionAnalysis) -> [Finding] {
        let metrics = whole.metrics
        let graph = metrics.undirected
        let between = metrics.brokerage.raw.map { $0.total - $0[.coordinator] }
        let totalBetween = between.reduce(0, +)
        var active = [Int: Int]()  // organisation -> members with ties
        for v in 0..<graph.nodeCount where graph.degree(of: v) > 0 {
            if let organisation = nodeOrganisation[v] { active[organisation, default: 0] += 1 }
        }
        let byBetweenness = (0..<graph.nodeCount).sorted { metrics.paths.betweenness[$0] > metrics.paths.betweenness[$1] }
        var rank = [Int](repeating: 0, count: graph.nodeCount)
        for (position, v) in byBetweenness.enumerated() { rank[v] = position + 1 }
        var found: [Finding] = []
        for v in 0..<graph.nodeCount {
            let share = totalBetween > 0 ? between[v] / totalBetween : 0
            let cutOff = metrics.cutPoints.isArticulationPoint[v] ? Self.cutOff(by: v, in: graph) : []
            let isCutPoint = cutOff.count >= thresholds.gatekeeperMinimumCutOff
            let isBroker = share >= thresholds.brokerMinimumShare && totalBetween > 0
            guard isCutPoint || isBroker else { continue }
            var organisationsCutOff: [NodeReference] = []
            if isCutPoint && nodesArePeople {
                var perOrganisation = [Int: Int]()
                for w in cutOff { if let o = nodeOrganisation[w] { perOrganisation[o, default: 0] += 1 } }
                organisationsCutOff = perOrganisation.filter { o, count in
                    count == (active[o] ?? 0) - (nodeOrganisation[v] == o ? 1 : 0)
                }.keys.sorted().map(organisation).sorted { $0.name < $1.name }
            }
            let cutWhole = Set(organisationsCutOff.map(\.index))
            let elsewhere = cutOff.filter { w in nodeOrganisation[w].map { !cutWhole.contains($0) } ?? true }
            let counts = metrics.brokerage.raw[v]
            let brokerage = totalBetween > 0 && between[v] > 0
                ? BrokerageEvidence(between: between[v], share: share, gatekeeper: counts[.gatekeeper],
                                    representative: counts[.representative], liaison: counts[.liaison])
                : nil
            let evidence = GatekeeperEvidence(
                isCutPoint: isCutPoint, cutOff: isCutPoint ? cutOff.map(node) : [], organisationsCutOff: organisationsCutOff,
                cutOffElsewhere: isCutPoint ? elsewhere.map(node) : [],
                removalImpact: metrics.cutPoints.removalImpact[v], brokerage: brokerage, groupedBy: analysis.options.grouping,
                betweenness: metrics.paths.betweenness[v], rank: rank[v], nodeCount: graph.nodeCount)
            found.append(finding(.gatekeeper, on: whole, subjects: [node(v)], evidence: .gatekeeper(evidence),
                                 score: metrics.cutPoints.removalImpact[v] + share))
        }
        return ranked(found)
    }

    /// The nodes that lose every path to the largest remaining piece when `v` goes.
    static func cutOff(by v: Int, in graph: UndirectedGraph) -> [Int] {
        var removed = [Bool](repeating: false, count: graph.nodeCount)
        removed[v] = true
        let label = graph.components(removed: removed)
        var sizes = [Int: Int]()
        for w in graph.neighbours(of: v) { sizes[label[Int(w)]] = 0 }
        for w in 0..<graph.nodeCount where sizes[label[w]] != nil { sizes[label[w]]! += 1 }
        guard let main = sizes.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key else { return [] }
        return (0..<graph.nodeCount).filter { w in w != v && label[w] >= 0 && sizes[label[w]] != nil && label[w] != main }
    }

    // MARK: Weak links

    /// Ties between organisations in a graph: a tie counts once per theme
    /// it appears in (and, at organisation level, once per person-level tie);
    /// strengths are not summed.
    func weightedBlocks(_ graph: Digraph) -> GroupBlocks {
        let weighted = !network.themes.isEmpty || analysis.options.level == .organisations
        return GroupBlocks(graph, groupOf: nodeOrganisation, names: network.organisations.map(\.name), weighted: weighted)
    }

    func weakLinks(_ whole: SelectionAnalysis) -> [Finding] {
        let blocks = weightedBlocks(whole.graph)
        let count = blocks.groups.count
        guard count > 2 else { return [] }
        let external = (0..<count).map { blocks.externalTies($0) }
        let total = external.reduce(0) { $0 + $1.out }
        guard total > 0 else { return [] }
        var found: [Finding] = []
        for (a, b) in Self.weakLinkCandidates(external.map { $0.out + $0.in }, total: total, minimum: thresholds.weakLinkMinimumExpected) {
            let expected = (external[a].out * external[b].in + external[b].out * external[a].in) / total
            let observed = blocks.ties[a][b] + blocks.ties[b][a]
            guard expected >= thresholds.weakLinkMinimumExpected, observed <= thresholds.weakLinkMaximumRatio * expected else { continue }
            let subjects = [a, b].map(organisation)
            let evidence = WeakLinkEvidence(observed: observed, expected: expected,
                                            tiesWithOthers: [a, b].map { external[$0].out + external[$0].in }, themed: !network.themes.isEmpty)
            found.append(finding(.weakLink, on: whole, subjects: subjects, evidence: .weakLink(evidence), score: expected - observed))
        }
        return ranked(found)
    }

    /// The pairs of groups (a < b, ascending) that can expect `minimum` ties
    /// between them: expected = (out_a in_b + out_b in_a) / total is at most
    /// w_a w_b / total for w = out + in, so with the groups by w descending,
    /// each group's partners are a prefix. The groups with w_b ≥ x are at most
    /// 2 total / x, so group a has at most 2 w_a / minimum partners.
    ///
    /// - Complexity: O(G log G + C log C) for G groups and C ≤ 4 total / minimum
    ///   candidates; every pair when `minimum` is not positive.
    static func weakLinkCandidates(_ weight: [Double], total: Double, minimum: Double) -> [(Int, Int)] {
        let count = weight.count
        guard minimum > 0 else { return (0..<count).flatMap { a in ((a + 1)..<count).map { (a, $0) } } }
        let order = (0..<count).sorted { weight[$0] > weight[$1] }
        // A little below the bound, so that rounding in the expected count cannot drop a pair.
        let bar = minimum * total * (1 - 1e-9)
        var pairs: [(Int, Int)] = []
        for (position, a) in order.enumerated() {
            for b in order[(position + 1)...] {
                guard weight[a] * weight[b] >= bar else { break }
                pairs.append((Swift.min(a, b), Swift.max(a, b)))
            }
        }
        return pairs.sorted { $0 < $1 }
    }

    // MARK: Expected links

    /// Expected links with no tie: each judged on its own theme (analysed
    /// or not), or on all themes when it names none.
    func missingLinks() -> [Finding] {
        guard !analysis.options.expectedLinks.isEmpty else { return [] }
        var found: [Finding] = []
        for link in analysis.options.expectedLinks {
            let themeSelection: ThemeSelection = link.theme.flatMap { id in network.themes.firstIndex { $0.id == id } }.map { .theme($0) } ?? .all
            let id = network.id(of: themeSelection)
            let graph = analysis.selection(id)?.graph
                ?? network.graph(themeSelection, level: analysis.options.level, symmetrisation: analysis.options.symmetrisation)
            let blocks = GroupBlocks(graph, groupOf: nodeOrganisation, names: network.organisations.map(\.name))
            for (a, b) in network.organisationPairs(link.first, link.second) {
                guard blocks.ties[a][b] + blocks.ties[b][a] == 0 else { continue }
                found.append(Finding(
                    kind: .missingLink, theme: id, themeLabel: network.label(of: themeSelection), level: analysis.options.level,
                    nodesArePeople: nodesArePeople, subjects: [organisation(a), organisation(b)],
                    evidence: .missingLink(MissingLinkEvidence(link: link)), score: 1))
            }
        }
        return Array(found.prefix(thresholds.maximumPerKind))
    }

    // MARK: Bridges

    func bridges(_ whole: SelectionAnalysis) -> [Finding] {
        let cut = whole.metrics.cutPoints
        let graph = whole.metrics.undirected
        var found: [Finding] = []
        for (index, (u, v)) in cut.bridges.enumerated() where cut.bridgeSmallerSide[index] >= thresholds.bridgeMinimumSide {
            let side = Self.smallerSide(of: (u, v), in: graph)
            let organisations = nodesArePeople ? Set(side.compactMap { nodeOrganisation[$0] }).sorted().map(organisation).sorted { $0.name < $1.name } : []
            let evidence = BridgeEvidence(smallerSide: side.map(node), organisations: organisations)
            found.append(finding(.bridge, on: whole, subjects: [node(u), node(v)], evidence: .bridge(evidence), score: Double(side.count)))
        }
        return ranked(found)
    }

    static func smallerSide(of bridge: (Int, Int), in graph: UndirectedGraph) -> [Int] {
        func reach(from start: Int, avoiding other: Int) -> [Int] {
            var seen: Set<Int> = [start]
            var stack = [start]
            while let x = stack.popLast() {
                for y32 in graph.neighbours(of: x) {
                    let y = Int(y32)
                    if x == start && y == other { continue }
                    if seen.insert(y).inserted { stack.append(y) }
                }
            }
            return seen.sorted()
        }
        let a = reach(from: bridge.0, avoiding: bridge.1), b = reach(from: bridge.1, avoiding: bridge.0)
        return a.count <= b.count ? a : b
    }

    // MARK: Absence from a theme

    /// Organisations well connected across all themes with no tie to another
    /// organisation in a theme: the bar is the median organisation's ties in
    /// all themes, and at least the threshold.
    func absences(_ selections: [SelectionAnalysis]) -> [Finding] {
        let all = weightedBlocks(allThemesGraph)
        let count = all.groups.count
        guard count > 1 else { return [] }
        let externalAll = (0..<count).map { all.externalTies($0).out + all.externalTies($0).in }
        let sorted = externalAll.sorted()
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        let bar = max(thresholds.isolationMinimumOtherTies, median)
        var found: [Finding] = []
        for selection in selections where selection.id != Theme.allID {
            let blocks = GroupBlocks(selection.graph, groupOf: nodeOrganisation, names: network.organisations.map(\.name))
            let absent = (0..<count).filter { group in
                let e = blocks.externalTies(group)
                return e.out + e.in == 0 && externalAll[group] >= bar
            }.sorted { (externalAll[$0], all.groups[$1]) > (externalAll[$1], all.groups[$0]) }
            guard !absent.isEmpty else { continue }
            let subjects = absent.map(organisation)
            let evidence = AbsenceEvidence(tiesInAllThemes: absent.map { externalAll[$0] }, medianTies: median)
            found.append(finding(.absentFromTheme, on: selection, subjects: subjects, evidence: .absentFromTheme(evidence), score: Double(absent.count)))
        }
        return Array(found.prefix(thresholds.maximumPerKind))
    }

    // MARK: Isolated people

    func isolatedNodes(_ whole: SelectionAnalysis) -> [Finding] {
        let graph = whole.graph
        let isolated = (0..<graph.nodeCount).filter { graph.inDegree(of: $0) + graph.outDegree(of: $0) == 0 }
        guard !isolated.isEmpty else { return [] }
        let answered = analysis.options.level == .people ? isolated.filter { network.people[$0].responded }.count : nil
        return [finding(.isolatedPeople, on: whole, subjects: isolated.map(node),
                        evidence: .isolatedPeople(IsolationEvidence(answered: answered)), score: Double(isolated.count))]
    }
}

extension PartnershipNetwork {
    /// The organisations a name stands for: the organisation itself, or every
    /// organisation whose `sector` or `type` has that value.
    public func organisations(matching name: String) -> [Int] {
        if let index = organisationIndex(named: name) { return [index] }
        let key = NameKey.key(name)
        return organisations.indices.filter { index in
            ["sector", "type", "organisation type", "kind"].contains { organisations[index].attributes[$0].map(NameKey.key) == key }
        }
    }

    /// The distinct pairs of different organisations two names stand for.
    public func organisationPairs(_ first: String, _ second: String) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        var seen = Set<[Int]>()
        for a in organisations(matching: first) {
            for b in organisations(matching: second) where a != b && seen.insert([min(a, b), max(a, b)]).inserted {
                pairs.append((a, b))
            }
        }
        return pairs
    }
}
