import Foundation
import SNACore

/// A map of a partnership network as a Graphviz graph (DOT), in snatool's
/// visual language (docs/maps.md): node colour by organisation (or any
/// attribute) from a colour-blind-safe palette, node size by a metric, edge
/// width by strength, gatekeepers with a double outline, weak links dashed
/// orange, bridges thick black, isolates dashed and gathered, a title and a
/// legend on every map.
///
/// ```swift
/// let analysis = PartnershipAnalysis(network: network, options: .init(selections: [.all]))
/// let map = try NetworkMap(analysis: analysis, options: MapOptions(), source: "survey.csv")
/// let svg = try Graphviz.shared.render(dot: map.dot, engine: map.engine, format: .svg)
/// ```
public struct NetworkMap: Sendable {
    /// The graph in the DOT language.
    public let dot: String
    /// The engine to lay it out with (fdp when clusters need it).
    public let engine: LayoutEngine
    /// The nodes drawn.
    public let nodeCount: Int
    /// The edges drawn (a reciprocated pair is one edge with two heads).
    public let edgeCount: Int
    /// Remarks for the user, such as a change of engine.
    public let notes: [String]
    /// The nodes left out because they have no ties in the selection
    /// (``MapOptions/omitIsolates``), by index, for a list beside the map.
    public let omitted: [Int]
    /// Small groups left out because they are tied only among themselves
    /// (``MapOptions/omitIsolates``, at most ``MapOptions/fragmentSize``
    /// nodes each), by index, for a list beside the map.
    public let fragments: [[Int]]
    /// The nodes drawn, by index (SVG id `n` and the index).
    public let drawnNodes: [Int]
    /// The edges drawn, one per pair (SVG id `e`, the two indices joined by `_`);
    /// `reciprocated` when drawn with two heads.
    public let drawnEdges: [(from: Int, to: Int, reciprocated: Bool)]
    /// The id of the selection drawn (a theme's id or `all`).
    public let selectionID: String
    /// Whether the nodes keep given positions (``MapOptions/positions``), so
    /// that Graphviz only draws the edges.
    public let pinned: Bool
    /// Every node's fill colour (`#RRGGBB`), drawn or not, by index.
    public let nodeColours: [String]
    /// Every node's diameter in points as drawn (the size metric's), by index.
    public let nodeDiameters: [Double]
    /// The layout engine as Graphviz names it: ``engine``, or `nop2` when pinned.
    public var engineName: String { pinned ? "nop2" : engine.rawValue }

