import SNACore

extension AnalysisOutput {
    /// The JSON document (schema: docs/schema/analyse.schema.json).
    public func json() -> JSONValue {
        let themes = themeTies()
        return .object([
            ("schema_version", .int(Self.schemaVersion)),
            ("network", networkJSON()),
            ("themes", .array(analysis.selections.map(themeJSON))),
            ("people", .array(analysis.selections.flatMap { peopleJSON($0) })),
            ("organisations", .array(organisationsJSON())),
            ("ties", .array(analysis.selections.flatMap { tiesJSON($0, themes: themes) })),
        ] + (network.ratingSet.isEmpty ? [] : [("ratings", ratingsJSON())]) + [
            ("findings", .array(analysis.findings.map(Self.findingJSON))),
            ("warnings", .array(analysis.warnings.map(Self.diagnosticJSON))),
        ])
    }

    func themeTies() -> [Int64: [String]] { tieThemes() }

    /// The same text as `json().rendered()`, given to `emit` in pieces of about a megabyte
    /// as it is made, so that the people and ties of a large network are never all in
    /// memory at once (the document can be several times larger than the network).
    public func writeJSON(_ emit: (String) throws -> Void) throws {
        try withoutActuallyEscaping(emit) { emit in try writeJSON(escaping: emit) }
    }

    private func writeJSON(escaping emit: @escaping (String) throws -> Void) throws {
        let themes = themeTies()
        var out = "{\n"
        func flush(force: Bool = false) throws {
            if force || out.utf8.count >= 1 << 20 { try emit(out); out = "" }
        }
        // Members in the order of json(); the big arrays item by item.
        func member(_ key: String, last: Bool = false, _ value: JSONValue) throws {
            out += "  "
            JSONValue.writeKey(key, to: &out)
            value.write(to: &out, indent: 1)
            out += last ? "\n" : ",\n"
            try flush()
        }
        func streamed(_ key: String, _ items: ((JSONValue) throws -> Void) throws -> Void) throws {
            out += "  "
            JSONValue.writeKey(key, to: &out)
            var first = true
            try items { item in
                out += first ? "[\n    " : ",\n    "
                first = false
                item.write(to: &out, indent: 2)
                try flush()
            }
            out += first ? "[],\n" : "\n  ],\n"
        }
        try member("schema_version", .int(Self.schemaVersion))
        try member("network", networkJSON())
        try streamed("themes") { item in
            for selection in analysis.selections { try item(themeJSON(selection)) }
        }
        try streamed("people") { item in
            for selection in analysis.selections { try forEachPersonJSON(selection, item) }
        }
        try streamed("organisations") { item in
            for organisation in organisationsJSON() { try item(organisation) }
        }
        try streamed("ties") { item in
            for selection in analysis.selections {
                try forEachTieRow(selection, themes: themes) { row in try item(.object(row.map { key, value in (key, value.json) })) }
            }
        }
        if !network.ratingSet.isEmpty {
            // Theme by theme: the pairs of organisations of a large survey are many.
            out += "  "
            JSONValue.writeKey("ratings", to: &out)
            out += "{\n"
            for (key, value) in ratingsHeadJSON() {
                out += "    "
                JSONValue.writeKey(key, to: &out)
                value.write(to: &out, indent: 2)
                out += ",\n"
            }
            out += "    "
            JSONValue.writeKey("themes", to: &out)
            var first = true
            for selection in analysis.selections {
                guard let summary = ratingSummary(selection) else { continue }
                out += first ? "[\n      {\n        " : ",\n      {\n        "
                first = false
                JSONValue.writeKey("theme", to: &out)
                JSONValue.string(selection.id).write(to: &out, indent: 4)
                out += ",\n        "
                JSONValue.writeKey("overall", to: &out)
                ratingsOverallJSON(summary).write(to: &out, indent: 4)
                out += ",\n        "
                JSONValue.writeKey("pairs", to: &out)
                // Pair by pair: a large survey's pairs of organisations are many.
                var firstPair = true
                for pair in summary.organisationPairs {
                    out += firstPair ? "[\n          " : ",\n          "
                    firstPair = false
                    ratingsPairJSON(pair, summary).write(to: &out, indent: 5)
                    try flush()
                }
                out += firstPair ? "[]\n      }" : "\n        ]\n      }"
            }
            out += first ? "[]\n  },\n" : "\n    ]\n  },\n"
        }
        try member("findings", .array(analysis.findings.map(Self.findingJSON)))
        try member("warnings", last: true, .array(analysis.warnings.map(Self.diagnosticJSON)))
        out += "}\n"
        try flush(force: true)
    }

