import Foundation
import SNACore

extension AnalysisOutput {
    /// The analysis as text for a terminal: findings first, then the themes,
    /// the top people per metric, the organisations and the response.
    public func text(top: Int = 5) -> String {
        var out = header()
        out += findingsText()
        out += themesText()
        out += topText(top: top)
        out += organisationsText()
        out += layersText()
        out += ratingsText()
        out += responseText()
        out += Self.warningsText(analysis.warnings, naming: inputNaming)
        return out
    }

    private func header() -> String {
        let rate = network.responseRate
        let count = FindingWording.count as (Int, String, String) -> String
        var out = survey.format.map { "Network: \(survey.file) (\($0.title), \(count(survey.rows, "edge", "edges")))\n" }
            ?? "Survey: \(survey.file) (\(survey.layout.rawValue) layout, \(count(survey.rows, "row", "rows")))\n"
        out += "Network: \(network.unit == .people ? count(network.people.count, "person", "people") : count(network.people.count, "organisation", "organisations") + " (organisation-level survey)")"
        if network.unit == .people { out += " in \(count(network.organisations.count, "organisation", "organisations"))" }
        if network.themes.isEmpty {
            out += ", \(count(network.ties.count, "tie", "ties")) (one relation, no themes)\n"
        } else {
            let themes = count(network.themes.count, "theme", "themes")
            out += ", \(count(network.ties.count, "tie", "ties")) across \(themes) (\(count(network.graph(.all).edgeCount, "distinct pair", "distinct pairs")))\n"
        }
        out += "Response: \(rate.respondents) of \(rate.people) answered (\(Self.percent(rate.rate)))\n"
        if analysis.options.level == .organisations { out += "Level: organisations (ties between people aggregated to their organisations)\n" }
        if analysis.options.symmetrisation != .none { out += "Ties symmetrised: \(analysis.options.symmetrisation.rawValue)\n" }
        return out
    }

    private func findingsText() -> String {
        var out = "\nFindings\n"
        guard !analysis.findings.isEmpty else { return out + "  None at the current thresholds (see docs/findings.md).\n" }
        let width = 100
        var number = 0
        for kind in FindingKind.allCases {
            let findings = analysis.findings.filter { $0.kind == kind }
            guard let first = findings.first else { continue }
            out += "\n  \(FindingWording.title(of: kind)) (\(findings.count))\n"
            for finding in findings {
                number += 1
                let label = "\(number). "
                out += TextWrap.wrap(FindingWording.headline(finding), width: width, first: "  " + label, rest: String(repeating: " ", count: 2 + label.count))
                out += TextWrap.wrap(FindingWording.evidence(finding), width: width, first: "     ", rest: "     ")
            }
            out += TextWrap.wrap("What to do: " + FindingWording.response(first), width: width, first: "  ", rest: "  ")
        }
        return out
    }

    private func themesText() -> String {
        let people = analysis.options.level == .people && network.unit == .people
        var shape = TextTable(header: [
            "theme", people ? "people" : "orgs", "active", "ties", "density", "reciprocity",
            "weak comp.", "largest", "strong comp.", "largest", "isolates",
        ])
        var figures = TextTable(header: ["theme", "transitivity", "diameter", "mean dist.", "degree centr.", "betw. centr.", "E-I index"])
        for selection in analysis.selections {
            let g = selection.summary.graph
            shape.append([
                selection.id, String(g.nodes), String(g.activeNodes), String(g.ties), Self.decimal(g.density),
                g.reciprocity.map(Self.decimal) ?? "-", String(g.weakComponents), String(g.largestWeakComponent),
                String(g.strongComponents), String(g.largestStrongComponent), String(g.isolates),
            ])
            figures.append([
                selection.id, Self.decimal(selection.transitivity), String(selection.distances.diameter),
                selection.distances.meanDistance.map(Self.decimal) ?? "-", Self.decimal(selection.degreeCentralisation),
                Self.decimal(selection.betweennessCentralisation), selection.organisationBlocks.networkEIIndex.map(Self.decimal) ?? "-",
            ])
        }
        return "\nThemes\n" + shape.rendered(indent: "  ") + "\n" + figures.rendered(indent: "  ")
            + "  (distances follow tie direction within the largest weak component; E-I index: ties between organisations against ties within)\n"
    }