    /// Builds the map of the analysis's first selection.
    ///
    /// - Parameters:
    ///   - analysis: an analysis whose selections include `options.selection`
    ///     at `options.level` (one analysis of every theme serves every
    ///     theme's map); the selection's findings give the gatekeepers, weak
    ///     links and bridges (``PartnershipAnalysis/findings(focusingOn:)``).
    ///   - source: the data's name for the title (e.g. the survey file's name).
    public init(analysis: PartnershipAnalysis, options: MapOptions, source: String) throws(MapError) {
        let network = analysis.network
        let id = network.id(of: options.selection)
        guard let selection = analysis.selection(id) ?? analysis.selections.first else {
            preconditionFailure("the analysis has no selection to map")
        }
        let names = analysis.nodeNames
        let nodesArePeople = options.level == .people && network.unit == .people
        let graph = selection.graph
        let undirected = selection.metrics.undirected
        var notes: [String] = []

        // Which nodes: everyone, or the ego's neighbourhood.
        var included = [Bool](repeating: true, count: graph.nodeCount)
        var egoNode: Int?
        if let ego = options.ego {
            let key = NameKey.key(ego)
            guard let node = names.firstIndex(where: { NameKey.key($0) == key }) else {
                let suggestions = names.filter { NameKey.key($0).contains(key) || key.contains(NameKey.key($0)) }.prefix(5)
                throw .unknownEgo(ego, suggestions: Array(suggestions))
            }
            egoNode = node
            included = Self.neighbourhood(of: node, radius: options.radius, in: undirected)
        }
        let isolated = (0..<graph.nodeCount).map { graph.inDegree(of: $0) + graph.outDegree(of: $0) == 0 }
        var omitted: [Int] = []
        var fragments: [[Int]] = []
        if options.omitIsolates {
            for node in 0..<graph.nodeCount where included[node] && isolated[node] && node != egoNode {
                included[node] = false
                omitted.append(node)
            }
            fragments = Self.fragments(of: graph, drawn: included, keeping: egoNode)
            for fragment in fragments { for node in fragment { included[node] = false } }
        }
        let pinned = options.positions != nil
        if let positions = options.positions {
            for node in 0..<graph.nodeCount where included[node] && (node >= positions.count || positions[node] == nil) { included[node] = false }
        }

        // Groups for colour.
        let organisations = analysis.nodeOrganisation
        func attribute(_ name: String, of node: Int) -> String? { network.value(of: Grouping(name), node: node, level: options.level) }
        func check(_ use: MapGroupingUse, _ name: String) throws(MapError) {
            guard network.hasValues(of: Grouping(name), level: options.level) else {
                throw .unknownAttribute(use: use, attribute: name, available: network.availableGroupings(level: options.level))
            }
        }
        let organisationNodes = options.level == .organisations || network.unit == .organisations
        let colourBy = options.colourBy
            ?? (organisationNodes && names.indices.contains { attribute("sector", of: $0) != nil } ? "sector" : "organisation")
        try check(.colour, colourBy)
        if let cluster = options.clusterBy { try check(.cluster, cluster) }
        // Groups are ranked by the people in them: at organisation level an organisation counts its members.
        let weights = options.level == .organisations && network.unit == .people
            ? network.organisations.map { max(1, $0.members.count) } : [Int](repeating: 1, count: names.count)
        let colouring = GroupColouring(values: names.indices.map { attribute(colourBy, of: $0) }, weights: weights, drawn: included,
                                       rankingByNetwork: options.colourRankingByNetwork)

        // Size.
        let metric = options.sizeBy ?? (nodesArePeople ? .betweenness : (options.level == .organisations ? .people : .betweenness))
        let sizes = metric == .spend
            ? names.indices.map { index in options.externalSizes.map { index < $0.count ? max(0, $0[index]) : 0 } ?? 0 }
            : Self.values(of: metric, selection: selection, network: network, level: options.level)
        let largest = names.indices.filter { included[$0] }.map { sizes[$0] }.max() ?? 0

        // Highlights from the findings of this selection seen on its own, by node.
        let findings = analysis.findings(focusingOn: selection.id)
        func nodes(of kind: FindingKind) -> [[Int]] {
            findings.filter { $0.kind == kind }.map { $0.subjects.compactMap(analysis.node(of:)) }
        }
        let gatekeepers = options.highlights.contains(.gatekeepers) ? Set(nodes(of: .gatekeeper).joined()) : []
        let showLinks = options.highlights.contains(.weakLinks)
        let bridges = showLinks ? Set(nodes(of: .bridge).map(Set.init)) : []
        let weakLinks = showLinks ? (nodes(of: .weakLink) + nodes(of: .missingLink)).filter { $0.count == 2 } : []
        // On a theme's map: the organisations the findings call absent from the theme.
        let absent = options.highlights.contains(.isolates) && !nodesArePeople
            ? Set(nodes(of: .absentFromTheme).joined().filter { included[$0] }) : []

        // Labels.
        let count = included.filter { $0 }.count
        let labelMode = options.labels ?? (count <= 60 ? .all : .top(20))
        var labelled = Set<Int>()
        switch labelMode {
        case .all: labelled = Set(names.indices.filter { included[$0] })
        case .none: break
        case .top(let n):
            labelled = Set(names.indices.filter { included[$0] && sizes[$0] > 0 && !isolated[$0] }.sorted { (sizes[$0], $1) > (sizes[$1], $0) }.prefix(n))
        }
        if labelMode != .none {
            for node in names.indices where included[node] && gatekeepers.contains(node) { labelled.insert(node) }
            labelled.formUnion(absent)
        }
        if let egoNode { labelled.insert(egoNode) }
        // Where the places are known (a map drawn in an earlier layout's places), a label that
        // would cover a more important one is left out: its name stays in the tooltip.
        if let positions = options.positions, case .top = labelMode {
            let textScale = max(1, options.textScale)
            let priority = labelled.sorted { a, b in
                let rank = { (node: Int) -> Int in gatekeepers.contains(node) || node == egoNode ? 0 : absent.contains(node) ? 1 : 2 }
                return (rank(a), -sizes[a], a) < (rank(b), -sizes[b], b)
            }
            labelled = Set(Self.labelsThatFit(priority, positions: positions, fontSize: 9 * textScale) { node in
                let width = largest > 0 ? 0.16 + 0.64 * (sizes[node] / largest).squareRoot() : 0.3
                return (Self.labelLines(names[node], nodesArePeople: nodesArePeople), width * 72 / 2)
            })
        }

        // Engine: clusters need fdp or dot.
        var engine = options.engine ?? (count <= MapOptions.neatoLimit ? .neato : .sfdp)
        if options.clusterBy != nil, ![.fdp, .dot].contains(engine) {
            notes.append("clusters need the fdp or dot engine; drawing with fdp instead of \(engine.rawValue)")
            engine = .fdp
        }

        // The graph.
        // Text and lines enlarged for a large layout shown at page width.
        let k = max(1, options.textScale)
        func z(_ value: Double) -> String { Self.format((value * k * 100).rounded() / 100) }
        var out = "digraph \"snatool map\" {\n"
        let title = options.title ?? Self.title(network: network, selection: selection, level: options.level, ego: egoNode.map { names[$0] },
                                                  radius: options.radius, source: source, nodes: count)
        out += "  graph [fontname=\"DejaVu Sans\", fontsize=\(z(9.5)), outputorder=edgesfirst, overlap=prism, overlap_scaling=-4, "
        // Packing disconnected parts crashes Graphviz 2.43's dot layout with clusters (a use-after-free), so only force layouts pack.
        let pack = engine == .dot || options.clusterBy != nil || pinned ? "" : "pack=true, packmode=\"array_u\", "
        // fdp's clusters spread far with sfdp's spring length: a 210-person cluster map was 6,226 pt wide.
        let spring = engine == .fdp ? 0.4 : 1.1
        out += "sep=\"+14\", K=\(spring), repulsiveforce=1.6, splines=false, \(pack)start=\(options.seed), labelloc=b, labeljust=l, "
        out += "forcelabels=true, pad=0.3, bgcolor=white"
        if let page = options.page {
            out += ", size=\"\(Self.format(page.width / 72)),\(Self.format(page.height / 72))\"" + (page.dpi.map { ", dpi=\($0)" } ?? "")
        }
        out += "];\n"
        out += "  node [shape=circle, fixedsize=true, style=filled, fontname=\"DejaVu Sans\", fontsize=\(z(9)), color=\"#555555\", penwidth=\(z(0.8)), label=\"\"];\n"
        out += "  edge [arrowsize=\(z(0.45)), color=\"\(Palette.tie)\", penwidth=\(z(0.6))];\n"

        /// A node's diameter in inches: by its size metric, small for an absent organisation or a gathered isolate.
        func width(of node: Int) -> Double {
            let gathered = options.highlights.contains(.isolates) && isolated[node]
            return absent.contains(node) ? 0.22 : gathered ? 0.12 : largest > 0 ? 0.16 + 0.64 * (sizes[node] / largest).squareRoot() : 0.3
        }

        func nodeStatement(_ node: Int) -> String {
            let width = width(of: node), value = sizes[node]
            var attributes = ["width=\(Self.format(width))", "id=\"n\(node)\"", "fillcolor=\"\(colouring.colour(of: node))\""]
            if let point = options.positions?[node] { attributes.append("pos=\"\(Self.format(point.x)),\(Self.format(point.y))!\"") }
            if labelled.contains(node) {
                attributes.append("xlabel=" + DOTText.label(Self.labelLines(names[node], nodesArePeople: nodesArePeople)))
            }
            var tooltip = DOTText.shortened(names[node], to: MapOptions.longestTooltip)
            if nodesArePeople, let organisation = organisations[node] {
                tooltip += " (\(DOTText.shortened(network.organisations[organisation].name, to: MapOptions.longestTooltip)))"
            }
            tooltip += "; \(metric.rawValue) \(Self.format(value))"
            attributes.append("tooltip=" + DOTText.tooltip(tooltip))
            if gatekeepers.contains(node) {
                attributes += ["peripheries=2", "penwidth=\(z(2.2))", "color=black"]
            }
            if node == egoNode { attributes += ["penwidth=\(z(3))", "color=black", "fontsize=\(z(11))"] }
            if absent.contains(node) {
                attributes += ["style=\"filled,dashed\"", "color=\"\(Palette.weakLink)\"", "penwidth=\(z(2.2))"]
            } else if options.highlights.contains(.isolates) && isolated[node] {
                attributes += ["style=\"filled,dashed\"", "color=\"#333333\""]
            }
            return "  \("n\(node)") [\(attributes.joined(separator: ", "))];\n"
        }

        if let cluster = options.clusterBy {
            var members: [String: [Int]] = [:]
            var order: [String] = []
            for node in names.indices where included[node] {
                let value = attribute(cluster, of: node) ?? "(unknown)"
                if members[value] == nil { order.append(value) }
                members[value, default: []].append(node)
            }
            for (index, value) in order.enumerated() {
                out += "  subgraph \"cluster_\(index)\" {\n    label=\(DOTText.label(DOTText.shortened(value, to: MapOptions.longestLabel))); style=rounded; color=\"#AAAAAA\"; fontsize=\(z(10));\n"
                for node in members[value]! { out += "  " + nodeStatement(node) }
                out += "  }\n"
            }
        } else {
            for node in names.indices where included[node] { out += nodeStatement(node) }
        }

        // Edges: one per pair, two heads when reciprocated.
        let themesOfPair = Self.themesOfPairs(network: network, level: options.level)
        // Dense maps draw ordinary ties faint so that highlights stand out.
        let drawnPairs = (0..<graph.nodeCount).reduce(0) { total, v in
            total + (included[v] ? graph.successors(of: v).filter { included[Int($0)] }.count : 0)
        }
        let dense = drawnPairs > Self.denseEdgeCount
        let combined = options.selection == .all && !network.themes.isEmpty && options.level == .people && !dense
        if dense { out += "  edge [color=\"\(Palette.faintTie)\", penwidth=\(z(0.4))];\n" }
        let maxWeight = graph.outWeights.max() ?? 1
        var edges = 0
        var drawnEdges: [(from: Int, to: Int, reciprocated: Bool)] = []
        var bridgesDrawn = false
        for v in 0..<graph.nodeCount where included[v] {
            for position in Int(graph.outOffsets[v])..<Int(graph.outOffsets[v + 1]) {
                let w = Int(graph.outTargets[position])
                guard included[w] else { continue }
                let reciprocated = graph.hasEdge(from: w, to: v)
                if reciprocated && w < v { continue }
                var weight = graph.outWeights[position]
                if reciprocated {
                    let back = graph.outOffsets[w]..<graph.outOffsets[w + 1]
                    if let index = back.first(where: { graph.outTargets[Int($0)] == Int32(v) }) { weight = max(weight, graph.outWeights[Int(index)]) }
                }
                var attributes = ["id=\"e\(v)_\(w)\""]
                if reciprocated { attributes.append("dir=both") }
                let isBridge = bridges.contains([v, w])
                if isBridge {
                    bridgesDrawn = true
                    attributes += ["color=\"\(Palette.bridge)\"", "penwidth=\(z(3))"]
                } else {
                    let scale = options.level == .organisations || network.unit == .organisations && maxWeight > 4
                        ? 0.5 + 3.0 * (weight / maxWeight).squareRoot()
                        : 0.5 + 0.45 * (min(weight, 7) - 1)
                    if !dense { attributes.append("penwidth=\(z(scale))") }
                    if combined, let themes = themesOfPair[Int64(v) << 32 | Int64(w)] ?? themesOfPair[Int64(w) << 32 | Int64(v)] {
                        attributes.append("color=\"\(Self.colour(ofThemes: themes))\"")
                    }
                }
                out += "  \("n\(v)") -> \("n\(w)") [\(attributes.joined(separator: ", "))];\n"
                edges += 1
                drawnEdges.append((v, w, reciprocated))
            }
        }
        // Weak and missing links between organisations, drawn where the nodes are organisations.
        if !nodesArePeople {
            for pair in weakLinks {
                let (a, b) = (pair[0], pair[1])
                guard included[a], included[b] else { continue }
                out += "  \("n\(a)") -> \("n\(b)") [dir=none, style=dashed, color=\"\(Palette.weakLink)\", penwidth=\(z(dense ? 4 : 2.5)), constraint=false];\n"
            }
        }
        out += "  label=<\(Self.legend(title: title, colouring: colouring, colourBy: colourBy, metric: metric, combined: combined, network: network, gatekeepers: gatekeepers.filter { included[$0] }.count, showLinks: showLinks, weakLinksShown: !nodesArePeople && !weakLinks.isEmpty, bridges: bridgesDrawn, isolates: options.highlights.contains(.isolates) && names.indices.contains { included[$0] && isolated[$0] }, absent: absent.count, omitted: omitted.count, fragments: fragments.count, nodesArePeople: nodesArePeople, themeLabel: selection.label.lowercased(), labelMode: labelMode, labelsFitted: options.positions != nil, nodes: count, dense: dense, edgesDrawn: edges, scale: k))>;\n"
        out += "}\n"
        self.dot = out
        self.engine = engine
        self.nodeCount = count
        self.edgeCount = edges
        self.notes = notes
        self.omitted = omitted
        self.fragments = fragments
        self.drawnNodes = names.indices.filter { included[$0] }
        self.drawnEdges = drawnEdges
        self.pinned = pinned
        nodeColours = names.indices.map { colouring.colour(of: $0) }
        nodeDiameters = names.indices.map { width(of: $0) * 72 }
        self.selectionID = selection.id
    }

