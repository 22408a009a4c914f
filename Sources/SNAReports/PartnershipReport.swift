import Foundation
import SNAAssessments
import SNACore
import SNAIO
import SNAMaps

/// What goes into a report.
public struct ReportOptions: Sendable {
    /// The report's title.
    public var title: String = "How the partnership works together"
    /// The date printed on it.
    public var date: String = ""
    /// What the report's analysis computes: level, grouping, themes,
    /// symmetrisation, finding thresholds and expected links, as `analyse` takes them.
    public var analysis = AnalysisOptions()
    /// Delivery chain workshop scores to include.
    public var dca: DCAScores?
    /// The workshops set against the survey's network (``DCANetwork``), when the responses and the survey are both given.
    public var dcaNetwork: DCANetwork?
    /// Replace people's names with pseudonyms throughout (organisations kept).
    public var anonymise: Bool = false
    /// The pseudonyms' key (``Pseudonymiser``): the same key gives the same
    /// codes in every report and every output; `nil` draws a random key, so
    /// codes match no other run.
    public var pseudonymiser: Pseudonymiser?
    /// Organisations whose response rate is below this get a caution.
    public var lowResponse: Double = 0.6
    /// Above this many people (nodes) the report draws no per-person maps,
    /// only the organisation map, and says so (docs/report.md).
    public var personMapLimit: Int = 2000
    /// The previous survey wave, for a "What changed" section (`report --previous`).
    public var previous: PreviousWave?
    /// Sections from elsewhere (the money: `report --spend`), before the appendix.
    /// They name organisations only, which keep their names in an anonymised report.
    public var extraSections: [ReportSection] = []

    /// Creates options with the defaults.
    public init() {}
}

/// A self-contained HTML report of a partnership survey for a partnership
/// board: findings first, then each theme with its map, the organisations,
/// resilience, the delivery chain scores, and an appendix on method.
///
/// One file with everything inline (styles, maps as SVG, a small script that
/// sorts tables); well-formed XHTML so it can be checked as XML; every name
/// escaped; printable.
public struct PartnershipReport: Sendable {
    /// The HTML document.
    public let html: String

    /// Builds the report.
    ///
    /// - Parameters:
    ///   - network: the survey's network (anonymised here when asked).
    ///   - source: the survey file's name, for the report.
    ///   - layout: how it was read: `long` or `wide`, or `FORMAT network` for a network file of another tool (`GraphML network`).
    ///   - rows: the survey rows read (a network file's edges).
    /// - Throws: ``PseudonymError`` when anonymising finds two people with one code.
    public init(network original: PartnershipNetwork, source: String, layout: String, rows: Int, options given: ReportOptions) throws(PseudonymError) {
        // One key for the whole report (the previous wave's pseudonyms included), drawn at random when none is given.
        let pseudonymiser = given.pseudonymiser ?? Pseudonymiser()
        let anonymised = given.anonymise ? try original.anonymised(with: pseudonymiser) : nil
        let network = anonymised?.network ?? original
        var options = anonymised.map { given.anonymised(by: $0) } ?? given
        options.pseudonymiser = pseudonymiser
        let analysis = PartnershipAnalysis(network: network, options: options.analysis)
        let maps = ReportMaps(analysis: analysis, options: options)
        var sections: [(id: String, title: String, body: String)] = []
        sections.append(("summary", "Summary", Self.summary(network: network, analysis: analysis, options: options)))
        sections.append(("findings", "Key findings", Self.findings(analysis)))
        if let previous = options.previous {
            sections.append(("changes", "What changed", try Self.changes(since: previous, original: original, analysis: analysis,
                                                                          anonymised: anonymised, options: options, source: source)))
        }
        if let explorer = maps.explorer(label: "Interactive map of all ties") {
            sections.append(("explore", "Explore the network", "<p>Find a person or an organisation to centre the map on them and light up their ties; click a node (or Tab to it and press Enter) for its figures and every finding that names it. Filter by theme, organisation or layer; drag to move, use the wheel or the buttons to zoom. On paper, the maps under each theme stand in for this view.</p>" + explorer))
        }
        if network.unit == .people {
            sections.append(("response", "Who answered", Self.response(network: network, options: options)))
        }
        sections.append(("themes", "The network theme by theme", Self.themes(network: network, analysis: analysis, maps: maps)))
        if network.unit == .people {
            sections.append(("organisations", "Organisations", Self.organisations(network: network, analysis: analysis, maps: maps)))
        }
        if let ratings = Self.ratings(network: network, analysis: analysis) {
            sections.append(("ratings", "Trust and other tie ratings", ratings))
        }
        if let layers = Self.layers(analysis) { sections.append(("layers", "The layers of joint working", layers)) }
        sections.append(("overlap", "How the themes overlap", Self.overlap(network: network, analysis: analysis)))
        sections.append(("resilience", "If these people left", Self.resilience(analysis: analysis, network: network)))
        if let dca = options.dca { sections.append(("dca", "Delivery chains", Self.deliveryChains(dca))) }
        if let chain = options.dcaNetwork { sections.append(("dca-network", "Delivery chains and the network", Self.deliveryChainNetwork(chain))) }
        sections += options.extraSections.map { ($0.id, $0.title, $0.html) }
        sections.append(("appendix", "Appendix: data and method", Self.appendix(network: network, original: original, source: source, layout: layout, rows: rows, options: options, anonymised: anonymised)))

        let e = Self.e
        var body = "<header><h1>\(e(options.title))</h1><p class=\"meta\">\(e(source)) · \(network.people.count) \(network.unit == .people ? "people" : "organisations") · \(e(options.date))\(options.anonymise ? " · names replaced by pseudonyms" : "")</p>"
        body += "<nav aria-label=\"Contents\"><ol>" + sections.map { "<li><a href=\"#\($0.id)\">\(e($0.title))</a></li>" }.joined() + "</ol></nav></header>\n<main>\n"
        for section in sections {
            body += "<section id=\"\(section.id)\"><h2>\(e(section.title))</h2>\n\(section.body)\n</section>\n"
        }
        body += "</main>\n<script>//<![CDATA[\n\(ReportStyle.script)\n\(InteractiveMapAssets.script)\n//]]></script>\n"
        html = ReportStyle.page(title: options.title, body: body)
    }

