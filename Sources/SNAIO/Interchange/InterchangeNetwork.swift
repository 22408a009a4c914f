import SNACore

/// A partnership network as the interchange formats carry it (docs/interchange.md):
/// one node per person (or organisation) with its attributes and metrics, and
/// one directed edge per pair that is tied in any exported theme, carrying the
/// themes it appears in, its strength in each and the flags of the findings.
///
/// Every writer (GraphML, GEXF, node-link JSON, Pajek, UCINET DL, Gephi and
/// Kumu CSV, Neo4j import CSV) reads this one value, so that the formats agree.
public struct InterchangeNetwork: Sendable {
    /// A node and what is known of it.
    public struct Node: Sendable {
        /// Its name: the id in formats whose ids are strings.
        public var name: String
        /// Its organisation (people level), when known.
        public var organisation: String?
        /// Its layer, when known.
        public var layer: String?
        /// Whether it answered the survey.
        public var responded: Bool
        /// Every other attribute, by ``InterchangeNetwork/attributeNames``; `nil` when it has none.
        public var attributes: [String?]
        /// Its metrics in the judged selection, by ``InterchangeNetwork/metricColumns``; `nil` when undefined.
        public var metrics: [Double?]
        /// Whether a finding calls it a gatekeeper.
        public var gatekeeper: Bool
        /// Its colour on the static map (`#RRGGBB`), when known.
        public var colour: String?
        /// Its diameter on the static map, in points, when known.
        public var size: Double?
    }

    /// A directed edge: every exported theme in which `source` named `target`.
    public struct Edge: Sendable {
        /// The position of the node that named the other.
        public var source: Int
        /// The position of the node named.
        public var target: Int
        /// Its weight in each exported theme (0 when absent there), by ``InterchangeNetwork/themes``.
        public var themeWeights: [Double]
        /// The strength the respondent gave in each theme, when one was given, by ``InterchangeNetwork/themes``.
        public var strengths: [Double?]
        /// Its weight in the union of the exported themes (snatool's `all`): at
        /// people level its number of themes (its strength in an unthemed
        /// survey); at organisation level the people's ties it stands for.
        public var weight: Double
        /// Whether a finding calls it a bridge (in either direction).
        public var bridge: Bool
        /// Whether it joins two organisations a finding calls weakly linked.
        public var weakLink: Bool
        /// Its tie ratings by ``InterchangeNetwork/ratingNames`` (`nil` where
        /// not rated): the mean over the exported themes; at organisation
        /// level, over the ties between the two organisations.
        public var ratings: [Double?] = []

        /// The number of exported themes it appears in.
        public var multiplexity: Int { themeWeights.filter { $0 > 0 }.count }
    }

    /// The exported themes' ids, in the survey's order (empty for an unthemed survey).
    public var themes: [String]
    /// The exported themes' labels, by `themes`.
    public var themeLabels: [String]
    /// The level of the nodes.
    public var level: AnalysisLevel
    /// The names of the attributes every node may have, sorted.
    public var attributeNames: [String]
    /// The metric columns every node has, in output order.
    public var metricColumns: [NodeMetricColumn]
    /// The id of the selection the metrics and flags were computed on (`all` or a theme).
    public var judgedSelection: String
    /// The nodes.
    public var nodes: [Node]
    /// The edges, by source then target.
    public var edges: [Edge]
    /// The ids of the tie ratings every edge carries (the items and measures
    /// of ``PartnershipNetwork/ratingSet``); empty when ties were not rated.
    public var ratingNames: [String] = []

    /// The attribute names the interchange formats give themselves, which a
    /// people-file attribute of the same name would clash with.
    public static let reservedNames: Set<String> = [
        "id", "label", "name", "organisation", "layer", "responded", "gatekeeper", "themes", "theme", "weight",
        "multiplexity", "bridge", "weak_link", "strength",
    ]

