extension WaveComparison {
    /// Most unmatched names on either side for which near misses are looked
    /// for (the check compares every pair, so it stops at 4,000 × 4,000).
    public static let nearMissLimit = 4_000

    /// Compares two analyses of survey waves made with the same options.
    ///
    /// Gatekeepers, weak links and bridges are the analyses' findings, which
    /// should be made without a per-kind limit (``FindingThresholds/maximumPerKind``)
    /// so that a finding is never missing from one wave only because others ranked higher.
    ///
    /// - Complexity: O(V + E) per theme, plus the findings of each theme, plus
    ///   O(L · J) near-miss checks for L names only before and J only after.
    public init(before: PartnershipAnalysis, after: PartnershipAnalysis) {
        level = after.options.level
        let roster = RosterChange(before: before.network, after: after.network)
        joined = roster.joined
        left = roster.left
        stoppedAnswering = roster.stoppedAnswering
        startedAnswering = roster.startedAnswering
        responseBefore = before.network.responseRate
        responseAfter = after.network.responseRate
        (nearMisses, nearMissesChecked) = Self.nearMisses(before: roster.onlyBefore, after: roster.onlyAfter)
        let beforeIDs = before.selections.map(\.id), afterIDs = after.selections.map(\.id)
        themesOnlyBefore = beforeIDs.filter { !afterIDs.contains($0) }
        themesOnlyAfter = afterIDs.filter { !beforeIDs.contains($0) }
        var order = beforeIDs.filter { $0 != Theme.allID }
        order += afterIDs.filter { $0 != Theme.allID && !order.contains($0) }
        if beforeIDs.contains(Theme.allID) || afterIDs.contains(Theme.allID) { order.append(Theme.allID) }
        let earlier = WaveSide(before), later = WaveSide(after)
        themes = order.map { id in ThemeChange(id: id, before: earlier.theme(id), after: later.theme(id)) }
        ratings = Self.ratingChanges(before: before.network, after: after.network)
    }

    /// Pairs of unmatched names, one from each wave, that are near duplicates.
    static func nearMisses(before: [String], after: [String]) -> ([NearMiss], Bool) {
        guard before.count <= nearMissLimit, after.count <= nearMissLimit else { return ([], false) }
        var misses: [NearMiss] = []
        for a in before {
            for b in after where NearDuplicateNames.areNearDuplicates(a, b) { misses.append(NearMiss(before: a, after: b)) }
        }
        return (misses, true)
    }
}

/// Who is in each wave's roster, matched by name key.
struct RosterChange {
    var joined: [String] = [], left: [String] = []
    var stoppedAnswering: [String] = [], startedAnswering: [String] = []
    /// Names unmatched in each wave, for near misses.
    var onlyBefore: [String] = [], onlyAfter: [String] = []

    init(before: PartnershipNetwork, after: PartnershipNetwork) {
        var earlier: [String: Person] = [:]
        for person in before.people { earlier[NameKey.key(person.name)] = person }
        var seen = Set<String>()
        for person in after.people {
            let key = NameKey.key(person.name)
            seen.insert(key)
            guard let old = earlier[key] else {
                joined.append(person.name)
                continue
            }
            if old.responded && !person.responded { stoppedAnswering.append(person.name) }
            if !old.responded && person.responded { startedAnswering.append(person.name) }
        }
        left = before.people.filter { !seen.contains(NameKey.key($0.name)) }.map(\.name)
        onlyBefore = left
        onlyAfter = joined
        joined.sort()
        left.sort()
        stoppedAnswering.sort()
        startedAnswering.sort()
    }
}

/// One wave's analysis, read per theme in the form the comparison needs.
struct WaveSide {
    let analysis: PartnershipAnalysis

    init(_ analysis: PartnershipAnalysis) { self.analysis = analysis }

    /// What one theme of this wave holds, or `nil` when the wave did not ask about it.
    func theme(_ id: String) -> WaveTheme? {
        guard let selection = analysis.selection(id) else { return nil }
        return WaveTheme(analysis: analysis, selection: selection)
    }
}

/// One theme of one wave: its ties, active nodes and organisations keyed by
/// name key, its figures, and its gatekeepers, weak links and bridges.
struct WaveTheme {
    var label: String
    var figures: WaveComparison.Figures
    /// Each tie by the name keys of its ends, with the names as spelt.
    var ties: [TieKey: WaveComparison.NamedTie] = [:]
    var active: [String: String] = [:]
    var organisations: [String: String] = [:]
    /// Every node's name by key, to tell who is still there.
    var nodes: Set<String> = []
    var gatekeepers: [String: (name: String, cutOff: Int)] = [:]
    var weakLinks: [TieKey: WaveComparison.NamedPair] = [:]
    var bridges: [TieKey: WaveComparison.NamedPair] = [:]
    var blocks: [TieKey: (from: String, to: String, ties: Double)] = [:]

    /// Two name keys, ordered (a directed tie) or sorted (an unordered pair).
    struct TieKey: Hashable {
        var a: String, b: String
        static func unordered(_ x: String, _ y: String) -> TieKey { x <= y ? TieKey(a: x, b: y) : TieKey(a: y, b: x) }
    }

