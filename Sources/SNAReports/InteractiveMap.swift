import Foundation
import SNAAssessments
import SNACore
import SNAIO
import SNAMaps

/// An interactive view of one map, for screens: the static map's own SVG
/// (so the layout, the colours and the marks for gatekeepers, bridges and
/// weak links are the static map's), with pan and zoom, search as you type,
/// filters by theme, organisation and layer, a switch that hides people with
/// no ties in view, and a panel with a node's figures and every finding that
/// names it. The script is plain JavaScript written for snatool
/// (``InteractiveMapAssets``), inline; nothing is fetched. Names come from the
/// analysed network, so an anonymised report's view holds pseudonyms only.
///
/// ```swift
/// let view = InteractiveMap(analysis: analysis, selectionID: "all", map: map, svg: svg, label: "Map of all ties")
/// let page = InteractiveMap.page(title: "All ties", view: view)
/// ```
public struct InteractiveMap: Sendable {
    /// The view's markup (controls, map, panel and its data), for inside a page.
    public let fragment: String

    /// Builds the view of `map`, drawn as `svg`.
    ///
    /// - Parameters:
    ///   - analysis: the analysis the map was drawn from.
    ///   - selectionID: the theme id (or `all`) the map shows; its figures and findings fill the panel.
    ///   - label: the map's accessible name.
    ///   - id: the view's id, unique in the page (SVG ids are prefixed with it).
    public init(analysis: PartnershipAnalysis, selectionID: String, map: NetworkMap, svg: Data, label: String, id: String = "explore") {
        let e = HTMLText.escape
        let network = analysis.network
        let nodesArePeople = analysis.options.level == .people && network.unit == .people
        let showsThemes = selectionID == Theme.allID && network.themes.count > 1
        let data = Self.data(analysis: analysis, selectionID: selectionID, map: map, prefix: id, themes: showsThemes)
        let unit = nodesArePeople ? "person or organisation" : "organisation"
        var html = "<div class=\"explore\" id=\"\(e(id))\" data-prefix=\"\(e(id))\">"
        html += "<div class=\"explore-controls\" role=\"search\">"
        html += "<label>Find a \(unit) <input type=\"search\" class=\"explore-search\" autocomplete=\"off\" placeholder=\"Type a name\" aria-controls=\"\(e(id))-results\"/></label>"
        if showsThemes {
            html += "<label>Theme <select class=\"explore-theme\"><option value=\"-1\">All themes</option>"
            for (index, theme) in network.themes.enumerated() { html += "<option value=\"\(index)\">\(e(theme.label))</option>" }
            html += "</select></label>"
        }
        if nodesArePeople {
            let organisations = Set(map.drawnNodes.compactMap { network.organisation(ofPerson: $0) }).sorted { network.organisations[$0].name < network.organisations[$1].name }
            html += "<label>Organisation <select class=\"explore-organisation\"><option value=\"\">All organisations</option>"
            for organisation in organisations { html += "<option>\(e(network.organisations[organisation].name))</option>" }
            html += "</select></label>"
            let layers = Set(map.drawnNodes.compactMap { network.people[$0].layer })
            if !layers.isEmpty {
                html += "<label>Layer <select class=\"explore-layer\"><option value=\"\">All layers</option>"
                for layer in Layer.allCases where layers.contains(layer) { html += "<option>\(layer.rawValue)</option>" }
                html += "</select></label>"
            }
        }
        html += "<label class=\"explore-check\"><input type=\"checkbox\" class=\"explore-isolates\"/> Hide \(nodesArePeople ? "people" : "partners") with no ties in view</label>"
        html += "<span class=\"explore-zoom\"><button type=\"button\" data-zoom=\"in\" aria-label=\"Zoom in\">+</button><button type=\"button\" data-zoom=\"out\" aria-label=\"Zoom out\">\u{2212}</button><button type=\"button\" data-zoom=\"reset\">Whole map</button></span>"
        html += "<ul class=\"explore-results\" id=\"\(e(id))-results\" role=\"listbox\" aria-label=\"Matches\"></ul></div>"
        html += "<div class=\"explore-body\"><div class=\"explore-map\" tabindex=\"0\" aria-label=\"\(e(label)): drag to move, wheel or + and \u{2212} to zoom, Tab to the nodes and Enter to open one\">"
        html += ReportCharts.inline(svg: String(decoding: svg, as: UTF8.self), label: label, prefix: id)
        html += "</div><aside class=\"explore-panel\" aria-live=\"polite\"><p class=\"explore-hint\">Search for a name, or click a node, to see its figures and the findings that name it.</p></aside></div>"
        html += "<script type=\"application/json\" class=\"explore-data\">\(data)</script></div>"
        fragment = html
    }

    /// A whole page (XHTML) holding one view, its style and its script: what
    /// `snatool map ... -o FILE.html` writes.
    public static func page(title: String, view: InteractiveMap) -> String {
        let body = "<h1>\(HTMLText.escape(title))</h1>\n\(view.fragment)\n<script>//<![CDATA[\n\(InteractiveMapAssets.script)\n//]]></script>\n"
        return ReportStyle.page(title: title, body: body)
    }

    // MARK: Data