    private func networkJSON() -> JSONValue {
        let rate = network.responseRate
        return .object([
            ("source", .string(survey.file)),
            ("layout", .string(survey.layout.rawValue)),
            ("reading", SurveyReadingOutput.json(survey.reading)),
            ("unit", .string(network.unit.rawValue)),
            ("level", .string(analysis.options.level.rawValue)),
            ("group_by", .string(analysis.options.grouping.description)),
            ("symmetrise", .string(analysis.options.symmetrisation.rawValue)),
            ("rows", .int(survey.rows)),
            ("people", .int(network.people.count)),
            ("organisations", .int(network.organisations.count)),
            ("groups", .int(groupCount)),
            ("respondents", .int(rate.respondents)),
            ("response_rate", .number(rate.rate)),
            ("ties", .int(network.ties.count)),
            ("themes", .array(network.themes.map { .string($0.id) })),
            ("response_by_organisation", .array(network.responseRatesByOrganisation.map { rate in
                .object([
                    ("organisation", .string(rate.group)),
                    ("people", .int(rate.people)),
                    ("respondents", .int(rate.respondents)),
                    ("response_rate", .number(rate.rate)),
                ])
            })),
            ("theme_overlap", .object([
                ("themes", .array(network.themes.map { .string($0.id) })),
                ("jaccard", .array(analysis.themeOverlap.map { row in .array(row.map(JSONValue.number)) })),
            ])),
        ])
    }

    private func themeJSON(_ selection: SelectionAnalysis) -> JSONValue {
        let graph = selection.summary.graph
        let brokerage = selection.metrics.brokerage
        var members: [(String, JSONValue)] = [
            ("theme", .string(selection.id)),
            ("label", .string(selection.label)),
            ("level", .string(analysis.options.level.rawValue)),
            ("nodes", .int(graph.nodes)),
            ("people", .int(selection.summary.activePeople)),
            ("organisations", .int(selection.summary.activeOrganisations)),
            ("respondents_naming", .int(selection.summary.respondentsNaming)),
            ("ties", .int(graph.ties)),
            ("density", .number(graph.density)),
            ("reciprocity", .number(graph.reciprocity)),
            ("mutual_pairs", .int(graph.mutualPairs)),
            ("isolates", .int(graph.isolates)),
            ("weak_components", .int(graph.weakComponents)),
            ("largest_weak_component", .int(graph.largestWeakComponent)),
            ("strong_components", .int(graph.strongComponents)),
            ("largest_strong_component", .int(graph.largestStrongComponent)),
            ("transitivity", .number(selection.transitivity)),
            ("diameter", .int(selection.distances.diameter)),
            ("mean_distance", .number(selection.distances.meanDistance)),
            ("diameter_undirected", .int(selection.undirectedDistances.diameter)),
            ("mean_distance_undirected", .number(selection.undirectedDistances.meanDistance)),
            ("degree_centralisation", .number(selection.degreeCentralisation)),
            ("betweenness_centralisation", .number(selection.betweennessCentralisation)),
            ("eigenvector_converged", .bool(selection.metrics.eigenvectorIteration.converged)),
            ("ei_index", .number(selection.organisationBlocks.networkEIIndex)),
            ("brokerage", .object(Self.roles.map { role, key in
                let k = BrokerageRole.allCases.firstIndex(of: role)!
                return (key, .object([
                    ("observed", .number(brokerage.networkRaw[k])), ("expected", .number(brokerage.networkExpected[k])),
                    ("z", .number(brokerage.networkZ[k])),
                ]))
            } + [("total", .object([
                ("observed", .number(brokerage.networkRaw[5])), ("expected", .number(brokerage.networkExpected[5])),
                ("z", .number(brokerage.networkZ[5])),
            ]))])),
            ("resilience", .array(selection.resilience.map { step in
                .object([("removed", .string(names[step.node])), ("impact", .number(step.impact)),
                         ("connectivity_left", .number(step.connectivityLeft))])
            })),
            ("blocks", .array(blockRows(selection.organisationBlocks).map { row in
                .object([("from", .string(row.from)), ("to", .string(row.to)), ("ties", .number(row.ties)), ("density", .number(row.density))])
            })),
        ]
        if let layers = selection.layerBlocks {
            members.append(("layers", .array(blockRows(layers, includeEmpty: true).map { row in
                .object([("from", .string(row.from)), ("to", .string(row.to)), ("ties", .number(row.ties)), ("density", .number(row.density))])
            })))
        } else {
            members.append(("layers", .null))
        }
        return .object(members)
    }