    // MARK: Pieces

    /// The weak components of the drawn nodes with at most
    /// ``MapOptions/fragmentSize`` nodes, when a larger one exists, in order
    /// of their first node; none holds `kept`.
    static func fragments(of graph: Digraph, drawn: [Bool], keeping kept: Int?) -> [[Int]] {
        let components = graph.weakComponents()
        var members: [Int: [Int]] = [:]
        for node in 0..<graph.nodeCount where drawn[node] { members[components.membership[node], default: []].append(node) }
        let largest = members.values.map(\.count).max() ?? 0
        guard largest > MapOptions.fragmentSize else { return [] }
        return members.values.filter { $0.count <= MapOptions.fragmentSize && !$0.contains { $0 == kept } }.sorted { $0[0] < $1[0] }
    }

    /// Nodes within `radius` steps of `start`, either direction.
    static func neighbourhood(of start: Int, radius: Int, in graph: UndirectedGraph) -> [Bool] {
        var included = [Bool](repeating: false, count: graph.nodeCount)
        included[start] = true
        var frontier = [start]
        var steps = 0
        // A radius beyond the network's diameter stops when no one new is reached.
        while steps < radius, !frontier.isEmpty {
            steps += 1
            var next: [Int] = []
            for v in frontier {
                for w in graph.neighbours(of: v) where !included[Int(w)] {
                    included[Int(w)] = true
                    next.append(Int(w))
                }
            }
            frontier = next
        }
        return included
    }

