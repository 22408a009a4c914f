import Foundation
import SNAAssessments
import SNACore
import SNAMaps

/// The before and after maps of all themes for the report's "What changed"
/// section, side by side and in the same places: one layout of both waves'
/// people and ties together, whose positions each wave's map keeps, so that a
/// person present in both sits in the same spot on both maps.
enum ReportWaveMaps {
    /// The two maps as figures in a row, or a note when the waves are above
    /// `limit` people (as the report's other per-person maps).
    static func pair(before: PartnershipAnalysis, after: PartnershipAnalysis, limit: Int) -> String {
        let count = max(before.nodeNames.count, after.nodeNames.count)
        guard count <= limit else {
            return "<p class=\"caution\">No before and after maps: the surveys have more than the \(limit) people a map can show legibly.</p>"
        }
        let union = joint(before.network, after.network)
        let unionAnalysis = PartnershipAnalysis(network: union, options: after.options)
        guard let all = unionAnalysis.selection(Theme.allID) ?? unionAnalysis.judgedSelection else { return ReportMaps.failure }
        var options = ReportMaps.options(for: all, level: after.options.level)
        options.omitIsolates = false
        options.engine = all.graph.nodeCount <= ReportMaps.neatoLimit ? .neato : .sfdp
        guard let layout = ReportMaps.drawForPage(analysis: unionAnalysis, options: options, nodeCount: all.graph.nodeCount) else {
            return ReportMaps.failure
        }
        var place: [String: MapPoint] = [:]
        for (node, name) in unionAnalysis.nodeNames.enumerated() {
            if node < layout.positions.count, let point = layout.positions[node] { place[NameKey.key(name)] = point }
        }
        var html = "<div class=\"map-pair\">"
        for (analysis, label, prefix) in [(before, "Before: all themes", "map-before"), (after, "After: all themes", "map-after")] {
            guard let selection = analysis.selection(Theme.allID) ?? analysis.judgedSelection else { continue }
            var pinned = ReportMaps.options(for: selection, level: analysis.options.level)
            pinned.positions = analysis.nodeNames.map { place[NameKey.key($0)] }
            pinned.textScale = layout.scale
            guard let map = try? NetworkMap(analysis: analysis, options: pinned, source: "survey"), let svg = try? map.render(as: .svg) else {
                html += ReportMaps.failure
                continue
            }
            html += ReportMaps.figure(map: map, svg: svg, analysis: analysis, label: label, prefix: prefix)
        }
        return html + "</div>"
    }

    /// Both waves' people and ties in one network, for the shared layout.
    static func joint(_ first: PartnershipNetwork, _ second: PartnershipNetwork) -> PartnershipNetwork {
        var builder = NetworkBuilder(themeSet: second.themeSet)
        for network in [first, second] {
            for person in network.people { builder.addPerson(person.name, organisation: person.organisation, layer: person.layer) }
            for tie in network.ties {
                // Themes matched by id; a theme the later wave does not know is laid out as its first.
                let theme = tie.theme.flatMap { index in second.themeSet.themes.firstIndex { $0.id == network.themes[index].id } } ?? 0
                builder.addTie(from: network.people[tie.source].name, to: network.people[tie.target].name, themeIndex: theme)
            }
        }
        return (try? builder.build()) ?? second
    }
}