    /// The non-empty blocks (or all, for layers): from, to, ties, density.
    func blockRows(_ blocks: GroupBlocks, includeEmpty: Bool = false) -> [(from: String, to: String, ties: Double, density: Double)] {
        var rows: [(String, String, Double, Double)] = []
        guard includeEmpty else {
            // Only the non-zero cells, in the same order: linear in ties, not in groups squared.
            for cell in blocks.ties.nonZeroCells where blocks.sizes[cell.from] > 0 && blocks.sizes[cell.to] > 0 && cell.ties > 0 {
                rows.append((blocks.groups[cell.from], blocks.groups[cell.to], cell.ties, blocks.density(cell.from, cell.to)))
            }
            return rows
        }
        for a in blocks.groups.indices where blocks.sizes[a] > 0 {
            for b in blocks.groups.indices where blocks.sizes[b] > 0 && (includeEmpty || blocks.ties[a][b] > 0) {
                rows.append((blocks.groups[a], blocks.groups[b], blocks.ties[a][b], blocks.density(a, b)))
            }
        }
        return rows
    }

    private func peopleJSON(_ selection: SelectionAnalysis) -> [JSONValue] {
        var people: [JSONValue] = []
        forEachPersonJSON(selection) { people.append($0) }
        return people
    }

    /// The catalogue's columns a JSON person has flat; brokerage is nested by role.
    static let jsonMetricColumns = NodeMetricColumn.full.filter { $0.metric != .brokerage }

    /// Calls `body` with each node's JSON object for a selection, in node order.
    private func forEachPersonJSON(_ selection: SelectionAnalysis, _ body: (JSONValue) throws -> Void) rethrows {
        let m = selection.metrics
        let organisations = nodeOrganisationNames, layers = nodeLayers
        let ratings = ratingSummary(selection)
        for v in names.indices {
            let counts = m.brokerage.raw[v]
            try body(.object([
                ("id", .string(names[v])),
                ("theme", .string(selection.id)),
                ("group", .string(analysis.groupNames[analysis.groups[v]])),
                ("organisation", .string(organisations[v])),
                ("layer", .string(layers[v]?.rawValue)),
            ] + Self.jsonMetricColumns.map { column in (column.name, OutputValue(column, m, v).json) } + [
                ("brokerage", .object(Self.roles.map { role, key in (key, .number(counts[role])) } + [("total", .number(counts.total))])),
                ("brokerage_expected", .object(Self.roles.enumerated().map { k, role in (role.1, .number(m.brokerage.expected[v][k])) }
                    + [("total", .number(m.brokerage.expected[v][5]))])),
                ("brokerage_z", .object(Self.roles.enumerated().map { k, role in (role.1, .number(m.brokerage.z[v][k])) }
                    + [("total", .number(m.brokerage.z[v][5]))])),
            ] + nodeRatingRow(ratings, v).map { key, value in (key, value.json) }))
        }
    }

    /// The tie ratings: the items and measures with their scales, and per
    /// theme (and `all`) the mean over every rated tie and each organisation
    /// pair's means (docs/output.md).
    private func ratingsJSON() -> JSONValue {
        .object(ratingsHeadJSON() + [("themes", .array(analysis.selections.compactMap(ratingsThemeJSON)))])
    }

    /// The members of `ratings` before its themes: the preset, items and measures.
    private func ratingsHeadJSON() -> [(String, JSONValue)] {
        let set = network.ratingSet
        return [
            ("preset", .string(set.name)),
            ("items", .array(set.items.map { item in
                .object([("id", .string(item.id)), ("label", .string(item.label)), ("scale_min", .number(item.minimum)),
                         ("scale_max", .number(item.maximum))])
            })),
            ("measures", .array(set.measures.map { measure in
                .object([("id", .string(measure.id)), ("label", .string(measure.label)), ("items", .array(measure.items.map { .string($0) }))])
            })),
        ]
    }