    static func values(of metric: MapSizeMetric, selection: SelectionAnalysis, network: PartnershipNetwork, level: AnalysisLevel) -> [Double] {
        let m = selection.metrics
        if metric == .spend { return m.degree.map { _ in 0 } }  // drawn from MapOptions.externalSizes
        guard let column = metric.column else {
            return level == .organisations ? network.organisations.map { Double($0.members.count) } : m.degree.map { _ in 1 }
        }
        return (0..<selection.graph.nodeCount).map { column.value(in: m, node: $0) ?? 0 }
    }

    /// Each directed person-level pair's themes (empty at organisation level).
    static func themesOfPairs(network: PartnershipNetwork, level: AnalysisLevel) -> [Int64: [String]] {
        guard level == .people else { return [:] }
        var result: [Int64: [String]] = [:]
        for tie in network.ties {
            guard let theme = tie.theme else { continue }
            result[Int64(tie.source) << 32 | Int64(tie.target), default: []].append(network.themes[theme].id)
        }
        return result
    }

    /// Above this many ties a map draws ordinary ties faint and in one colour.
    public static let denseEdgeCount = 400

    /// The order in which a multiplex tie takes its colour.
    static let themePriority = ["decision-making", "strategy", "improvement", "innovation", "expertise", "work", "informal"]

