import Foundation

/// Turns an analysis into findings, by the rules in docs/findings.md.
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
        nodeOrganisation = analysis.options.level == .people
            ? analysis.network.people.indices.map { analysis.network.organisation(ofPerson: $0) }
            : analysis.network.organisations.indices.map { $0 }
    }
    /// Whether nodes are people (rather than organisations).
    var nodesArePeople: Bool { analysis.options.level == .people && network.unit == .people }

    func findings() -> [Finding] {
        guard let whole = focus.flatMap(analysis.selection) ?? analysis.selection(Theme.allID) ?? analysis.selections.last else { return [] }
        var result: [Finding] = []
        result += gatekeepers(whole)
        result += weakLinks(whole)
        result += missingLinks()
        result += bridges(whole)
        result += absences(whole)
        result += isolatedNodes(whole)
        return result.map { finding in
            var finding = finding
            finding.evidence = finding.evidence.prefix(1).uppercased() + finding.evidence.dropFirst()
            return finding
        }
    }

    // MARK: Organisations of nodes

    func organisationName(_ index: Int) -> String { network.organisations[index].name }

    static func list(_ items: [String], limit: Int = 6) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        if items.count > limit { return items.prefix(limit).joined(separator: ", ") + " and \(items.count - limit) more" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    static func number(_ value: Double, places: Int = 1) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.\(places)f", value)
    }

    /// "1 tie", "3 ties".
    static func count(_ value: Double, _ plural: String) -> String {
        value == 1 ? "1 " + plural.replacingOccurrences(of: "ties", with: "tie") : "\(number(value)) \(plural)"
    }

    static func percent(_ value: Double) -> String {
        value > 0 && value < 0.01 ? "under 1%" : String(format: "%.0f%%", value * 100)
    }

    // MARK: Gatekeepers

    func gatekeepers(_ whole: SelectionAnalysis) -> [Finding] {
        let metrics = whole.metrics
        let graph = metrics.undirected
        let between = metrics.brokerage.raw.map { $0.total - $0[.coordinator] }
        let totalBetween = between.reduce(0, +)
        let organisationOf = nodeOrganisation
        var active = [Int: Int]()  // organisation -> active members
        for v in 0..<graph.nodeCount where graph.degree(of: v) > 0 {
            if let organisation = organisationOf[v] { active[organisation, default: 0] += 1 }
        }
        let ranked = (0..<graph.nodeCount).sorted { metrics.paths.betweenness[$0] > metrics.paths.betweenness[$1] }
        var rank = [Int](repeating: 0, count: graph.nodeCount)
        for (position, v) in ranked.enumerated() { rank[v] = position + 1 }
        var found: [Finding] = []
        for v in 0..<graph.nodeCount {
            let share = totalBetween > 0 ? between[v] / totalBetween : 0
            let cutOff = metrics.cutPoints.isArticulationPoint[v] ? Self.cutOff(by: v, in: graph) : []
            let isCutPoint = cutOff.count >= thresholds.gatekeeperMinimumCutOff
            let isBroker = share >= thresholds.brokerMinimumShare && totalBetween > 0
            guard isCutPoint || isBroker else { continue }
            var reasons: [String] = []
            var headline = ""
            let noun = nodesArePeople ? "people" : "partners"
            if isCutPoint {
                var perOrganisation = [Int: Int]()
                for w in cutOff { if let organisation = organisationOf[w] { perOrganisation[organisation, default: 0] += 1 } }
                let whole = perOrganisation.filter { organisation, count in
                    count == (active[organisation] ?? 0) - (organisationOf[v] == organisation ? 1 : 0)
                }.keys.map(organisationName).sorted()
                let cutNoun = cutOff.count == 1 ? (nodesArePeople ? "person" : "partner") : noun
                headline = "\(names[v]) is a gatekeeper: if they left, \(cutOff.count) \(cutNoun) would be cut off from the partnership"
                if nodesArePeople, !whole.isEmpty {
                    headline += whole.count == 1 ? ", including everyone in \(whole[0])" : ", including everyone in \(Self.list(whole))"
                }
                let inWholeOrganisations = Set(whole)
                let others = cutOff.filter { w in organisationOf[w].map { !inWholeOrganisations.contains(organisationName($0)) } ?? true }
                var reason = "cut-point of the network of all themes"
                if !others.isEmpty || !nodesArePeople { reason += "; cut off: \(Self.list(others.map { names[$0] }, limit: 4))" }
                reasons.append(reason)
                reasons.append("removal impact \(String(format: "%.3f", metrics.cutPoints.removalImpact[v])) (\(Self.percent(metrics.cutPoints.removalImpact[v])) of connected pairs of others would be disconnected)")
            } else {
                headline = "\(names[v]) is a gatekeeper: they carry \(Self.percent(share)) of the brokerage between \(groupWord)"
            }
            if totalBetween > 0, between[v] > 0 {
                let counts = metrics.brokerage.raw[v]
                reasons.append("brokers \(Self.number(between[v])) pair\(between[v] == 1 ? "" : "s") between \(groupWord), \(Self.percent(share)) of all (gatekeeper \(Self.number(counts[.gatekeeper])), representative \(Self.number(counts[.representative])), liaison \(Self.number(counts[.liaison])))")
            }
            reasons.append("betweenness \(Self.number(metrics.paths.betweenness[v])), rank \(rank[v]) of \(graph.nodeCount)")
            let response = isCutPoint
                ? "Support this \(nodesArePeople ? "person" : "partner") and plan for their absence: build a second route between the \(noun) they connect and the rest of the partnership, so that access does not depend on one \(nodesArePeople ? "person" : "partner")."
                : "Share the load: introduce the \(groupWord) this \(nodesArePeople ? "person" : "partner") brokers between to each other directly."
            found.append(Finding(
                kind: .gatekeeper, theme: whole.id, subjects: [names[v]], headline: headline + ".",
                evidence: reasons.joined(separator: "; ") + ".", response: response,
                score: metrics.cutPoints.removalImpact[v] + share))
        }
        return Array(found.sorted { ($0.score, $1.subjects[0]) > ($1.score, $0.subjects[0]) }.prefix(thresholds.maximumPerKind))
    }

    var groupWord: String {
        let label = NameKey.label(analysis.options.groupBy)
        if label == "organisation" || label == "organization" { return "organisations" }
        return "\(analysis.options.groupBy) groups"
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

    /// Ties between organisations in all themes: a tie counts once per theme
    /// it appears in (and, at organisation level, once per person-level tie);
    /// strengths are not summed.
    func weightedBlocks(_ whole: SelectionAnalysis) -> GroupBlocks {
        let weighted = !network.themes.isEmpty || analysis.options.level == .organisations
        return GroupBlocks(whole.graph, groupOf: nodeOrganisation, names: network.organisations.map(\.name), weighted: weighted)
    }

    func weakLinks(_ whole: SelectionAnalysis) -> [Finding] {
        let blocks = weightedBlocks(whole)
        let count = blocks.groups.count
        guard count > 2 else { return [] }
        let external = (0..<count).map { blocks.externalTies($0) }
        let total = external.reduce(0) { $0 + $1.out }
        guard total > 0 else { return [] }
        let tiesWord = network.themes.isEmpty ? "ties" : "themed ties"
        var found: [Finding] = []
        for (a, b) in Self.weakLinkCandidates(external.map { $0.out + $0.in }, total: total, minimum: thresholds.weakLinkMinimumExpected) {
            let expected = (external[a].out * external[b].in + external[b].out * external[a].in) / total
            let observed = blocks.ties[a][b] + blocks.ties[b][a]
            guard expected >= thresholds.weakLinkMinimumExpected, observed <= thresholds.weakLinkMaximumRatio * expected else { continue }
            let (first, second) = (blocks.groups[a], blocks.groups[b])
            let ratio = observed / expected
            found.append(Finding(
                kind: .weakLink, theme: Theme.allID, subjects: [first, second],
                headline: "\(first) and \(second) are weakly linked: \(Self.count(observed, tiesWord)) between them where about \(Self.number(expected)) would be expected.",
                evidence: "they have \(Self.number(external[a].out + external[a].in)) and \(Self.number(external[b].out + external[b].in)) \(tiesWord) with other partners; between them, \(Self.percent(ratio)) of what that predicts.",
                response: "Ask why these partners work together so little; if they should, agree named contacts and a joint piece of work.",
                score: expected - observed))
        }
        return Array(found.sorted { ($0.score, $1.subjects.joined()) > ($1.score, $0.subjects.joined()) }.prefix(thresholds.maximumPerKind))
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

    func missingLinks() -> [Finding] {
        guard !analysis.options.expectedLinks.isEmpty else { return [] }
        var found: [Finding] = []
        for link in analysis.options.expectedLinks {
            let selection = link.theme.flatMap { analysis.selection($0) } ?? analysis.selection(Theme.allID) ?? analysis.selections.last!
            let blocks = GroupBlocks(selection.graph, groupOf: nodeOrganisation, names: network.organisations.map(\.name))
            for (a, b) in network.organisationPairs(link.first, link.second) {
                let observed = blocks.ties[a][b] + blocks.ties[b][a]
                guard observed == 0 else { continue }
                let (first, second) = (organisationName(a), organisationName(b))
                let theme = selection.id == Theme.allID ? "any theme" : selection.label.lowercased()
                found.append(Finding(
                    kind: .missingLink, theme: selection.id, subjects: [first, second],
                    headline: "\(first) and \(second) should work together but have no ties in \(theme).",
                    evidence: "named as expected partners (\(link.first) with \(link.second))" + (link.note.map { ": \($0)" } ?? "") + "; no tie in either direction.",
                    response: "Find out what stops these partners working together and agree how they will.",
                    score: 1))
            }
        }
        return found
    }

    // MARK: Bridges

    func bridges(_ whole: SelectionAnalysis) -> [Finding] {
        let cut = whole.metrics.cutPoints
        let graph = whole.metrics.undirected
        var found: [Finding] = []
        for (index, (u, v)) in cut.bridges.enumerated() where cut.bridgeSmallerSide[index] >= thresholds.bridgeMinimumSide {
            let side = Self.smallerSide(of: (u, v), in: graph)
            let organisations = Set(side.compactMap { nodeOrganisation[$0] }).map(organisationName).sorted()
            let noun = nodesArePeople ? "people" : "partners"
            var headline = "The tie between \(names[u]) and \(names[v]) is a bridge: it alone connects \(side.count) \(noun)"
            if nodesArePeople && !organisations.isEmpty { headline += " (in \(Self.list(organisations, limit: 3)))" }
            headline += " to the rest of the partnership."
            found.append(Finding(
                kind: .bridge, theme: whole.id, subjects: [names[u], names[v]], headline: headline,
                evidence: "removing this one tie splits the network of all themes" + (nodesArePeople && !organisations.isEmpty ? "." : "; the smaller side: \(Self.list(side.map { names[$0] }, limit: 4))."),
                response: "Strengthen this connection and add others alongside it, so the link does not hang on a single relationship.",
                score: Double(side.count)))
        }
        return Array(found.sorted { ($0.score, $1.headline) > ($1.score, $0.headline) }.prefix(thresholds.maximumPerKind))
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

    func absences(_ whole: SelectionAnalysis) -> [Finding] {
        let all = weightedBlocks(whole)
        let count = all.groups.count
        guard count > 1 else { return [] }
        let externalAll = (0..<count).map { all.externalTies($0).out + all.externalTies($0).in }
        let sorted = externalAll.sorted()
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        let bar = max(thresholds.isolationMinimumOtherTies, median)
        var found: [Finding] = []
        for selection in analysis.selections where selection.id != Theme.allID {
            let blocks = selection.organisationBlocks
            let absent = (0..<count).filter { organisation in
                let e = blocks.externalTies(organisation)
                return e.out + e.in == 0 && externalAll[organisation] >= bar
            }.sorted { externalAll[$0] > externalAll[$1] }
            guard !absent.isEmpty else { continue }
            let namesAbsent = absent.map(organisationName)
            let theme = selection.label.lowercased()
            let headline = absent.count == 1
                ? "\(namesAbsent[0]) has no \(theme) ties with other partners."
                : "\(absent.count) organisations have no \(theme) ties with other partners: \(Self.list(namesAbsent, limit: 8))."
            let least = absent.map { externalAll[$0] }.min()!
            found.append(Finding(
                kind: .absentFromTheme, theme: selection.id, subjects: namesAbsent, headline: headline,
                evidence: "each has at least \(Self.number(least)) ties with other partners across all themes (the median organisation has \(Self.number(median))), but none in \(theme).",
                response: "Check whether they should take part in the theme; if so, give them a place in it (a seat, a named contact, a standing invitation).",
                score: Double(absent.count)))
        }
        return Array(found.prefix(thresholds.maximumPerKind))
    }

    // MARK: Isolated people

    func isolatedNodes(_ whole: SelectionAnalysis) -> [Finding] {
        let graph = whole.graph
        let isolated = (0..<graph.nodeCount).filter { graph.inDegree(of: $0) + graph.outDegree(of: $0) == 0 }
        guard !isolated.isEmpty else { return [] }
        let noun = nodesArePeople ? (isolated.count == 1 ? "person has" : "people have") : (isolated.count == 1 ? "partner has" : "partners have")
        var evidence = "no tie in or out in any theme"
        if analysis.options.level == .people {
            let answered = isolated.filter { network.people[$0].responded }.count
            evidence += "; \(answered) of them answered the survey naming nobody, \(isolated.count - answered) did not answer and nobody named them"
        }
        return [Finding(
            kind: .isolatedPeople, theme: whole.id, subjects: isolated.map { names[$0] },
            headline: "\(isolated.count) \(noun) no ties at all: \(Self.list(isolated.map { names[$0] }, limit: 5)).",
            evidence: evidence + ".",
            response: "Check whether they are still part of the partnership; if they are, connect them to the people they should be working with.",
            score: Double(isolated.count))]
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