    /// One theme's ratings: the mean over every rated tie and each organisation pair's means.
    private func ratingsThemeJSON(_ selection: SelectionAnalysis) -> JSONValue? {
        guard let summary = ratingSummary(selection) else { return nil }
        return .object([
            ("theme", .string(selection.id)),
            ("overall", ratingsOverallJSON(summary)),
            ("pairs", .array(summary.organisationPairs.map { ratingsPairJSON($0, summary) })),
        ])
    }

    /// Per score, `{mean, count}` over every rated tie.
    private func ratingsOverallJSON(_ summary: RatingSummary) -> JSONValue {
        .object(summary.scores.indices.map { s in
            (summary.scores[s].id, .object([("mean", .number(summary.overall[s].mean)), ("count", .int(summary.overall[s].count))]))
        })
    }

    /// A pair of organisations' means: `from`, `to`, then per score `<id>_mean` and `<id>_count`.
    private func ratingsPairJSON(_ pair: OrganisationPairRating, _ summary: RatingSummary) -> JSONValue {
        .object([("from", .string(network.organisations[pair.from].name)), ("to", .string(network.organisations[pair.to].name))]
            + summary.scores.indices.flatMap { s -> [(String, JSONValue)] in
                [("\(summary.scores[s].id)_mean", .number(pair.means[s].mean)), ("\(summary.scores[s].id)_count", .int(pair.means[s].count))]
            })
    }

    private func organisationsJSON() -> [JSONValue] {
        organisationRows().map { row in
            .object(row.map { key, value in (key, value.json) })
        }
    }

    private func tiesJSON(_ selection: SelectionAnalysis, themes: [Int64: [String]]) -> [JSONValue] {
        var ties: [JSONValue] = []
        forEachTieRow(selection, themes: themes) { row in ties.append(.object(row.map { key, value in (key, value.json) })) }
        return ties
    }

    /// A finding as a JSON object: `kind`, `theme`, `subjects` (names),
    /// `headline`, `evidence`, `response` and `score` as before, plus
    /// `theme_label`, `level`, `subject_nodes` (`{level, index, name}`) and
    /// `details`, the typed evidence of the kind (docs/schema/analyse.schema.json).
    public static func findingJSON(_ finding: Finding) -> JSONValue {
        .object([
            ("kind", .string(finding.kind.rawValue)),
            ("theme", .string(finding.theme)),
            ("theme_label", .string(finding.themeLabel)),
            ("level", .string(finding.level.rawValue)),
            ("subjects", .array(finding.subjectNames.map { .string($0) })),
            ("subject_nodes", .array(finding.subjects.map(referenceJSON))),
            ("headline", .string(FindingWording.headline(finding))),
            ("evidence", .string(FindingWording.evidence(finding))),
            ("response", .string(FindingWording.response(finding))),
            ("score", .number(finding.score)),
            ("details", detailsJSON(finding)),
        ])
    }

    /// A subject or listed node: `{level, index, name}`.
    static func referenceJSON(_ reference: NodeReference) -> JSONValue {
        .object([("level", .string(reference.level.rawValue)), ("index", .int(reference.index)), ("name", .string(reference.name))])
    }