    private func topText(top: Int) -> String {
        guard let whole = analysis.judgedSelection, top > 0 else { return "" }
        let m = whole.metrics
        let between = m.brokerage.raw.map { $0.total - $0[.coordinator] }
        // (title, values, whether the values are counts, printed as whole numbers)
        let metrics: [(String, [Double], Bool)] = [
            ("betweenness", m.paths.betweenness, false),
            ("removal impact", m.cutPoints.removalImpact, false),
            ("brokerage between groups", between, true),
            ("eigenvector", m.eigenvector, false),
            ("pagerank", m.pageRank, false),
            ("harmonic closeness", m.paths.harmonic, false),
        ]
        let noun = analysis.options.level == .people && network.unit == .people ? "people" : "partners"
        var out = "\nTop \(noun) (\(whole.label.lowercased()))\n"
        for (title, values, isCount) in metrics {
            let ranked = names.indices.filter { values[$0] > 0 }.sorted { (values[$0], names[$1]) > (values[$1], names[$0]) }.prefix(top)
            guard !ranked.isEmpty else { continue }
            out += "  \(title)\(title == "eigenvector" ? Self.approximateNote(m.eigenvectorIteration) : "")\n"
            var table = TextTable(header: ["#", "name", "value"], alignments: [.right, .left, .right])
            for (rank, v) in ranked.enumerated() {
                let value = values[v]
                table.append([String(rank + 1), names[v], isCount ? FindingWording.number(value) : Self.decimal(value)])
            }
            out += table.rendered(indent: "    ").split(separator: "\n").dropFirst(2).map { $0 + "\n" }.joined()
        }
        return out
    }

    /// The note on an eigenvector iteration that stopped at its cap, or nothing.
    static func approximateNote(_ iteration: EigenvectorCentrality) -> String {
        iteration.converged ? "" : " (approximate: the iteration had not settled after \(FindingWording.number(Double(iteration.iterations))) steps; docs/metrics.md)"
    }

    private func organisationsText() -> String {
        guard network.unit == .people, analysis.options.level == .people,
              let whole = analysis.judgedSelection else { return "" }
        let blocks = whole.organisationBlocks
        var table = TextTable(header: ["organisation", "people", "ties inside", "ties out", "ties in", "E-I"])
        let order = blocks.groups.indices.sorted { a, b in
            let ea = blocks.externalTies(a), eb = blocks.externalTies(b)
            return (ea.out + ea.in, blocks.groups[b]) > (eb.out + eb.in, blocks.groups[a])
        }
        let shown = order.filter { blocks.sizes[$0] > 0 }
        for g in shown.prefix(Self.organisationRows) {
            let external = blocks.externalTies(g)
            table.append([blocks.groups[g], String(blocks.sizes[g]), String(Int(blocks.internalTies(g))), String(Int(external.out)),
                          String(Int(external.in)), blocks.eiIndex(g).map(Self.decimal) ?? "-"])
        }
        return "\nOrganisations (\(whole.label.lowercased()); ties between distinct people)\n" + table.rendered(indent: "  ")
            + Self.moreRows(shown.count, "organisations", "the most connected")
    }

    /// Ties within and between the governance layers, in the network judged
    /// and in decision-making, when people have layers.
    private func layersText() -> String {
        guard let whole = analysis.judgedSelection, whole.layerBlocks != nil else { return "" }
        var selections = [whole]
        if let decisions = analysis.selection("decision-making"), decisions.id != whole.id { selections.append(decisions) }
        var out = ""
        for selection in selections {
            guard let blocks = selection.layerBlocks else { continue }
            var table = TextTable(header: ["from \\ to"] + blocks.groups + ["people", "E-I"])
            for a in blocks.groups.indices {
                table.append([blocks.groups[a]] + blocks.groups.indices.map { String(Int(blocks.ties[a][$0])) }
                             + [String(blocks.sizes[a]), blocks.eiIndex(a).map(Self.decimal) ?? "-"])
            }
            out += "\nLayers (\(selection.label.lowercased()); ties from the row's layer to the column's)\n" + table.rendered(indent: "  ")
        }
        return out
    }

