import Foundation
import SNAAssessments
import SNACore
import SNAMaps

/// The report's maps, drawn from the report's one analysis: every theme's
/// map reads its metrics and findings from it. The map of all themes is laid
/// out once, and every theme's map keeps its places (only the edges are drawn
/// again), so a person sits in the same spot on every map and no theme costs
/// another layout. People with no tie in a theme are listed under its map,
/// not drawn.
///
/// Above ``ReportOptions/personMapLimit`` people the report draws no
/// per-person maps (their layout would take minutes and print as a blur) and
/// says so; the organisation map is still drawn.
struct ReportMaps {
    /// The people-level analysis shared with the rest of the report.
    let analysis: PartnershipAnalysis
    /// The organisation-level analysis behind the organisation map (one node
    /// per organisation), when the survey's nodes are people.
    let organisationAnalysis: PartnershipAnalysis?
    /// Whether per-person maps are drawn.
    let drawsPeople: Bool
    /// The most people drawn per map.
    let limit: Int
    /// The map of all themes, laid out once, whose places (and text scale) every theme's map keeps.
    let whole: Drawn?

    /// A map drawn for the page: its SVG, its places and the text scale that
    /// keeps its labels at least 8 points when printed at page width.
    struct Drawn {
        let map: NetworkMap
        let svg: Data
        let positions: [MapPoint?]
        let scale: Double
    }

    /// The drawing area of a map on an A4 page, in points: the width of the
    /// text column and the height left beside the legend.
    static let page = (width: 470.0, height: 480.0)

    /// Above this many nodes the layout uses sfdp (seconds) rather than neato (minutes at a few thousand).
    static let neatoLimit = 400

    init(analysis: PartnershipAnalysis, options: ReportOptions) {
        self.analysis = analysis
        let network = analysis.network
        limit = options.personMapLimit
        drawsPeople = network.people.count <= options.personMapLimit
        organisationAnalysis = analysis.nodesArePeople ? PartnershipAnalysis(network: network, options: analysis.options.atOrganisationLevel) : nil
        if drawsPeople, let all = analysis.judgedSelection {
            var mapOptions = Self.options(for: all, level: analysis.options.level)
            mapOptions.engine = all.graph.nodeCount <= Self.neatoLimit ? .neato : .sfdp
            whole = Self.drawForPage(analysis: analysis, options: mapOptions, nodeCount: all.graph.nodeCount)
        } else {
            whole = nil
        }
    }

    static func options(for selection: SelectionAnalysis, level: AnalysisLevel) -> MapOptions {
        var options = MapOptions()
        options.selection = selection.selection
        options.level = level
        options.omitIsolates = true
        return options
    }

    /// A note, when per-person maps are left out, saying why and how to draw one.
    var sizeNote: String {
        guard !drawsPeople else { return "" }
        let count = analysis.network.people.count
        let organisations = organisationAnalysis == nil ? "" : " The organisation map (under Organisations) shows the partnership one node per organisation."
        return "<p class=\"caution\"><strong>No per-person maps:</strong> the survey has \(count) \(analysis.network.unit == .people ? "people" : "organisations"), more than the \(limit) a map can show legibly on a page, so the themes are described by their figures and tables.\(organisations) <code>snatool map</code> draws any theme, or one person's neighbourhood.</p>"
    }

    /// The interactive view of the map of all themes (the same SVG), or `nil` when no per-person map is drawn.
    func explorer(label: String) -> String? {
        guard let whole else { return nil }
        // Its own id: the section around it is "explore", and ids must be unique in the page.
        return InteractiveMap(analysis: analysis, selectionID: whole.map.selectionID, map: whole.map, svg: whole.svg, label: label, id: "explore-map").fragment
    }

    /// The map of one theme (or all themes) at the analysed level, in the
    /// places of the map of all themes, or nothing above the size limit.
    func figure(of selection: SelectionAnalysis, label: String) -> String {
        guard drawsPeople else { return "" }
        let prefix = "map-" + selection.id
        if selection.id == whole?.map.selectionID, let whole {
            return Self.figure(map: whole.map, svg: whole.svg, analysis: analysis, label: label, prefix: prefix)
        }
        var options = Self.options(for: selection, level: analysis.options.level)
        options.positions = whole?.positions
        options.textScale = whole?.scale ?? 1
        guard let map = try? NetworkMap(analysis: analysis, options: options, source: "survey"), let svg = try? map.render(as: .svg) else {
            return Self.failure
        }
        return Self.figure(map: map, svg: svg, analysis: analysis, label: label, prefix: prefix)
    }

    /// The map of the organisations.
    func organisationFigure(label: String) -> String {
        guard let organisationAnalysis else { return "" }
        var options = MapOptions()
        options.level = .organisations
        guard let drawn = Self.drawForPage(analysis: organisationAnalysis, options: options, nodeCount: organisationAnalysis.nodeNames.count) else {
            return Self.failure
        }
        return Self.figure(map: drawn.map, svg: drawn.svg, analysis: organisationAnalysis, label: label, prefix: "map-organisations")
    }

    /// Lays a map out once; when the layout is larger than the page, draws it
    /// again in the same places (no second layout) with text and lines
    /// enlarged, so that they print at a readable size.
    static func drawForPage(analysis: PartnershipAnalysis, options: MapOptions, nodeCount: Int) -> Drawn? {
        guard let map = try? NetworkMap(analysis: analysis, options: options, source: "survey"),
              let laidOut = try? LaidOutMap(map, nodeCount: nodeCount) else { return nil }
        let scale = laidOut.textScale(toFitWidth: page.width, height: page.height)
        guard scale > 1.05 else { return Drawn(map: map, svg: laidOut.svg, positions: laidOut.positions, scale: 1) }
        var pinned = options
        pinned.positions = laidOut.positions
        pinned.textScale = scale
        guard let scaled = try? NetworkMap(analysis: analysis, options: pinned, source: "survey"), let svg = try? scaled.render(as: .svg) else {
            return Drawn(map: map, svg: laidOut.svg, positions: laidOut.positions, scale: 1)
        }
        return Drawn(map: scaled, svg: svg, positions: laidOut.positions, scale: scale)
    }

    static let failure = "<p class=\"caution\">The map could not be drawn.</p>"

    static func figure(map: NetworkMap, svg: Data, analysis: PartnershipAnalysis, label: String, prefix: String) -> String {
        let e = HTMLText.escape
        var html = "<figure class=\"map\">\(ReportCharts.inline(svg: String(decoding: svg, as: UTF8.self), label: label, prefix: prefix))<figcaption>\(e(label)); the legend is under the map. On screen, hover over a node for its name; labels name the largest nodes and every gatekeeper.</figcaption></figure>"
        if !map.omitted.isEmpty {
            let names = map.omitted.map { analysis.nodeNames[$0] }.sorted()
            html += "<details class=\"omitted\"><summary>\(names.count) not drawn: no ties on this map</summary><p>\(names.map(e).joined(separator: "; "))</p></details>"
        }
        if !map.fragments.isEmpty {
            let groups = map.fragments.map { $0.map { analysis.nodeNames[$0] }.sorted().map(e).joined(separator: " \u{2013} ") }
            html += "<details class=\"omitted\"><summary>\(groups.count) small group\(groups.count == 1 ? "" : "s") not drawn: tied only among themselves</summary><ul>\(groups.map { "<li>\($0)</li>" }.joined())</ul></details>"
        }
        return html
    }
}