    static func colour(ofThemes themes: [String]) -> String {
        for theme in themePriority where themes.contains(theme) { return Palette.themes[theme]! }
        return Palette.otherTheme
    }

    /// "Partnership Manager, Fortalice" on two lines; long organisation names wrapped.
    /// The nodes, in priority order, whose labels do not overlap a label
    /// kept before them. A label is taken as a box of its lines (DejaVu Sans
    /// averages about 0.58 em a character) centred under its node.
    ///
    /// - Complexity: O(n²) in the labels considered (at most a few dozen).
    static func labelsThatFit(
        _ nodes: [Int], positions: [MapPoint?], fontSize: Double, label: (Int) -> (lines: [String], radius: Double)
    ) -> [Int] {
        var kept: [(node: Int, box: (x0: Double, y0: Double, x1: Double, y1: Double))] = []
        let pad = fontSize * 0.3
        for node in nodes {
            guard node < positions.count, let point = positions[node] else { continue }
            let (lines, radius) = label(node)
            let width = Double(lines.map(\.count).max() ?? 0) * fontSize * 0.58
            let height = Double(lines.count) * fontSize * 1.2
            let box = (x0: point.x - width / 2 - pad, y0: point.y - radius - height - pad, x1: point.x + width / 2 + pad, y1: point.y - radius + pad)
            let overlaps = kept.contains { other in
                box.x0 < other.box.x1 && other.box.x0 < box.x1 && box.y0 < other.box.y1 && other.box.y0 < box.y1
            }
            if !overlaps { kept.append((node, box)) }
        }
        return kept.map(\.node)
    }