    /// The tie ratings of the network judged: the mean of each item and
    /// measure, each organisation's means received and given (lowest first;
    /// the measures only, when the set has any), and the pairs of
    /// organisations rated lowest.
    private func ratingsText() -> String {
        guard let whole = analysis.judgedSelection, let summary = ratingSummary(whole) else { return "" }
        func mean(_ m: RatingMean) -> String { m.mean.map { "\(Self.decimal($0)) (\(m.count))" } ?? "-" }
        var overall = TextTable(header: ["rating", "scale", "mean", "ratings"], alignments: [.left, .left, .right, .right])
        for (s, score) in summary.scores.enumerated() {
            overall.append([score.label, "\(FindingWording.number(score.minimum))-\(FindingWording.number(score.maximum))",
                            summary.overall[s].mean.map(Self.decimal) ?? "-", String(summary.overall[s].count)])
        }
        var out = "\nTie ratings (\(whole.label.lowercased()); mean of each rated tie\(whole.id == Theme.allID ? ", a pair's themes averaged" : ""))\n"
            + overall.rendered(indent: "  ")
        let shown = network.ratingSet.measures.isEmpty ? Array(summary.scores.indices) : Array(summary.scores.indices.filter { summary.scores[$0].items.count > 1 })
        guard let first = shown.first else { return out }
        let nodesAreOrganisations = analysis.options.level == .organisations || network.unit == .organisations
        let organisations = network.organisations.indices.filter { o in
            shown.contains { summary.organisationReceived[$0][o].count + summary.organisationGiven[$0][o].count > 0 }
        }.sorted { a, b in
            (summary.organisationReceived[first][a].mean ?? .infinity, network.organisations[a].name)
                < (summary.organisationReceived[first][b].mean ?? .infinity, network.organisations[b].name)
        }
        if !organisations.isEmpty {
            var table = TextTable(header: ["organisation"] + shown.flatMap { ["\(summary.scores[$0].label.lowercased()) received", "given"] })
            for o in organisations.prefix(Self.organisationRows) {
                table.append([network.organisations[o].name] + shown.flatMap { [mean(summary.organisationReceived[$0][o]), mean(summary.organisationGiven[$0][o])] })
            }
            out += "\n  \(nodesAreOrganisations ? "Partners" : "Organisations") (ratings from and to other organisations; mean (ratings), lowest \(summary.scores[first].label.lowercased()) received first)\n"
                + table.rendered(indent: "  ") + Self.moreRows(organisations.count, "organisations", "the lowest rated")
        }
        let pairs = summary.organisationPairs.filter { $0.from != $0.to && $0.means[first].count > 0 }
            .sorted { ($0.means[first].mean ?? 0, network.organisations[$0.from].name) < ($1.means[first].mean ?? 0, network.organisations[$1.from].name) }
        if !pairs.isEmpty {
            var table = TextTable(header: ["from", "to"] + shown.map { summary.scores[$0].label.lowercased() })
            for pair in pairs.prefix(10) {
                table.append([network.organisations[pair.from].name, network.organisations[pair.to].name] + shown.map { mean(pair.means[$0]) })
            }
            out += "\n  Pairs of organisations rated lowest (the ratings the first gave the second)\n" + table.rendered(indent: "  ")
                + (pairs.count > 10 ? "  ... and \(pairs.count - 10) more pairs; the JSON and CSV outputs list them all\n" : "")
        }
        return out
    }

    private func responseText() -> String {
        let rates = network.responseRatesByOrganisation
        guard network.unit == .people, !rates.isEmpty else { return "" }
        var table = TextTable(header: ["organisation", "people", "answered", "rate"])
        for rate in rates.sorted(by: { ($0.rate, $0.group ?? "") < ($1.rate, $1.group ?? "") }).prefix(Self.organisationRows) {
            table.append([rate.group ?? "", String(rate.people), String(rate.respondents), Self.percent(rate.rate)])
        }
        return "\nResponse by organisation\n" + table.rendered(indent: "  ") + Self.moreRows(rates.count, "organisations", "the lowest rates")
    }

    /// The most rows of organisations the text shows in one table: a terminal
    /// page, not 100,000 lines; the JSON and CSV list them all.
    static let organisationRows = 40

    /// "  ... and 12 more organisations (shown: the lowest rates); the JSON and CSV outputs list them all", or nothing.
    static func moreRows(_ count: Int, _ noun: String, _ shown: String) -> String {
        count > organisationRows
            ? "  ... and \(count - organisationRows) more \(noun) (shown: \(shown)); the JSON and CSV outputs list them all\n" : ""
    }

    /// Warnings grouped by code, at most `limit` of each shown, their fixes
    /// naming inputs as `naming` says.
    public static func warningsText(_ warnings: [Diagnostic], limit: Int = 5, naming: InputNaming = .plain) -> String {
        guard !warnings.isEmpty else { return "" }
        var out = "\nImport warnings (\(warnings.count))\n"
        var order: [String] = []
        var byCode: [String: [Diagnostic]] = [:]
        for warning in warnings {
            if byCode[warning.code] == nil { order.append(warning.code) }
            byCode[warning.code, default: []].append(warning)
        }
        for code in order {
            let group = byCode[code]!
            for warning in group.prefix(limit) { out += "  \(warning.description(naming: naming))\n" }
            if group.count > limit { out += "  ... and \(group.count - limit) more like this (\(code)); the JSON output lists them all\n" }
        }
        return out
    }
}
