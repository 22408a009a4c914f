import SNACore

extension AnalysisOutput {
    /// The CSV tables written by `--out DIR`: file name and contents.
    public func csvTables() -> [(name: String, contents: String)] {
        let rate = network.responseRate
        var networkTable = CSVWriter(header: ["measure", "value"])
        let measures: [(String, CSVWriter.Cell)] = [
            ("source", .text(survey.file)), ("layout", .text(survey.layout.rawValue)), ("unit", .text(network.unit.rawValue)),
            ("level", .text(analysis.options.level.rawValue)), ("group_by", .text(analysis.options.grouping.description)),
            ("symmetrise", .text(analysis.options.symmetrisation.rawValue)), ("people", .integer(network.people.count)),
            ("organisations", .integer(network.organisations.count)), ("groups", .integer(groupCount)),
            ("respondents", .integer(rate.respondents)), ("response_rate", .number(rate.rate)), ("ties", .integer(network.ties.count)),
        ]
        for (measure, value) in measures { networkTable.append([.text(measure), value]) }

        let themes = table(analysis.selections.map(themeRow))
        let people = table(analysis.selections.flatMap(personRows))
        let organisations = table(organisationRows())
        let tieThemes = tieThemes()
        let ties = table(analysis.selections.flatMap { tieRows($0, themes: tieThemes) }, header: Self.tieColumns + tieRatingColumns)

        var findings = CSVWriter(header: ["rank", "kind", "theme", "subjects", "headline", "evidence", "response", "score"])
        for (rank, finding) in analysis.findings.enumerated() {
            findings.append([.integer(rank + 1), .text(finding.kind.rawValue), .text(finding.theme), .text(finding.subjectNames.joined(separator: "; ")),
                             .text(FindingWording.headline(finding)), .text(FindingWording.evidence(finding)),
                             .text(FindingWording.response(finding)), .number(finding.score)])
        }
        var blocks = CSVWriter(header: ["theme", "kind", "from", "to", "ties", "density"])
        for selection in analysis.selections {
            for row in blockRows(selection.organisationBlocks) {
                blocks.append([.text(selection.id), "organisation", .text(row.from), .text(row.to), .number(row.ties), .number(row.density)])
            }
            if let layers = selection.layerBlocks {
                for row in blockRows(layers, includeEmpty: true) {
                    blocks.append([.text(selection.id), "layer", .text(row.from), .text(row.to), .number(row.ties), .number(row.density)])
                }
            }
        }
        var resilience = CSVWriter(header: ["theme", "step", "removed", "impact", "connectivity_left"])
        for selection in analysis.selections {
            for (step, removal) in selection.resilience.enumerated() {
                resilience.append([.text(selection.id), .integer(step + 1), .text(names[removal.node]), .number(removal.impact), .number(removal.connectivityLeft)])
            }
        }
        var overlap = CSVWriter(header: ["theme"] + network.themes.map(\.id))
        for (index, theme) in network.themes.enumerated() {
            overlap.append([.text(theme.id)] + analysis.themeOverlap[index].map { .number($0) })
        }
        var response = CSVWriter(header: ["organisation", "people", "respondents", "response_rate"])
        for rate in network.responseRatesByOrganisation {
            response.append([.text(rate.group ?? ""), .integer(rate.people), .integer(rate.respondents), .number(rate.rate)])
        }
        var warnings = CSVWriter(header: ["severity", "code", "file", "line", "column", "column_name", "message", "value", "fix"])
        for d in analysis.warnings {
            warnings.append([
                .text(d.severity.rawValue), .text(d.code), .text(d.location?.file ?? ""),
                d.location?.line.map { .integer($0) } ?? .number(nil), d.location?.column.map { .integer($0) } ?? .number(nil),
                .text(d.location?.columnName ?? ""), .text(d.message), .text(d.value ?? ""), .text(d.fix ?? ""),
            ])
        }
        return [
            ("network.csv", networkTable.output), ("themes.csv", themes), ("people.csv", people),
            ("organisations.csv", organisations), ("ties.csv", ties), ("findings.csv", findings.output),
            ("blocks.csv", blocks.output), ("resilience.csv", resilience.output), ("theme_overlap.csv", overlap.output),
            ("response_rates.csv", response.output), ("warnings.csv", warnings.output),
        ] + (network.ratingSet.isEmpty ? [] : [
            ("ratings.csv", table(ratingOverallRows(), header: ["theme", "rating", "label", "scale_min", "scale_max", "mean", "count"])),
            ("rating_pairs.csv", table(ratingPairRows(), header: ratingPairColumns)),
        ])
    }

    /// A table from rows that share their keys; brokerage objects are flattened to `brokerage_<role>`.
    /// A table of `rows`; with no rows, `header` alone (or nothing without one).
    func table(_ rows: [OutputRow], header: [String]? = nil) -> String {
        guard let first = rows.first else { return header.map { CSVWriter(header: $0).output } ?? "" }
        var writer = CSVWriter(header: first.map(\.0))
        for row in rows { writer.append(row.map { $0.1.cell }) }
        return writer.output
    }

    func themeRow(_ selection: SelectionAnalysis) -> OutputRow {
        let g = selection.summary.graph
        return [
            ("theme", .text(selection.id)), ("label", .text(selection.label)), ("level", .text(analysis.options.level.rawValue)),
            ("nodes", .int(g.nodes)), ("people", .int(selection.summary.activePeople)),
            ("organisations", .int(selection.summary.activeOrganisations)), ("respondents_naming", .int(selection.summary.respondentsNaming)),
            ("ties", .int(g.ties)), ("density", .number(g.density)), ("reciprocity", .number(g.reciprocity)),
            ("mutual_pairs", .int(g.mutualPairs)), ("isolates", .int(g.isolates)), ("weak_components", .int(g.weakComponents)),
            ("largest_weak_component", .int(g.largestWeakComponent)), ("strong_components", .int(g.strongComponents)),
            ("largest_strong_component", .int(g.largestStrongComponent)), ("transitivity", .number(selection.transitivity)),
            ("diameter", .int(selection.distances.diameter)), ("mean_distance", .number(selection.distances.meanDistance)),
            ("diameter_undirected", .int(selection.undirectedDistances.diameter)),
            ("mean_distance_undirected", .number(selection.undirectedDistances.meanDistance)),
            ("degree_centralisation", .number(selection.degreeCentralisation)),
            ("betweenness_centralisation", .number(selection.betweennessCentralisation)),
            ("ei_index", .number(selection.organisationBlocks.networkEIIndex)),
        ]
    }

    func personRows(_ selection: SelectionAnalysis) -> [OutputRow] {
        let m = selection.metrics
        let ratings = ratingSummary(selection)
        let organisations = nodeOrganisationNames, layers = nodeLayers
        return names.indices.map { v in
            let row: OutputRow = [
                ("id", .text(names[v])), ("theme", .text(selection.id)), ("group", .text(analysis.groupNames[analysis.groups[v]])),
                ("organisation", .text(organisations[v])), ("layer", .text(layers[v]?.rawValue)),
            ]
            return row + NodeMetricColumn.full.map { column in (column.name, OutputValue(column, m, v)) } + nodeRatingRow(ratings, v)
        }
    }
}