    /// The view's data as JSON, safe inside XHTML (no `<`, `>` or `&`, no character XML forbids).
    static func data(analysis: PartnershipAnalysis, selectionID: String, map: NetworkMap, prefix: String, themes: Bool) -> String {
        let network = analysis.network
        let names = analysis.nodeNames
        let nodesArePeople = analysis.options.level == .people && network.unit == .people
        let selection = analysis.selection(selectionID) ?? analysis.selections[0]
        let findings = analysis.findings(focusingOn: selection.id)
        // A finding names a node through its subjects; a finding about an organisation also names its people.
        var findingsNaming: [Int: [Int]] = [:]
        var findingsNamingOrganisation: [Int: [Int]] = [:]
        for (index, finding) in findings.enumerated() {
            for subject in Set(finding.subjects) {
                if let node = analysis.node(of: subject) {
                    findingsNaming[node, default: []].append(index)
                } else {
                    findingsNamingOrganisation[subject.index, default: []].append(index)
                }
            }
        }
        let m = selection.metrics
        let between = m.brokerage.raw.map { $0.total - $0[.coordinator] }
        // Tie ratings in the panel: each measure (each item when the survey declares no measure) that some tie
        // of the selection is rated on, the mean received and given.
        let ratings = nodesArePeople ? network.ratingSummary(selection.selection) : nil
        let items = network.ratingSet.items.count, measured = !network.ratingSet.measures.isEmpty
        let shownScores = ratings.map { summary in
            summary.scores.indices.filter { (measured ? $0 >= items : $0 < items) && summary.overall[$0].count > 0 }
        } ?? []
        let j = JSONText.string
        var out = "{\"prefix\":\(j(prefix)),\"themes\":[" + (themes ? network.themes.map { j($0.label) }.joined(separator: ",") : "") + "],\"findings\":["
        out += findings.map { "{\"kind\":\(j(FindingWording.title(of: $0.kind))),\"headline\":\(j(FindingWording.headline($0))),\"evidence\":\(j(FindingWording.evidence($0)))}" }.joined(separator: ",")
        out += "],\"nodes\":["
        out += map.drawnNodes.map { v -> String in
            let organisation = nodesArePeople ? network.organisation(ofPerson: v).map { network.organisations[$0].name } : nil
            let figures: [(String, String)] = [
                ("Ties (either direction)", "\(m.degree[v])"),
                ("Betweenness", ReportCharts.number(m.paths.betweenness[v], places: 1)),
                ("Removal impact", ReportCharts.number(m.cutPoints.removalImpact[v], places: 3)),
                ("Brokerage between groups", "\(Int(between[v]))"),
            ] + shownScores.flatMap { score -> [(String, String)] in
                guard let ratings else { return [] }
                func mean(_ value: RatingMean) -> String { value.mean.map { "\(ReportCharts.number($0, places: 2)) (\(value.count))" } ?? "-" }
                let label = ratings.scores[score].label
                return [("\(label), received", mean(ratings.personReceived[score][v])), ("\(label), given", mean(ratings.personGiven[score][v]))]
            }
            var node = "{\"i\":\(v),\"name\":\(j(names[v]))"
            if let organisation {
                let naming = analysis.nodeOrganisation[v].flatMap { findingsNamingOrganisation[$0] } ?? []
                node += ",\"org\":\(j(organisation)),\"orgFindings\":[\(naming.map(String.init).joined(separator: ","))]"
            }
            if nodesArePeople, let layer = network.people[v].layer { node += ",\"layer\":\(j(layer.rawValue))" }
            node += ",\"figures\":[" + figures.map { "[\(j($0.0)),\(j($0.1))]" }.joined(separator: ",") + "]"
            node += ",\"findings\":[\((findingsNaming[v] ?? []).map(String.init).joined(separator: ","))]}"
            return node
        }.joined(separator: ",")
        out += "],\"edges\":["
        let themesOfPair = themes ? Self.themesOfPairs(network: network, level: analysis.options.level) : [:]
        out += map.drawnEdges.map { edge -> String in
            let key = Int64(min(edge.from, edge.to)) << 32 | Int64(max(edge.from, edge.to))
            let themeList = (themesOfPair[key] ?? []).sorted().map(String.init).joined(separator: ",")
            return "[\(edge.from),\(edge.to),[\(themeList)]]"
        }.joined(separator: ",")
        return out + "]}"
    }

    /// The themes of each unordered pair of nodes (people, or organisations at organisation level).
    static func themesOfPairs(network: PartnershipNetwork, level: AnalysisLevel) -> [Int64: Set<Int>] {
        var result: [Int64: Set<Int>] = [:]
        for tie in network.ties {
            guard let theme = tie.theme else { continue }
            var a = tie.source, b = tie.target
            if level == .organisations && network.unit == .people {
                guard let x = network.organisation(ofPerson: a), let y = network.organisation(ofPerson: b), x != y else { continue }
                a = x
                b = y
            }
            result[Int64(min(a, b)) << 32 | Int64(max(a, b)), default: []].insert(theme)
        }
        return result
    }
}

/// JSON strings that can sit inside an XHTML `<script>` element.
enum JSONText {
    /// `text` as a JSON string literal: quotes, backslashes and control
    /// characters escaped, `<`, `>` and `&` as `\u` escapes (so the element
    /// stays well-formed XML and cannot be closed early), U+2028 and U+2029
    /// escaped, characters XML forbids replaced by U+FFFD.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "<", ">", "&", "\u{2028}", "\u{2029}": out += String(format: "\\u%04x", scalar.value)
            default:
                if scalar.value < 0x20 || scalar.properties.generalCategory == .control {
                    out += String(format: "\\u%04x", scalar.value)
                } else if !XMLCharacters.isAllowed(scalar) {
                    out += "\\ufffd"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