    /// The typed evidence of a finding.
    static func detailsJSON(_ finding: Finding) -> JSONValue {
        func nodes(_ references: [NodeReference]) -> JSONValue { .array(references.map(referenceJSON)) }
        switch finding.evidence {
        case .gatekeeper(let e):
            let brokerage: JSONValue = e.brokerage.map { b in
                .object([("between", .number(b.between)), ("share", .number(b.share)), ("gatekeeper", .number(b.gatekeeper)),
                         ("representative", .number(b.representative)), ("liaison", .number(b.liaison))])
            } ?? .null
            return .object([
                ("cut_point", .bool(e.isCutPoint)), ("cut_off_count", .int(e.cutOff.count)), ("cut_off", nodes(e.cutOff)),
                ("organisations_cut_off", nodes(e.organisationsCutOff)), ("removal_impact", .number(e.removalImpact)),
                ("brokerage", brokerage), ("grouped_by", .string(e.groupedBy.description)),
                ("betweenness", .number(e.betweenness)), ("rank", .int(e.rank)), ("ranked", .int(e.nodeCount)),
            ])
        case .weakLink(let e):
            return .object([("observed", .number(e.observed)), ("expected", .number(e.expected)),
                            ("ties_with_others", .array(e.tiesWithOthers.map { .number($0) })), ("themed", .bool(e.themed))])
        case .missingLink(let e):
            return .object([("expected_first", .string(e.link.first)), ("expected_second", .string(e.link.second)),
                            ("expected_theme", .string(e.link.theme)), ("note", .string(e.link.note)), ("observed", .int(0))])
        case .bridge(let e):
            return .object([("smaller_side_count", .int(e.smallerSide.count)), ("smaller_side", nodes(e.smallerSide)),
                            ("organisations", nodes(e.organisations))])
        case .absentFromTheme(let e):
            return .object([("ties_in_all_themes", .array(e.tiesInAllThemes.map { .number($0) })), ("median_ties", .number(e.medianTies))])
        case .isolatedPeople(let e):
            return .object([("count", .int(finding.subjects.count)), ("answered", e.answered.map { .int($0) } ?? .null)])
        case .layers(let e):
            return .object([("layers", .array(e.layers.map { .string($0.rawValue) })), ("ties", .int(e.ties)), ("total_ties", .int(e.totalTies)),
                            ("active_members", .array(e.activeMembers.map { .int($0) })),
                            ("layers_left_out", .array(e.layersLeftOut.map { .string($0.rawValue) })),
                            ("within_share_in_all_themes", .number(e.withinShareInAllThemes))])
        case .trust(let e):
            return .object([
                ("score", .string(e.score)), ("score_label", .string(e.scoreLabel)),
                ("scale_min", .number(e.minimum)), ("scale_max", .number(e.maximum)),
                ("mean", .number(e.mean)), ("ratings", .int(e.ratings)),
                ("directions", .array(e.directions.map { .number($0) })), ("direction_ratings", .array(e.directionRatings.map { .int($0) })),
                ("threshold", .number(e.threshold)), ("network_mean", .number(e.networkMean)), ("ties", .number(e.ties)),
                ("expected_link", e.expectedLink.map { link in
                    .object([("first", .string(link.first)), ("second", .string(link.second)), ("theme", .string(link.theme)), ("note", .string(link.note))])
                } ?? .null),
                ("gatekeeper", e.gatekeeper.map { g in
                    .object([("cut_point", .bool(g.isCutPoint)), ("cut_off_count", .int(g.cutOff.count)), ("removal_impact", .number(g.removalImpact)),
                             ("brokerage_share", .number(g.brokerage?.share))])
                } ?? .null),
            ])
        case .statutory(let e):
            return .object([("partnership", .string(e.partnership.id)), ("partnership_name", .string(e.partnership.name)),
                            ("statute", .string(e.partnership.statute)), ("kinds", .array(e.kinds.map { .string($0.name) })),
                            ("listed_outside_survey", .array(e.listedOutsideSurvey.map { .string($0) })),
                            ("members", .int(e.members)), ("answered", .int(e.answered)),
                            ("ties_in_all_themes", .array(e.tiesInAllThemes.map { .number($0) }))])
        case .expectedPartnerNotInSurvey(let e):
            return .object([("expected_first", .string(e.link.first)), ("expected_second", .string(e.link.second)),
                            ("expected_theme", .string(e.link.theme)), ("note", .string(e.link.note)),
                            ("not_in_survey", .array(e.notInSurvey.map { .string($0) })),
                            ("closest", .array(e.closest.map { .string($0) }))])
        }
    }

    /// A diagnostic as a JSON object.
    public static func diagnosticJSON(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            ("severity", .string(diagnostic.severity.rawValue)),
            ("code", .string(diagnostic.code)),
            ("file", .string(diagnostic.location?.file)),
            ("line", diagnostic.location?.line.map { .int($0) } ?? .null),
            ("column", diagnostic.location?.column.map { .int($0) } ?? .null),
            ("column_name", .string(diagnostic.location?.columnName)),
            ("sheet", .string(diagnostic.location?.sheet)),
            ("message", .string(diagnostic.message)),
            ("value", .string(diagnostic.value)),
            ("fix", .string(diagnostic.fix)),
            ("inputs", .array(diagnostic.inputs.map { .string($0.rawValue) })),
        ])
    }
}