    /// The interchange view of an analysis: its nodes at the analysed level,
    /// metrics and flags from its judged selection, and the ties of the themes
    /// it was asked about (`--theme T`: that theme; otherwise every theme).
    ///
    /// - Parameter appearance: each node's map colour and diameter, when known (``NetworkMap`` in SNAMaps).
    public init(analysis: PartnershipAnalysis, appearance: (colours: [String], sizes: [Double])? = nil) {
        let network = analysis.network
        let level = analysis.options.level
        self.level = level
        let wanted = analysis.options.selections ?? network.selections
        let themeIndices: [Int] = wanted.contains(.all) || wanted.isEmpty
            ? Array(network.themes.indices)
            : wanted.compactMap { if case .theme(let index) = $0 { return index } else { return nil } }
        themes = themeIndices.map { network.themes[$0].id }
        themeLabels = themeIndices.map { network.themes[$0].label }
        let judged = analysis.judgedSelection
        judgedSelection = judged?.id ?? Theme.allID
        let columns = NodeMetricColumn.full
        metricColumns = columns

        // Nodes.
        let names = analysis.nodeNames
        let attributeSets: [[String: String]] = level == .people ? network.people.map(\.attributes) : network.organisations.map(\.attributes)
        let attributeNames = Set(attributeSets.flatMap(\.keys)).subtracting(Self.reservedNames).sorted()
        self.attributeNames = attributeNames
        let findings = analysis.findings
        func nodes(of kind: FindingKind) -> [[Int]] { findings.filter { $0.kind == kind }.map { $0.subjects.compactMap(analysis.node(of:)) } }
        let gatekeepers = Set(nodes(of: .gatekeeper).joined())
        // A sparse selection recomputes its metrics when read: read them once.
        let judgedMetrics = judged?.metrics
        var built: [Node] = []
        built.reserveCapacity(names.count)
        for node in names.indices {
            let attributes = attributeSets[node]
            let person = level == .people ? network.people[node] : nil
            built.append(Node(
                name: names[node],
                organisation: level == .people && network.unit == .people ? network.organisation(ofPerson: node).map { network.organisations[$0].name } : nil,
                layer: person?.layer?.rawValue,
                responded: level == .people ? network.people[node].responded
                    : network.organisations[node].members.contains { network.people[$0].responded },
                attributes: attributeNames.map { attributes[$0] },
                metrics: judgedMetrics.map { metrics in columns.map { column in column.value(in: metrics, node: node).flatMap { $0.isFinite ? $0 : nil } } }
                    ?? columns.map { _ in nil },
                gatekeeper: gatekeepers.contains(node),
                colour: appearance.map { $0.colours[node] },
                size: appearance.map { $0.sizes[node] }))
        }
        self.nodes = built

        // Edges: the themes' graphs at the level, merged by pair.
        let symmetrisation = analysis.options.symmetrisation
        let themeCount = themeIndices.count
        var index: [Int64: Int] = [:]
        var edges: [Edge] = []
        func edge(_ source: Int, _ target: Int) -> Int {
            let key = Int64(source) << 32 | Int64(target)
            if let known = index[key] { return known }
            index[key] = edges.count
            edges.append(Edge(source: source, target: target, themeWeights: [Double](repeating: 0, count: themeCount),
                              strengths: [Double?](repeating: nil, count: themeCount), weight: 0, bridge: false, weakLink: false))
            return edges.count - 1
        }
        for (position, theme) in themeIndices.enumerated() {
            let graph = network.graph(.theme(theme), level: level, symmetrisation: symmetrisation)
            for source in 0..<graph.nodeCount {
                let start = Int(graph.outOffsets[source])
                for (offset, target) in graph.successors(of: source).enumerated() {
                    edges[edge(source, Int(target))].themeWeights[position] = graph.outWeights[start + offset]
                }
            }
        }
        let union = network.graph(wanted.count == 1 ? wanted[0] : .all, level: level, symmetrisation: symmetrisation)
        for source in 0..<union.nodeCount {
            let start = Int(union.outOffsets[source])
            for (offset, target) in union.successors(of: source).enumerated() {
                let position = edge(source, Int(target))
                edges[position].weight = union.outWeights[start + offset]
            }
        }
        if level == .people, symmetrisation == .none {
            let themePosition = Dictionary(uniqueKeysWithValues: themeIndices.enumerated().map { ($1, $0) })
            for tie in network.ties {
                guard let strength = tie.strength, let position = index[Int64(tie.source) << 32 | Int64(tie.target)] else { continue }
                if let theme = tie.theme, let column = themePosition[theme] { edges[position].strengths[column] = strength }
            }
        }
        // Tie ratings: each pair's mean over the exported themes.
        let ratingSelection = wanted.count == 1 ? wanted[0] : .all
        if let summary = network.ratingSummary(ratingSelection) {
            ratingNames = summary.scores.map(\.id)
            for position in edges.indices {
                let a = edges[position].source, b = edges[position].target
                edges[position].ratings = level == .people
                    ? summary.values(from: a, to: b) ?? summary.scores.map { _ in nil }
                    : summary.scores.indices.map { summary.pair(from: a, to: b)?.means[$0].mean }
            }
        }
        // Findings' flags.
        let bridges = Set(nodes(of: .bridge).filter { $0.count == 2 }.map { Set($0) })
        let weakPairs: [Set<Int>] = findings.filter { $0.kind == .weakLink }.compactMap { finding in
            let organisations = finding.subjects.filter { $0.level == .organisations }.map(\.index)
            return organisations.count == 2 ? Set(organisations) : nil
        }
        let nodeOrganisation = analysis.nodeOrganisation
        for position in edges.indices {
            let a = edges[position].source, b = edges[position].target
            edges[position].bridge = bridges.contains([a, b])
            if let x = nodeOrganisation[a], let y = nodeOrganisation[b], x != y {
                edges[position].weakLink = weakPairs.contains([x, y])
            }
        }
        self.edges = edges.sorted { ($0.source, $0.target) < ($1.source, $1.target) }
    }

    /// The themes an edge appears in, by id.
    public func themes(of edge: Edge) -> [String] {
        zip(themes, edge.themeWeights).filter { $0.1 > 0 }.map(\.0)
    }

    /// The separator between theme ids in an edge's `themes` attribute.
    public static let themeSeparator = ";"
}
