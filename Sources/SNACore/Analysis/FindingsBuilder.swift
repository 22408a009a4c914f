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
        // One depth-first forest answers who each cut-point and each bridge separates.
        let forest = whole.metrics.undirected.separations()
        var result: [Finding] = []
        let gatekeeperFindings = gatekeepers(whole, forest: forest)
        result += gatekeeperFindings
        result += weakLinks(whole)
        result += missingLinks()
        result += bridges(whole, forest: forest)
        result += absences(focus.flatMap(analysis.selection).map { [$0] } ?? analysis.selections)
        result += isolatedNodes(whole)
        result += layerFindings(whole)
        result += trustFindings(whole, gatekeepers: gatekeeperFindings)
        result += expectedPartnersNotInSurvey()
        result += statutoryFindings(whole)
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
        strongest(found, score: \.score, names: \.subjectNames)
    }

    /// At most ``FindingThresholds/maximumPerKind`` of `candidates`, by score
    /// (higher first), ties broken by the subjects' names: the order of
    /// ``ranked(_:)``, applied before evidence that is costly to list is built.
    func strongest<Candidate>(_ candidates: [Candidate], score: (Candidate) -> Double, names: (Candidate) -> [String]) -> [Candidate] {
        let keyed = candidates.map { (candidate: $0, score: score($0), names: names($0).joined(separator: "\u{1}")) }
        return keyed.sorted { ($0.score, $1.names) > ($1.score, $0.names) }.prefix(thresholds.maximumPerKind).map(\.candidate)
    }

    /// The graph of all themes at the analysed level, symmetrised as the
    /// options say: analysed already when `all` was.
    var allThemesGraph: Digraph {
        analysis.selection(Theme.allID)?.graph
            ?? network.graph(.all, level: analysis.options.level, symmetrisation: analysis.options.symmetrisation)
    }

    // MARK: Gatekeepers

    /// Cut-points that cut off enough people, and brokers with a large share
    /// of the brokerage; who each cuts off is listed for the reported ones only.
    ///
    /// - Complexity: O(V log V + Σ deg) to judge every node, plus the people
    ///   listed for the reported ones.
    func gatekeepers(_ whole: SelectionAnalysis, forest: CutPoints.Separations) -> [Finding] {
        let metrics = whole.metrics
        let graph = metrics.undirected
        let between = metrics.brokerage.raw.map { $0.total - $0[.coordinator] }
        let totalBetween = between.reduce(0, +)
        let share = (0..<graph.nodeCount).map { totalBetween > 0 ? between[$0] / totalBetween : 0 }
        let isCutPoint = (0..<graph.nodeCount).map { v in
            metrics.cutPoints.isArticulationPoint[v] && forest.cutOffCount(by: v) >= thresholds.gatekeeperMinimumCutOff
        }
        let candidates = (0..<graph.nodeCount).filter { v in
            isCutPoint[v] || (share[v] >= thresholds.brokerMinimumShare && totalBetween > 0)
        }
        let reported = strongest(candidates, score: { metrics.cutPoints.removalImpact[$0] + share[$0] }, names: { [names[$0]] })
        guard !reported.isEmpty else { return [] }
        var active = [Int: Int]()  // organisation -> members with ties
        for v in 0..<graph.nodeCount where graph.degree(of: v) > 0 {
            if let organisation = nodeOrganisation[v] { active[organisation, default: 0] += 1 }
        }
        let byBetweenness = (0..<graph.nodeCount).sorted { metrics.paths.betweenness[$0] > metrics.paths.betweenness[$1] }
        var rank = [Int](repeating: 0, count: graph.nodeCount)
        for (position, v) in byBetweenness.enumerated() { rank[v] = position + 1 }
        return reported.map { v in
            let cutOff = isCutPoint[v] ? forest.cutOff(by: v) : []
            var organisationsCutOff: [NodeReference] = []
            if isCutPoint[v] && nodesArePeople {
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
                ? BrokerageEvidence(between: between[v], share: share[v], gatekeeper: counts[.gatekeeper],
                                    representative: counts[.representative], liaison: counts[.liaison])
                : nil
            let evidence = GatekeeperEvidence(
                isCutPoint: isCutPoint[v], cutOff: cutOff.map(node), organisationsCutOff: organisationsCutOff,
                cutOffElsewhere: elsewhere.map(node),
                removalImpact: metrics.cutPoints.removalImpact[v], brokerage: brokerage, groupedBy: analysis.options.grouping,
                betweenness: metrics.paths.betweenness[v], rank: rank[v], nodeCount: graph.nodeCount)
            return finding(.gatekeeper, on: whole, subjects: [node(v)], evidence: .gatekeeper(evidence),
                           score: metrics.cutPoints.removalImpact[v] + share[v])
        }
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

    /// Bridges whose smaller side holds enough nodes; the side is listed for
    /// the reported ones only.
    ///
    /// - Complexity: O(B log B) for B bridges, plus the nodes listed.
    func bridges(_ whole: SelectionAnalysis, forest: CutPoints.Separations) -> [Finding] {
        let cut = whole.metrics.cutPoints
        let large = cut.bridges.indices.filter { cut.bridgeSmallerSide[$0] >= thresholds.bridgeMinimumSide }
        let reported = strongest(large, score: { Double(cut.bridgeSmallerSide[$0]) },
                                 names: { [names[cut.bridges[$0].0], names[cut.bridges[$0].1]] })
        return reported.map { index in
            let (u, v) = cut.bridges[index]
            let side = forest.smallerSide(of: (u, v))
            let organisations = nodesArePeople ? Set(side.compactMap { nodeOrganisation[$0] }).sorted().map(organisation).sorted { $0.name < $1.name } : []
            let evidence = BridgeEvidence(smallerSide: side.map(node), organisations: organisations)
            return finding(.bridge, on: whole, subjects: [node(u), node(v)], evidence: .bridge(evidence), score: Double(side.count))
        }
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

// MARK: Layers

extension FindingsBuilder {
    /// The adjacent pairs of layers: strategic with executive, executive with operational.
    static let adjacentLayers: [(Layer, Layer)] = [(.strategic, .executive), (.executive, .operational)]

    /// Layer findings, when the nodes are people and some have a layer:
    /// adjacent layers with no tie between them, one person carrying every
    /// tie between two, and decision-making that stays inside one layer.
    ///
    /// - Complexity: O(V + E) over the network judged and the decision-making theme's.
    func layerFindings(_ whole: SelectionAnalysis) -> [Finding] {
        guard nodesArePeople, analysis.options.level == .people, whole.layerBlocks != nil else { return [] }
        let layerOf = network.people.map(\.layer)
        let graph = whole.graph
        var active = [Layer: Int]()
        for v in 0..<graph.nodeCount where graph.inDegree(of: v) + graph.outDegree(of: v) > 0 {
            if let layer = layerOf[v] { active[layer, default: 0] += 1 }
        }
        var found: [Finding] = []
        for (a, b) in Self.adjacentLayers where (active[a] ?? 0) > 0 && (active[b] ?? 0) > 0 {
            // The ties between the two layers, and how many of them each person is on.
            var ties = 0
            var onTies = [Int: Int]()
            for v in 0..<graph.nodeCount {
                guard let from = layerOf[v], from == a || from == b else { continue }
                for w32 in graph.successors(of: v) {
                    let w = Int(w32)
                    guard let to = layerOf[w], to != from, to == a || to == b else { continue }
                    ties += 1
                    onTies[v, default: 0] += 1
                    onTies[w, default: 0] += 1
                }
            }
            let evidence = LayerEvidence(layers: [a, b], ties: ties, totalTies: ties, activeMembers: [active[a] ?? 0, active[b] ?? 0], layersLeftOut: [])
            if ties == 0 {
                found.append(finding(.layerGap, on: whole, subjects: [], evidence: .layers(evidence), score: Double(evidence.activeMembers.min() ?? 0)))
            } else {
                let carriers = onTies.filter { $0.value == ties }.keys.sorted().map(node).sorted { $0.name < $1.name }
                if !carriers.isEmpty {
                    found.append(finding(.onlyLayerLink, on: whole, subjects: carriers, evidence: .layers(evidence), score: Double(ties)))
                }
            }
        }
        if let decisions = analysis.selections.first(where: { $0.id == "decision-making" }) {
            let confinedToOne = confined(decisions, activeLayers: active)
            found += confinedToOne.isEmpty ? decidingApart(decisions, whole: whole, activeLayers: active) : confinedToOne
        }
        return found
    }

    /// A theme at least ``FindingThresholds/layerConfinedShare`` of whose
    /// ties (ten or more, between people with a layer) join people of the
    /// same layer, with two or more layers taking part and the share above
    /// that of the network of all themes: each layer decides, but apart.
    func decidingApart(_ selection: SelectionAnalysis, whole: SelectionAnalysis, activeLayers: [Layer: Int]) -> [Finding] {
        guard let blocks = selection.layerBlocks, let wholeBlocks = whole.layerBlocks else { return [] }
        func within(_ blocks: GroupBlocks) -> (inside: Int, total: Int) {
            let inside = Layer.allCases.indices.reduce(0) { $0 + Int(blocks.ties[$1][$1]) }
            return (inside, Int(blocks.ties.outTotals.reduce(0, +)))
        }
        let theme = within(blocks), all = within(wholeBlocks)
        guard theme.total >= 10, Double(theme.inside) >= thresholds.layerConfinedShare * Double(theme.total) else { return [] }
        let deciding = Layer.allCases.indices.filter { blocks.ties[$0][$0] > 0 }
        guard deciding.count >= 2, all.total > 0 else { return [] }
        let share = Double(theme.inside) / Double(theme.total), wholeShare = Double(all.inside) / Double(all.total)
        guard share > wholeShare else { return [] }
        let layers = deciding.map { Layer.allCases[$0] }
        let evidence = LayerEvidence(layers: layers, ties: theme.inside, totalTies: theme.total,
                                     activeMembers: layers.map { activeLayers[$0] ?? 0 }, layersLeftOut: [],
                                     withinShareInAllThemes: wholeShare)
        return [finding(.layersDecideApart, on: selection, subjects: [], evidence: .layers(evidence), score: share)]
    }

    /// A theme at least ``FindingThresholds/layerConfinedShare`` of whose
    /// ties (two or more, between people with a layer) join people of one
    /// layer, while other layers have people with ties in the network as a whole.
    func confined(_ selection: SelectionAnalysis, activeLayers: [Layer: Int]) -> [Finding] {
        guard let blocks = selection.layerBlocks else { return [] }
        let total = Int(blocks.ties.outTotals.reduce(0, +))
        guard total >= 2 else { return [] }
        let insides = Layer.allCases.indices.map { Int(blocks.ties[$0][$0]) }
        guard let inside = insides.indices.max(by: { insides[$0] < insides[$1] }),
              Double(insides[inside]) >= thresholds.layerConfinedShare * Double(total) else { return [] }
        let layer = Layer.allCases[inside]
        let leftOut = Layer.allCases.filter { $0 != layer && (activeLayers[$0] ?? 0) > 0 }
        guard !leftOut.isEmpty else { return [] }
        let evidence = LayerEvidence(layers: [layer], ties: insides[inside], totalTies: total, activeMembers: [activeLayers[layer] ?? 0],
                                     layersLeftOut: leftOut)
        return [finding(.confinedToLayer, on: selection, subjects: [], evidence: .layers(evidence), score: Double(insides[inside]) / Double(total))]
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

// MARK: Trust

extension FindingsBuilder {
    /// Pairs of organisations that are tied (and, when expected links are
    /// given, expected to work together) whose ratings of each other's trust
    /// are low, and gatekeepers whom the people tied to them rate low on trust:
    /// judged on ``FindingThresholds/trustScore``, below
    /// ``FindingThresholds/lowTrust`` (the middle of its scale by default),
    /// on at least ``FindingThresholds/lowTrustMinimumRatings`` ratings.
    ///
    /// - Complexity: O(T · S + P) for T ties, S rating scores and P rated pairs of organisations.
    func trustFindings(_ whole: SelectionAnalysis, gatekeepers: [Finding]) -> [Finding] {
        let set = network.ratingSet
        guard let scoreIndex = set.score(id: thresholds.trustScore), let selection = network.selection(id: whole.id),
              let summary = network.ratingSummary(selection) else { return [] }
        let score = set.scores[scoreIndex]
        let threshold = thresholds.lowTrust ?? score.midpoint
        let minimum = max(1, thresholds.lowTrustMinimumRatings)
        let networkMean = summary.overall[scoreIndex].mean
        func evidence(_ mean: RatingMean, directions: [RatingMean] = [], ties: Double = 0, link: ExpectedLink? = nil,
                      gatekeeper: GatekeeperEvidence? = nil) -> TrustEvidence {
            TrustEvidence(score: score.id, scoreLabel: score.label, minimum: score.minimum, maximum: score.maximum,
                          mean: mean.mean ?? 0, ratings: mean.count, directions: directions.map(\.mean),
                          directionRatings: directions.map(\.count), threshold: threshold, networkMean: networkMean,
                          ties: ties, expectedLink: link, gatekeeper: gatekeeper)
        }
        var found: [Finding] = []
        // Pairs of organisations.
        let blocks = weightedBlocks(whole.graph)
        let expected = analysis.options.expectedLinks
        var expectedPairs: [Int64: ExpectedLink] = [:]
        for link in expected {
            for (a, b) in network.organisationPairs(link.first, link.second) {
                let key = Int64(min(a, b)) << 32 | Int64(max(a, b))
                if expectedPairs[key] == nil { expectedPairs[key] = link }
            }
        }
        var seen = Set<Int64>()
        var links: [Finding] = []
        for pair in summary.organisationPairs where pair.from != pair.to {
            let a = min(pair.from, pair.to), b = max(pair.from, pair.to)
            let key = Int64(a) << 32 | Int64(b)
            guard seen.insert(key).inserted else { continue }
            let link = expectedPairs[key]
            if !expected.isEmpty && link == nil { continue }
            let forward = summary.pair(from: a, to: b)?.means[scoreIndex] ?? RatingMean()
            let backward = summary.pair(from: b, to: a)?.means[scoreIndex] ?? RatingMean()
            var both = forward
            both.add(backward)
            let ties = a < blocks.groups.count && b < blocks.groups.count ? blocks.ties[a][b] + blocks.ties[b][a] : 0
            guard both.count >= minimum, let mean = both.mean, mean < threshold, ties > 0 else { continue }
            links.append(finding(.lowTrustLink, on: whole, subjects: [organisation(a), organisation(b)],
                                 evidence: .trust(evidence(both, directions: [forward, backward], ties: ties, link: link)),
                                 score: threshold - mean))
        }
        found += ranked(links)
        // Gatekeepers.
        var distrusted: [Finding] = []
        for gatekeeper in gatekeepers {
            guard let subject = gatekeeper.subjects.first, case .gatekeeper(let why) = gatekeeper.evidence else { continue }
            let received = analysis.options.level == .people
                ? summary.personReceived[scoreIndex][subject.index] : summary.organisationReceived[scoreIndex][subject.index]
            guard received.count >= minimum, let mean = received.mean, mean < threshold else { continue }
            distrusted.append(finding(.distrustedGatekeeper, on: whole, subjects: [subject],
                                      evidence: .trust(evidence(received, gatekeeper: why)), score: threshold - mean))
        }
        found += ranked(distrusted)
        return found
    }
}
