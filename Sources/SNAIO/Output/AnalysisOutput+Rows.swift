import SNACore

/// A value in an output row, rendered as JSON or as a CSV cell.
enum OutputValue {
    case text(String?)
    case int(Int)
    case number(Double?)
    case bool(Bool)
    case list([String])

    var json: JSONValue {
        switch self {
        case .text(let value): return .string(value)
        case .int(let value): return .int(value)
        case .number(let value): return .number(value)
        case .bool(let value): return .bool(value)
        case .list(let values): return .array(values.map { .string($0) })
        }
    }

    var cell: CSVWriter.Cell {
        switch self {
        case .text(let value): return .text(value ?? "")
        case .int(let value): return .integer(value)
        case .number(let value): return .number(value.flatMap { $0.isFinite ? $0 : nil })
        case .bool(let value): return .text(value ? "true" : "false")
        case .list(let values): return .text(values.joined(separator: ";"))
        }
    }
}

extension OutputValue {
    /// A catalogue column's value for node `v`, typed as the column says.
    init(_ column: NodeMetricColumn, _ metrics: NodeMetrics, _ v: Int) {
        self.init(column.kind, column.value(in: metrics, node: v))
    }

    /// A value of a column of `kind`: counts as integers, flags as booleans.
    init(_ kind: NodeMetricColumn.Kind, _ value: Double?) {
        switch kind {
        case .count: self = value.flatMap { Int(exactly: $0) }.map { .int($0) } ?? .number(value)
        case .number: self = .number(value)
        case .flag: self = value.map { .bool($0 != 0) } ?? .number(nil)
        }
    }
}

typealias OutputRow = [(String, OutputValue)]

extension AnalysisOutput {
    /// One row per organisation and theme: size, ties inside and across its
    /// boundary, E-I index, absence, and its centralities in the
    /// organisation-level network.
    func organisationRows() -> [OutputRow] {
        let nodesAreOrganisations = analysis.options.level == .organisations || network.unit == .organisations
        var rows: [OutputRow] = []
        for selection in analysis.selections {
            let ratings = ratingSummary(selection)
            let blocks = selection.organisationBlocks
            let organisationLevel = nodesAreOrganisations ? selection : analysis.organisationNetworks.first { $0.id == selection.id }
            let activeMembers: [Int] = network.organisations.map { organisation in
                guard !nodesAreOrganisations else { return 0 }
                return organisation.members.filter { selection.graph.inDegree(of: $0) + selection.graph.outDegree(of: $0) > 0 }.count
            }
            for (index, organisation) in network.organisations.enumerated() {
                let external = blocks.externalTies(index)
                var row: OutputRow = [
                    ("organisation", .text(organisation.name)),
                    ("theme", .text(selection.id)),
                    ("sector", .text(organisation.sector)),
                    ("people", .int(organisation.members.count)),
                    ("active_people", .int(nodesAreOrganisations ? (external.out + external.in > 0 ? 1 : 0) : activeMembers[index])),
                    ("internal_ties", .number(blocks.internalTies(index))),
                    ("external_ties_out", .number(external.out)),
                    ("external_ties_in", .number(external.in)),
                    ("ei_index", .number(blocks.eiIndex(index))),
                    ("absent", .bool(external.out + external.in == 0)),
                ]
                let m = organisationLevel?.metrics
                row += [
                    ("in_degree", m.map { .int($0.inDegree[index]) } ?? .number(nil)),
                    ("out_degree", m.map { .int($0.outDegree[index]) } ?? .number(nil)),
                    ("in_strength", .number(m?.inStrength[index])),
                    ("out_strength", .number(m?.outStrength[index])),
                    ("betweenness", .number(m?.paths.betweenness[index])),
                    ("harmonic", .number(m?.paths.harmonic[index])),
                    ("pagerank", .number(m?.pageRank[index])),
                    ("eigenvector", .number(m?.eigenvector[index])),
                    ("articulation_point", m.map { .bool($0.cutPoints.isArticulationPoint[index]) } ?? .number(nil)),
                ]
                row += organisationRatingRow(ratings, index)
                rows.append(row)
            }
        }
        return rows
    }

    /// One row per directed tie of a selection.
    func tieRows(_ selection: SelectionAnalysis, themes: [Int64: [String]]) -> [OutputRow] {
        var rows: [OutputRow] = []
        forEachTieRow(selection, themes: themes) { rows.append($0) }
        return rows
    }

    /// The columns of ``forEachTieRow(_:themes:_:)``'s rows, for a table with no tie.
    static let tieColumns = ["theme", "source", "target", "strength", "reciprocated", "multiplexity", "themes", "edge_betweenness", "bridge"]