    init(analysis: PartnershipAnalysis, selection: SelectionAnalysis) {
        label = selection.label
        let graph = selection.graph
        let summary = selection.summary.graph
        figures = .init(nodes: summary.nodes, activeNodes: summary.activeNodes, ties: summary.ties, density: summary.density,
                        reciprocity: summary.reciprocity, components: summary.weakComponents, largestComponent: summary.largestWeakComponent)
        let names = analysis.nodeNames
        let keys = names.map(NameKey.key)
        nodes = Set(keys)
        let network = analysis.network
        for v in 0..<graph.nodeCount {
            for w in graph.successors(of: v) {
                ties[TieKey(a: keys[v], b: keys[Int(w)])] = .init(source: names[v], target: names[Int(w)])
            }
            guard graph.outDegree(of: v) + graph.inDegree(of: v) > 0 else { continue }
            active[keys[v]] = names[v]
            if let organisation = analysis.nodeOrganisation[v] {
                let name = network.organisations[organisation].name
                organisations[NameKey.key(name)] = name
            }
        }
        for finding in analysis.findings(focusingOn: selection.id) where finding.theme == selection.id {
            let subjects = finding.subjectNames
            switch finding.evidence {
            case let .gatekeeper(evidence) where evidence.isCutPoint:
                gatekeepers[NameKey.key(subjects[0])] = (subjects[0], evidence.cutOff.count)
            case .weakLink where subjects.count == 2:
                weakLinks[.unordered(NameKey.key(subjects[0]), NameKey.key(subjects[1]))] = .init(subjects[0], subjects[1])
            case .bridge where subjects.count == 2:
                bridges[.unordered(NameKey.key(subjects[0]), NameKey.key(subjects[1]))] = .init(subjects[0], subjects[1])
            default: break
            }
        }
        let groups = selection.organisationBlocks.groups
        for cell in selection.organisationBlocks.ties.nonZeroCells {
            blocks[TieKey(a: NameKey.key(groups[cell.from]), b: NameKey.key(groups[cell.to]))] = (groups[cell.from], groups[cell.to], cell.ties)
        }
    }
}

extension WaveComparison.ThemeChange {
    /// The change between one theme's two sides (either may be missing).
    init(id: String, before: WaveTheme?, after: WaveTheme?) {
        self.id = id
        label = after?.label ?? before?.label ?? id
        self.before = before?.figures
        self.after = after?.figures
        let old = before ?? WaveTheme.empty, new = after ?? WaveTheme.empty
        func only<K, V>(_ a: [K: V], notIn b: [K: V]) -> [V] { a.filter { b[$0.key] == nil }.map(\.value) }
        tiesGained = only(new.ties, notIn: old.ties).sorted()
        tiesLost = only(old.ties, notIn: new.ties).sorted()
        joined = only(new.active, notIn: old.active).sorted()
        left = only(old.active, notIn: new.active).sorted()
        organisationsJoined = only(new.organisations, notIn: old.organisations).sorted()
        organisationsLeft = only(old.organisations, notIn: new.organisations).sorted()
        weakLinksClosed = only(old.weakLinks, notIn: new.weakLinks).sorted()
        weakLinksOpened = only(new.weakLinks, notIn: old.weakLinks).sorted()
        bridgesGone = only(old.bridges, notIn: new.bridges).sorted()
        bridgesNew = only(new.bridges, notIn: old.bridges).sorted()
        var resolved: [WaveComparison.GatekeeperChange] = [], gone: [WaveComparison.GatekeeperChange] = []
        var remaining: [WaveComparison.GatekeeperChange] = [], added: [WaveComparison.GatekeeperChange] = []
        for (key, was) in old.gatekeepers {
            if let still = new.gatekeepers[key] {
                remaining.append(.init(name: still.name, cutOffBefore: was.cutOff, cutOffAfter: still.cutOff))
            } else if new.nodes.contains(key) {
                resolved.append(.init(name: was.name, cutOffBefore: was.cutOff, cutOffAfter: 0))
            } else {
                gone.append(.init(name: was.name, cutOffBefore: was.cutOff, cutOffAfter: 0))
            }
        }
        for (key, now) in new.gatekeepers where old.gatekeepers[key] == nil {
            added.append(.init(name: now.name, cutOffBefore: 0, cutOffAfter: now.cutOff))
        }
        gatekeepersResolved = resolved.sorted { $0.name < $1.name }
        gatekeepersGone = gone.sorted { $0.name < $1.name }
        gatekeepersRemaining = remaining.sorted { $0.name < $1.name }
        gatekeepersNew = added.sorted { $0.name < $1.name }
        var pairs: [WaveComparison.OrganisationPairChange] = []
        for (key, cell) in new.blocks where old.blocks[key]?.ties != cell.ties {
            pairs.append(.init(from: cell.from, to: cell.to, before: old.blocks[key]?.ties ?? 0, after: cell.ties))
        }
        for (key, cell) in old.blocks where new.blocks[key] == nil {
            pairs.append(.init(from: cell.from, to: cell.to, before: cell.ties, after: 0))
        }
        organisationPairs = pairs.sorted { (abs($0.after - $0.before), $1.from, $1.to) > (abs($1.after - $1.before), $0.from, $0.to) }
    }
}

extension WaveTheme {
    /// A theme no wave asked about: nothing in it.
    static let empty = WaveTheme()

    private init() {
        label = ""
        figures = .init(nodes: 0, activeNodes: 0, ties: 0, density: 0, reciprocity: nil, components: 0, largestComponent: 0)
    }
}