    static func labelLines(_ fullName: String, nodesArePeople: Bool) -> [String] {
        let name = DOTText.shortened(fullName, to: MapOptions.longestLabel)
        var parts: [String] = []
        if nodesArePeople, let comma = name.range(of: ", ", options: .backwards) {
            parts = [String(name[..<comma.lowerBound]), String(name[comma.upperBound...])]
        } else {
            parts = [name]
        }
        return parts.flatMap { wrap($0, width: 26) }
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [text] : lines
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(format: "%.3f", value)
    }

    static func title(network: PartnershipNetwork, selection: SelectionAnalysis, level: AnalysisLevel, ego: String?,
                      radius: Int, source: String, nodes: Int) -> String {
        let what = selection.id == Theme.allID ? (network.themes.isEmpty ? "All ties" : "All themes") : "\(selection.label) ties"
        let unit = level == .people && network.unit == .people ? "people" : "organisations"
        var title = "\(what), \(level == .organisations ? "organisation level, " : "")\(source)"
        if let ego { title += "; around \(ego) (\(radius) step\(radius == 1 ? "" : "s"))" }
        return title + " (\(nodes) \(unit))"
    }

    static func legend(title: String, colouring: GroupColouring, colourBy: String, metric: MapSizeMetric, combined: Bool,
                       network: PartnershipNetwork, gatekeepers: Int, showLinks: Bool, weakLinksShown: Bool, bridges: Bool,
                       isolates: Bool, absent: Int, omitted: Int, fragments: Int, nodesArePeople: Bool, themeLabel: String, labelMode: MapLabels, labelsFitted: Bool = false, nodes: Int, dense: Bool, edgesDrawn: Int, scale: Double) -> String {
        let big = Self.format((13 * scale).rounded()), swatch = Self.format((14 * scale).rounded())
        var rows = "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"\(big)\"><B>\(DOTText.html(DOTText.shortened(title, to: 2 * MapOptions.longestLabel)))</B></FONT></TD></TR>"
        rows += "<TR><TD ALIGN=\"LEFT\">Colour: \(DOTText.html(NameKey.label(colourBy))). Size: \(DOTText.html(metric.rawValue)).\(dense ? " Ties drawn faint: there are many." : "")</TD></TR>"
        rows += "<TR><TD ALIGN=\"LEFT\">Arrows: who named whom (two heads: both named each other).</TD></TR>"
        let swatches = colouring.legendEntries.map { entry in
            "<TD ALIGN=\"LEFT\"><FONT COLOR=\"\(entry.colour)\" POINT-SIZE=\"\(swatch)\">\u{25A0}</FONT> \(DOTText.html(DOTText.shortened(entry.label, to: 44)))</TD>"
        }
        var grid = ""
        for pair in stride(from: 0, to: swatches.count, by: 2) {
            grid += "<TR>" + swatches[pair] + (pair + 1 < swatches.count ? swatches[pair + 1] : "<TD></TD>") + "</TR>"
        }
        rows += "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\">\(grid)</TABLE></TD></TR>"
        var marks: [String] = []
        if gatekeepers > 0 { marks.append("Double black outline: gatekeeper (\(gatekeepers))") }
        if bridges { marks.append("Thick black line: bridge, a single tie holding part of the network on") }
        if weakLinksShown { marks.append("Dashed orange line: weak or missing link between organisations") }
        if absent > 0 { marks.append("Dashed orange outline, labelled: no \(themeLabel) ties although well connected in other themes (\(absent))") }
        if isolates { marks.append("Dashed outline, set apart: no ties") }
        if omitted > 0 { marks.append("Not drawn: \(omitted) \(nodesArePeople ? (omitted == 1 ? "person" : "people") : (omitted == 1 ? "partner" : "partners")) with no \(themeLabel == "all themes" || themeLabel == "all ties" ? "" : themeLabel + " ")ties") }
        if fragments > 0 { marks.append("Not drawn: \(fragments) small group\(fragments == 1 ? "" : "s") tied only among themselves") }
        if case .top(let n) = labelMode, n < nodes {
            marks.append("Labels: the \(n) largest\(gatekeepers > 0 ? " and the gatekeepers" : "")\(labelsFitted ? " where they fit" : ""); all names in the tooltips")
        }
        for mark in marks { rows += "<TR><TD ALIGN=\"LEFT\">\(DOTText.html(mark))</TD></TR>" }
        if combined && edgesDrawn > 0 {
            let themes = themePriority.filter { id in network.themes.contains { $0.id == id } }
            var cells = ""
            for id in themes {
                let label = network.themes.first { $0.id == id }!.label
                cells += "<TD ALIGN=\"LEFT\"><FONT COLOR=\"\(Palette.themes[id]!)\" POINT-SIZE=\"\(swatch)\">\u{2501}\u{2501}</FONT> \(DOTText.html(label))</TD>"
            }
            rows += "<TR><TD ALIGN=\"LEFT\">Line colour: the first theme of the tie in this order; width: number of themes</TD></TR>"
            rows += "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLSPACING=\"3\"><TR>\(cells)</TR></TABLE></TD></TR>"
        }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\">\(rows)</TABLE>"
    }
}