    /// Calls `body` with the row of each directed tie of a selection, in order, without keeping them.
    func forEachTieRow(_ selection: SelectionAnalysis, themes: [Int64: [String]], _ body: (OutputRow) throws -> Void) rethrows {
        let graph = selection.graph
        let ratings = ratingSummary(selection)
        let bridges = Set(selection.metrics.cutPoints.bridges.map { Int64($0.0) << 32 | Int64($0.1) })
        for v in 0..<graph.nodeCount {
            for position in Int(graph.outOffsets[v])..<Int(graph.outOffsets[v + 1]) {
                let w = Int(graph.outTargets[position])
                let tieThemes = themes[Int64(v) << 32 | Int64(w)] ?? []
                try body([
                    ("theme", .text(selection.id)),
                    ("source", .text(names[v])),
                    ("target", .text(names[w])),
                    ("strength", .number(graph.outWeights[position])),
                    ("reciprocated", .bool(graph.hasEdge(from: w, to: v))),
                    ("multiplexity", .int(tieThemes.count)),
                    ("themes", .list(tieThemes)),
                    ("edge_betweenness", .number(selection.metrics.paths.edgeBetweenness[position])),
                    ("bridge", .bool(bridges.contains(Int64(min(v, w)) << 32 | Int64(max(v, w))))),
                ] + tieRatingRow(ratings, v, w))
            }
        }
    }
}

// MARK: Tie ratings

extension AnalysisOutput {
    /// The tie ratings of a selection summed up, or `nil` when the survey asked for none.
    func ratingSummary(_ selection: SelectionAnalysis) -> RatingSummary? {
        ratingSummaries[selection.id]
    }

    /// Node `v`'s rating columns: per score `<id>_received_mean`,
    /// `<id>_received_count`, `<id>_given_mean`, `<id>_given_count`; none without ratings.
    /// At organisation level a node is an organisation, rated by other organisations' people.
    func nodeRatingRow(_ summary: RatingSummary?, _ v: Int) -> OutputRow {
        guard let summary else { return [] }
        let organisations = analysis.options.level == .organisations
        return summary.scores.indices.flatMap { s -> OutputRow in
            let received = organisations ? summary.organisationReceived[s][v] : summary.personReceived[s][v]
            let given = organisations ? summary.organisationGiven[s][v] : summary.personGiven[s][v]
            return Self.meanColumns(summary.scores[s].id, received: received, given: given)
        }
    }

    /// Organisation `o`'s rating columns, as ``nodeRatingRow(_:_:)``.
    func organisationRatingRow(_ summary: RatingSummary?, _ o: Int) -> OutputRow {
        guard let summary else { return [] }
        return summary.scores.indices.flatMap { s -> OutputRow in
            Self.meanColumns(summary.scores[s].id, received: summary.organisationReceived[s][o], given: summary.organisationGiven[s][o])
        }
    }

    static func meanColumns(_ id: String, received: RatingMean, given: RatingMean) -> OutputRow {
        [("\(id)_received_mean", .number(received.mean)), ("\(id)_received_count", .int(received.count)),
         ("\(id)_given_mean", .number(given.mean)), ("\(id)_given_count", .int(given.count))]
    }

    /// The rating columns of the tie `v -> w` of the analysed level: one per
    /// score, `<id>_rating`, the tie's rating (the mean over its themes in `all`; at
    /// organisation level, the mean of the ties between the two organisations).
    func tieRatingRow(_ summary: RatingSummary?, _ v: Int, _ w: Int) -> OutputRow {
        guard let summary else { return [] }
        if analysis.options.level == .organisations {
            let pair = summary.pair(from: v, to: w)
            return summary.scores.indices.map { s in ("\(summary.scores[s].id)_rating", .number(pair?.means[s].mean)) }
        }
        let values = summary.values(from: v, to: w)
        return summary.scores.indices.map { s in ("\(summary.scores[s].id)_rating", .number(values?[s] ?? nil)) }
    }

    /// The rating columns of ties, `<id>_rating` per score; empty without ratings.
    var tieRatingColumns: [String] { network.ratingSet.scores.map { "\($0.id)_rating" } }

    /// One row per theme and pair of organisations with a rated tie: `theme`,
    /// `from`, `to`, then per score `<id>_mean` and `<id>_count`.
    func ratingPairRows() -> [OutputRow] {
        var rows: [OutputRow] = []
        for selection in analysis.selections {
            guard let summary = ratingSummary(selection) else { continue }
            for pair in summary.organisationPairs {
                var row: OutputRow = [("theme", .text(selection.id)), ("from", .text(network.organisations[pair.from].name)),
                                      ("to", .text(network.organisations[pair.to].name))]
                for (s, score) in summary.scores.enumerated() {
                    row += [("\(score.id)_mean", .number(pair.means[s].mean)), ("\(score.id)_count", .int(pair.means[s].count))]
                }
                rows.append(row)
            }
        }
        return rows
    }

    /// The header of ``ratingPairRows()``.
    var ratingPairColumns: [String] {
        ["theme", "from", "to"] + network.ratingSet.scores.flatMap { ["\($0.id)_mean", "\($0.id)_count"] }
    }

    /// One row per theme (and `all`) and score: the mean over every rated tie.
    func ratingOverallRows() -> [OutputRow] {
        var rows: [OutputRow] = []
        for selection in analysis.selections {
            guard let summary = ratingSummary(selection) else { continue }
            for (s, score) in summary.scores.enumerated() {
                rows.append([("theme", .text(selection.id)), ("rating", .text(score.id)), ("label", .text(score.label)),
                             ("scale_min", .number(score.minimum)), ("scale_max", .number(score.maximum)),
                             ("mean", .number(summary.overall[s].mean)), ("count", .int(summary.overall[s].count))])
            }
        }
        return rows
    }
}