    static func e(_ text: String) -> String { HTMLText.escape(text) }
    static func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }
    static func number(_ value: Double?, places: Int = 3) -> String { ReportCharts.number(value, places: places) }

    // MARK: Sections

    static func summary(network: PartnershipNetwork, analysis: PartnershipAnalysis, options: ReportOptions) -> String {
        let rate = network.responseRate
        let unit = network.unit == .people ? "people" : "organisations"
        var html = "<div class=\"figures\">"
        html += figure("\(network.people.count)", network.unit == .people ? "people in the network" : "partner organisations")
        if network.unit == .people { html += figure("\(network.organisations.count)", "organisations") }
        html += figure(percent(rate.rate), "answered the survey (\(rate.respondents) of \(rate.people))")
        html += figure("\(network.graph(.all).edgeCount)", "pairs tied in any theme")
        html += "</div>"
        html += "<p>The survey asked each respondent whom they are tied to in \(network.themes.isEmpty ? "one relation" : "\(network.themes.count) themes"). Everyone named is in the network, so \(unit) who did not answer still appear through the ties others named.</p>"
        html += "<table class=\"sortable\"><caption>Size of each theme's network</caption><thead><tr><th scope=\"col\">Theme</th><th scope=\"col\">Active \(unit)</th><th scope=\"col\">Ties</th><th scope=\"col\">Density</th><th scope=\"col\">Reciprocity</th><th scope=\"col\">Isolated</th></tr></thead><tbody>"
        for selection in analysis.selections {
            let g = selection.summary.graph
            html += "<tr><td>\(e(selection.label))</td><td>\(g.activeNodes)</td><td>\(g.ties)</td><td>\(number(g.density))</td><td>\(number(g.reciprocity))</td><td>\(g.isolates)</td></tr>"
        }
        html += "</tbody></table>"
        if network.unit == .people {
            let low = network.responseRatesByOrganisation.filter { !$0.isNoOrganisation && $0.rate < options.lowResponse }
            if !low.isEmpty {
                html += "<p class=\"caution\"><strong>Caution:</strong> fewer than \(percent(options.lowResponse)) of the people of \(low.count == 1 ? "one organisation" : "\(low.count) organisations") answered (\(e(low.map { $0.group ?? "" }.joined(separator: ", ")))). Their ties are seen mostly through what others named; read their figures with care.</p>"
            }
        }
        return html
    }

    static func response(network: PartnershipNetwork, options: ReportOptions) -> String {
        var html = ""
        do {
            let rates = network.responseRatesByOrganisation.sorted { ($0.rate, $0.group ?? "") < ($1.rate, $1.group ?? "") }
            html += "<table class=\"sortable\"><caption>Response by organisation, lowest first</caption><thead><tr><th scope=\"col\">Organisation</th><th scope=\"col\">People</th><th scope=\"col\">Answered</th><th scope=\"col\">Rate</th></tr></thead><tbody>"
            for rate in rates {
                let flag = !rate.isNoOrganisation && rate.rate < options.lowResponse ? " <span class=\"flag\">low</span>" : ""
                html += "<tr><td>\(e(rate.group ?? ""))</td><td>\(rate.people)</td><td>\(rate.respondents)</td><td data-sort=\"\(rate.rate)\">\(percent(rate.rate))\(flag)</td></tr>"
            }
            html += "</tbody></table>"
        }
        return html
    }

    static func figure(_ value: String, _ label: String) -> String {
        "<div class=\"figure\"><span class=\"value\">\(e(value))</span><span class=\"label\">\(e(label))</span></div>"
    }

    static func findings(_ analysis: PartnershipAnalysis) -> String {
        guard !analysis.findings.isEmpty else { return "<p>No finding passes the thresholds set (docs/findings.md).</p>" }
        var html = "<p>What the network shows, most important first within each kind. Each finding gives the evidence behind it and a response the partnership might consider.</p>"
        for kind in FindingKind.allCases {
            let findings = analysis.findings.filter { $0.kind == kind }
            guard let first = findings.first else { continue }
            html += "<h3>\(e(FindingWording.title(of: kind))) (\(findings.count))</h3><p class=\"why\">\(e(FindingWording.explanation(of: kind)))</p><ol class=\"findings\">"
            for finding in findings {
                html += "<li><p class=\"headline\">\(e(FindingWording.headline(finding)))</p><p class=\"evidence\">\(e(FindingWording.evidence(finding)))</p></li>"
            }
            html += "</ol><p class=\"response\"><strong>What to do:</strong> \(e(FindingWording.response(first)))</p>"
        }
        return html
    }

    static func themes(network: PartnershipNetwork, analysis: PartnershipAnalysis, maps: ReportMaps) -> String {
        var html = "<p>Each theme is a network of its own over the same people. The map shows who named whom; the figures say how dense and how centralised it is; the table names the people it depends on most.</p>"
        html += maps.sizeNote
        let names = analysis.nodeNames
        for selection in analysis.selections {
            let g = selection.summary.graph
            html += "<section class=\"theme\" id=\"theme-\(e(selection.id))\"><h3>\(e(selection.label))</h3>"
            html += maps.figure(of: selection, label: "Map of \(selection.label.lowercased()) ties")
            html += "<dl class=\"facts\">"
            let facts: [(String, String)] = [
                ("Active", "\(g.activeNodes) of \(g.nodes)"), ("Ties", "\(g.ties)"), ("Density", number(g.density)),
                ("Reciprocity", number(g.reciprocity)), ("Components", "\(g.weakComponents) (largest \(g.largestWeakComponent))"),
                ("Transitivity", number(selection.transitivity)), ("Mean distance", number(selection.distances.meanDistance, places: 2)),
                ("Betweenness centralisation", number(selection.betweennessCentralisation)),
            ]
            for (term, value) in facts { html += "<div><dt>\(e(term))</dt><dd>\(e(value))</dd></div>" }
            html += "</dl>"
            let m = selection.metrics
            let between = m.brokerage.raw.map { $0.total - $0[.coordinator] }
            let top = names.indices.filter { m.paths.betweenness[$0] > 0 || m.cutPoints.removalImpact[$0] > 0 }
                .sorted { (m.paths.betweenness[$0], names[$1]) > (m.paths.betweenness[$1], names[$0]) }.prefix(8)
            if !top.isEmpty {
                html += "<table class=\"sortable\"><caption>Who the \(e(selection.label.lowercased())) network depends on most</caption><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Betweenness</th><th scope=\"col\">Removal impact</th><th scope=\"col\">Brokerage between groups</th><th scope=\"col\">Degree</th></tr></thead><tbody>"
                for v in top {
                    html += "<tr><td>\(e(names[v]))</td><td>\(number(m.paths.betweenness[v], places: 1))</td><td>\(number(m.cutPoints.removalImpact[v]))</td><td>\(Int(between[v]))</td><td>\(m.degree[v])</td></tr>"
                }
                html += "</tbody></table>"
            }
            html += "</section>"
        }
        return html
    }

    static func organisations(network: PartnershipNetwork, analysis: PartnershipAnalysis, maps: ReportMaps) -> String {
        guard let whole = analysis.judgedSelection else { return "" }
        var html = "<p>The partnership seen as organisations: one node per organisation, sized by its people, with the ties between their people added up. Dashed orange lines are weak links.</p>"
        html += maps.organisationFigure(label: "Map of the organisations")
        let blocks = whole.organisationBlocks
        let order = blocks.groups.indices.filter { blocks.sizes[$0] > 0 }.sorted { blocks.sizes[$0] > blocks.sizes[$1] }
        let names = order.map { blocks.groups[$0] }
        let values = order.map { a in order.map { b -> Double? in blocks.density(a, b) } }
        html += ReportCharts.heatMap(caption: "Density of ties from each organisation (row) to each (column), all themes: the share of possible person-to-person ties that exist",
                                     rows: names, columns: names, columnAbbreviations: ReportCharts.abbreviations(names), values: values)
        html += "<table class=\"sortable\"><caption>Ties inside and across each organisation's boundary (E-I index: -1 all inside, +1 all across)</caption><thead><tr><th scope=\"col\">Organisation</th><th scope=\"col\">People</th><th scope=\"col\">Ties inside</th><th scope=\"col\">Ties out</th><th scope=\"col\">Ties in</th><th scope=\"col\">E-I index</th></tr></thead><tbody>"
        for g in order {
            let external = blocks.externalTies(g)
            html += "<tr><td>\(e(blocks.groups[g]))</td><td>\(blocks.sizes[g])</td><td>\(Int(blocks.internalTies(g)))</td><td>\(Int(external.out))</td><td>\(Int(external.in))</td><td>\(number(blocks.eiIndex(g), places: 2))</td></tr>"
        }
        html += "</tbody></table>"
        html += "<p>E-I index of the whole partnership: \(number(blocks.networkEIIndex, places: 2)).</p>"
        return html
    }

    /// The tie ratings of the network judged, when the survey rated ties: each
    /// rating's mean, each organisation's means received and given, and the
    /// pairs of organisations' means (the measures only, when the set has any).
    static func ratings(network: PartnershipNetwork, analysis: PartnershipAnalysis) -> String? {
        guard let whole = analysis.judgedSelection, let selection = network.selection(id: whole.id),
              let summary = network.ratingSummary(selection) else { return nil }
        func mean(_ m: RatingMean) -> String { m.mean.map { "\(number($0, places: 2)) (\(m.count))" } ?? "–" }
        var html = "<p>Respondents rated each tie they named. A figure is the mean rating, with the number of ratings in brackets; in all themes a pair tied in several themes counts once, with the mean of its themes' ratings. Ratings between people of one organisation are left out of the organisations' figures.</p>"
        html += "<table><caption>Mean rating of every rated tie</caption><thead><tr><th scope=\"col\">Rating</th><th scope=\"col\">Scale</th><th scope=\"col\">Mean</th><th scope=\"col\">Ratings</th></tr></thead><tbody>"
        // Items and measures nobody rated (a preset's value items on a survey that asked only trust) are named, not tabled.
        let rated = summary.scores.indices.filter { summary.overall[$0].count > 0 }
        for s in rated {
            let score = summary.scores[s]
            html += "<tr><td>\(e(score.label))</td><td>\(number(score.minimum, places: 0))–\(number(score.maximum, places: 0))</td><td>\(number(summary.overall[s].mean, places: 2))</td><td>\(summary.overall[s].count)</td></tr>"
        }
        html += "</tbody></table>"
        let unrated = summary.scores.indices.filter { summary.overall[$0].count == 0 }.map { summary.scores[$0].label }
        if !unrated.isEmpty { html += "<p>Declared but not rated in this survey: \(e(FindingWording.list(unrated, limit: 12))).</p>" }
        let shown = (network.ratingSet.measures.isEmpty ? rated : rated.filter { summary.scores[$0].items.count > 1 })
        guard let first = shown.first else { return html }
        let organisations = network.organisations.indices.filter { o in
            shown.contains { summary.organisationReceived[$0][o].count + summary.organisationGiven[$0][o].count > 0 }
        }
        guard !organisations.isEmpty else { return html }
        html += "<table class=\"sortable\"><caption>Each organisation's ratings from and to other organisations</caption><thead><tr><th scope=\"col\">Organisation</th>"
        for s in shown { html += "<th scope=\"col\">\(e(summary.scores[s].label)) received</th><th scope=\"col\">\(e(summary.scores[s].label)) given</th>" }
        html += "</tr></thead><tbody>"
        for o in organisations {
            html += "<tr><td>\(e(network.organisations[o].name))</td>"
            for s in shown { html += "<td>\(mean(summary.organisationReceived[s][o]))</td><td>\(mean(summary.organisationGiven[s][o]))</td>" }
            html += "</tr>"
        }
        html += "</tbody></table>"
        let names = organisations.map { network.organisations[$0].name }
        let values = organisations.map { a in organisations.map { b in summary.pair(from: a, to: b)?.means[first].mean } }
        let score = summary.scores[first]
        html += ReportCharts.heatMap(caption: "\(score.label): the mean rating people of each organisation (row) gave people of each (column), on a \(number(score.minimum, places: 0))–\(number(score.maximum, places: 0)) scale",
                                     rows: names, columns: names, columnAbbreviations: ReportCharts.abbreviations(names), values: values, scaleMax: score.maximum)
        return html
    }

    static func overlap(network: PartnershipNetwork, analysis: PartnershipAnalysis) -> String {
        guard network.themes.count > 1 else { return "<p>The survey asked about one relation, so there is no overlap to show.</p>" }
        let labels = network.themes.map(\.label)
        return "<p>How far the same ties appear in two themes (Jaccard similarity: ties in both over ties in either). High overlap means the themes run through the same relationships; low overlap means different people are relied on for different things.</p>"
            + ReportCharts.heatMap(caption: "Overlap of the themes' ties", rows: labels, columns: labels, values: Array(analysis.themeOverlap), scaleMax: 1)
    }

    static func resilience(analysis: PartnershipAnalysis, network: PartnershipNetwork) -> String {
        guard let whole = analysis.judgedSelection, !whole.resilience.isEmpty else {
            return "<p>No single departure would disconnect anyone: the network of all themes has no cut-point.</p>"
        }
        let names = analysis.nodeNames
        let points = whole.resilience.map { (label: names[$0.node], value: $0.connectivityLeft) }
        var html = "<p>If the people whose departure would disconnect most others left one after another, this share of the pairs who can reach each other now would still be connected (all themes, ties in either direction).</p>"
        html += "<figure>\(ReportCharts.resilience(points: points, title: "Pairs still connected as the most damaging departures happen one after another"))</figure>"
        html += "<table><caption>The departures behind the chart</caption><thead><tr><th scope=\"col\">Step</th><th scope=\"col\">Who leaves</th><th scope=\"col\">Pairs disconnected by this departure</th><th scope=\"col\">Pairs still connected</th></tr></thead><tbody>"
        for (index, step) in whole.resilience.enumerated() {
            html += "<tr><td>\(index + 1)</td><td>\(e(names[step.node]))</td><td>\(percent(step.impact))</td><td>\(percent(step.connectivityLeft))</td></tr>"
        }
        return html + "</tbody></table>"
    }

    static func deliveryChains(_ scores: DCAScores) -> String {
        var html = "<p>Delivery chain workshops: partners scored the twelve delivery chain questions from 1 (not in place) to 4 (fully in place) for each outcome. Lower is weaker; ratings: red below \(number(scores.instrument.rating.redBelow, places: 1)), amber below \(number(scores.instrument.rating.amberBelow, places: 1)), green otherwise.</p>"
        html += "<div class=\"scroll\"><table class=\"heat wrap\"><caption>Mean score per question and outcome</caption><thead><tr><th scope=\"col\">Question</th>"
        for outcome in scores.outcomes { html += "<th scope=\"col\">\(e(outcome.outcome))</th>" }
        html += "</tr></thead><tbody>"
        for question in scores.instrument.questions {
            html += "<tr><th scope=\"row\">\(question.id). \(e(question.text))</th>"
            for outcome in scores.outcomes {
                let q = outcome.question(question.id)!
                if let mean = q.mean, let rating = q.rating {
                    html += "<td class=\"rag \(rating.rawValue)\">\(number(mean, places: 2)) <span class=\"word\">\(rating.rawValue)</span></td>"
                } else {
                    html += "<td class=\"empty\">–</td>"
                }
            }
            html += "</tr>"
        }
        html += "</tbody></table></div>"
        for outcome in scores.outcomes {
            html += "<h3>\(e(outcome.outcome))</h3><p>\(outcome.participants.count) participants; overall \(number(outcome.overall, places: 2)) (\(outcome.overallRating?.rawValue ?? "–")). The chain is weakest at:</p><ol>"
            let weakest = outcome.weakest(3)
            if weakest.isEmpty { html += "<li>No question is rated red or amber.</li>" }
            for q in weakest {
                html += "<li>\(e(q.question.text)) (mean \(number(q.mean, places: 2)), \(q.rating?.rawValue ?? "–"))</li>"
            }
            html += "</ol>"
        }
        return html
    }

    static func appendix(network: PartnershipNetwork, original: PartnershipNetwork, source: String, layout: String, rows: Int,
                         options: ReportOptions, anonymised: AnonymisedNetwork?) -> String {
        // A network file of another tool comes as "FORMAT network": its rows are edges.
        let read = layout.hasSuffix(" network") ? "Network file \(e(source)) (\(e(String(layout.dropLast(" network".count))))), \(rows) edges"
            : "Survey file \(e(source)), \(e(layout)) layout, \(rows) rows"
        var html = "<h3>Data</h3><p>\(read): \(network.people.count) \(network.unit == .people ? "people in \(network.organisations.count) organisations" : "organisations"), \(network.ties.count) ties, \(network.themes.isEmpty ? "one relation" : "themes: " + network.themes.map(\.label).joined(separator: ", ")).</p>"
        if !original.warnings.isEmpty {
            var codes: [String: Int] = [:]
            for warning in original.warnings { codes[warning.code, default: 0] += 1 }
            html += "<p>The import applied its rules \(original.warnings.count) time\(original.warnings.count == 1 ? "" : "s") (\(e(codes.keys.sorted().map { "\($0): \(codes[$0]!)" }.joined(separator: ", ")))); `snatool analyse` lists each.</p>"
        }
        if let anonymised {
            if anonymised.renamedEveryNode {
                html += "<p>The survey names no organisations, so its nodes may be people: every node's name is replaced by a pseudonym (\"Member\" and a code).</p>"
            } else {
                html += "<p>People's names are replaced by pseudonyms (\"Person\" and a code, the same for the same name throughout this report\(anonymised.keyIsRandom ? "" : " and in every output made with the same key")); organisations keep their names.</p>"
            }
        }
        html += "<h3>Method</h3><p>Ties are directed: the respondent named the contact. Each theme is analysed on its own and all themes together (a tie's weight is the number of themes it appears in). Path measures (betweenness, closeness, distances) and brokerage use the ties unweighted; degree, clustering, cores, cut-points and removal impact use ties in either direction. Every measure was checked against igraph, networkx and R's sna on the bundled data.</p>"
        html += "<h3>Definitions</h3><dl class=\"definitions\">"
        let definitions: [(String, String)] = [
            ("Density", "The share of possible ties (ordered pairs) that exist."),
            ("Reciprocity", "The share of ties that are returned."),
            ("Betweenness", "How many shortest paths between other people pass through a person (Brandes' algorithm, ordered pairs)."),
            ("Removal impact", "The share of connected pairs of other people that would lose their connection if the person left."),
            ("Brokerage", "Gould and Fernandez's roles: how often a person links two others who are not tied to each other, by the groups involved (coordinator, itinerant, gatekeeper, representative, liaison)."),
            ("Cut-point, bridge", "A person, or a single tie, whose removal splits the network."),
            ("Transitivity", "The share of connected triples that are closed triangles."),
            ("Centralisation", "How far the network is from a star (Freeman): 0 when all are equal, 1 when one person holds everything."),
            ("E-I index", "Ties across organisations minus ties inside, over all ties (Krackhardt and Stern)."),
            ("Weak link", "Two organisations with at most a quarter of the ties their ties with everyone else would lead one to expect."),
        ]
        for (term, definition) in definitions { html += "<dt>\(e(term))</dt><dd>\(e(definition))</dd>" }
        html += "</dl><p>Full conventions: docs/metrics.md and docs/findings.md in snatool.</p>"
        return html
    }
}