/// Colours for groups: the seven largest groups (by people) get the palette's colours,
/// the rest (and nodes without a value) share a neutral grey, named in the
/// legend. Groups are ranked over the whole network (or only over the nodes
/// drawn), so that every map of one network colours a group alike.
struct GroupColouring: Sendable {
    let legendEntries: [(colour: String, label: String)]
    private let nodeColour: [String]

    /// - Parameters:
    ///   - values: each node's group, for every node of the network.
    ///   - weights: what each node counts for in its group's size (its people, for an organisation).
    ///   - drawn: which nodes the map draws (the legend names only their groups).
    ///   - rankingByNetwork: rank groups by their size over all nodes, not only those drawn.
    init(values: [String?], weights: [Int], drawn: [Bool], rankingByNetwork: Bool) {
        var counts: [String: Int] = [:]
        var display: [String: String] = [:]
        var present = Set<String>()
        var hasUnknown = false
        for (node, value) in values.enumerated() {
            guard let value else {
                if drawn[node] { hasUnknown = true }
                continue
            }
            let key = NameKey.key(value)
            if drawn[node] { present.insert(key) }
            guard rankingByNetwork || drawn[node] else { continue }
            counts[key, default: 0] += weights[node]
            if display[key] == nil { display[key] = value }
        }
        let ranked = counts.keys.sorted { (counts[$0]!, display[$1]!) > (counts[$1]!, display[$0]!) }
        let coloured = Array(ranked.prefix(Palette.groups.count))
        var colourOf: [String: String] = [:]
        for (index, key) in coloured.enumerated() { colourOf[key] = Palette.groups[index] }
        var entries = coloured.filter(present.contains).map { (colour: colourOf[$0]!, label: display[$0]!) }
        let others = ranked.dropFirst(coloured.count).filter(present.contains)
        if !others.isEmpty {
            entries.append((Palette.other, "\(others.count) other\(others.count == 1 ? "" : "s") (\(others.prefix(3).map { display[$0]! }.joined(separator: ", "))\(others.count > 3 ? " ..." : ""))"))
        }
        if hasUnknown && others.isEmpty { entries.append((Palette.other, "unknown")) }
        legendEntries = entries
        nodeColour = values.map { value in value.flatMap { colourOf[NameKey.key($0)] } ?? Palette.other }
    }

    func colour(of node: Int) -> String { nodeColour[node] }
}
