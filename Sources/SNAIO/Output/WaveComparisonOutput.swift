import Foundation
import SNACore

/// `snatool compare` in words and tables: text, JSON and CSV of a
/// ``WaveComparison`` (the HTML page is `ComparisonPage` in SNAReports).
public struct WaveComparisonOutput: Sendable {
    /// The comparison.
    public var comparison: WaveComparison
    /// The survey files, as given.
    public var beforeFile: String, afterFile: String

    /// Creates the output of a comparison of `beforeFile` with `afterFile`.
    public init(_ comparison: WaveComparison, beforeFile: String, afterFile: String) {
        self.comparison = comparison
        self.beforeFile = beforeFile
        self.afterFile = afterFile
    }

    // MARK: Words

    /// The kinds of change listed per theme, in order: a key (JSON and CSV), a heading (text and HTML) and the names.
    public static func changes(of theme: WaveComparison.ThemeChange) -> [(key: String, heading: String, items: [String])] {
        [
            ("ties_gained", "Ties gained", theme.tiesGained.map(tie)),
            ("ties_lost", "Ties lost", theme.tiesLost.map(tie)),
            ("people_joined", "Joined the theme (a tie in it now, none before)", theme.joined),
            ("people_left", "Left the theme (a tie in it before, none now)", theme.left),
            ("organisations_joined", "Organisations that joined the theme", theme.organisationsJoined),
            ("organisations_left", "Organisations that left the theme", theme.organisationsLeft),
            ("gatekeepers_resolved", "Gatekeepers resolved (their departure no longer cuts anyone off)", theme.gatekeepersResolved.map { "\($0.name) (cut off \($0.cutOffBefore) before)" }),
            ("gatekeepers_new", "New gatekeepers", theme.gatekeepersNew.map { "\($0.name) (cuts off \($0.cutOffAfter))" }),
            ("gatekeepers_gone", "Gatekeepers who left the partnership", theme.gatekeepersGone.map(\.name)),
            ("gatekeepers_remaining", "Gatekeepers still", theme.gatekeepersRemaining.map { "\($0.name) (cut off \($0.cutOffBefore), now \($0.cutOffAfter))" }),
            ("weak_links_closed", "Weak links closed", theme.weakLinksClosed.map(pair)),
            ("weak_links_opened", "Weak links opened", theme.weakLinksOpened.map(pair)),
            ("bridges_gone", "Bridges gone", theme.bridgesGone.map(pair)),
            ("bridges_new", "New bridges", theme.bridgesNew.map(pair)),
        ]
    }

    /// "A -> B".
    public static func tie(_ tie: WaveComparison.NamedTie) -> String { "\(tie.source) -> \(tie.target)" }
    /// "A and B".
    public static func pair(_ pair: WaveComparison.NamedPair) -> String { "\(pair.first) and \(pair.second)" }

    /// The figures compared per theme: a key, a label, and each wave's value as text.
    public static func figures(_ theme: WaveComparison.ThemeChange) -> [(key: String, label: String, before: String, after: String)] {
        func row(_ key: String, _ label: String, _ value: (WaveComparison.Figures) -> String) -> (String, String, String, String) {
            (key, label, theme.before.map(value) ?? "not asked", theme.after.map(value) ?? "not asked")
        }
        return [
            row("ties", "Ties", { String($0.ties) }),
            row("active_nodes", "With a tie", { String($0.activeNodes) }),
            row("density", "Density", { String(format: "%.3f", $0.density) }),
            row("reciprocity", "Reciprocity", { $0.reciprocity.map { String(format: "%.2f", $0) } ?? "-" }),
            row("components", "Components", { String($0.components) }),
            row("largest_component", "Largest component", { String($0.largestComponent) }),
        ]
    }

    /// The survey-wide changes: who joined or left the survey, who stopped or started answering.
    public var rosterChanges: [(key: String, heading: String, items: [String])] {
        [
            ("joined", "In the survey now, not before", comparison.joined),
            ("left", "In the survey before, not now", comparison.left),
            ("stopped_answering", "Answered before, not now (still named by others)", comparison.stoppedAnswering),
            ("started_answering", "Answer now, did not before", comparison.startedAnswering),
        ]
    }

    /// Warnings about the comparison: near misses between the waves' names, themes asked in one wave only.
    public var warnings: [String] {
        var lines = comparison.nearMisses.map {
            "'\($0.after)' (after) matches nobody before but is close to '\($0.before)' (before); if they are one person, map one spelling to the other in an aliases file"
        }
        if !comparison.nearMissesChecked {
            lines.append("over \(WaveComparison.nearMissLimit) names are in one wave only: near misses between the waves were not looked for")
        }
        if !comparison.themesOnlyBefore.isEmpty || !comparison.themesOnlyAfter.isEmpty {
            var parts: [String] = []
            if !comparison.themesOnlyBefore.isEmpty { parts.append("only before: \(comparison.themesOnlyBefore.joined(separator: ", "))") }
            if !comparison.themesOnlyAfter.isEmpty { parts.append("only after: \(comparison.themesOnlyAfter.joined(separator: ", "))") }
            lines.append("the waves asked about different themes (\(parts.joined(separator: "; "))): those themes are not compared, and all themes compares different questions")
        }
        return lines
    }

    /// What a rating score's overall change says in words: "2.91 before, 2.45
    /// after (312 and 280 rated pairs)", or that one wave rated none.
    public static func ratingSummary(_ rating: WaveComparison.RatingChange) -> String {
        func mean(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "-" }
        switch (rating.before, rating.after) {
        case (.some, .some):
            return "\(mean(rating.before)) before, \(mean(rating.after)) after (mean of \(rating.ratedBefore) and \(rating.ratedAfter) rated pairs)"
        case (nil, .some):
            return "rated after only (mean \(mean(rating.after)) of \(rating.ratedAfter) rated pairs); no change can be measured"
        case (.some, nil):
            return "rated before only (mean \(mean(rating.before)) of \(rating.ratedBefore) rated pairs); no change can be measured"
        case (nil, nil):
            return "declared, but neither wave rated a tie on it"
        }
    }

    // MARK: Text

    /// The comparison as text: the survey, then theme by theme, all themes last.
    public func text(limit: Int = 20) -> String {
        var out = "Compared: \(beforeFile) (before) with \(afterFile) (after)\n"
        let b = comparison.responseBefore, a = comparison.responseAfter
        out += "Response: \(b.respondents) of \(b.people) (\(FindingWording.percent(b.rate))) before, \(a.respondents) of \(a.people) (\(FindingWording.percent(a.rate))) after\n"
        for line in warnings { out += "warning: \(line)\n" }
        out += "\n"
        for change in rosterChanges { out += Self.listed(change.heading, change.items, limit: limit, indent: "") }
        for theme in comparison.themes {
            out += "\n\(theme.label)" + (theme.inBothWaves ? "" : " (asked \(theme.before == nil ? "after" : "before") only)") + "\n"
            var table = TextTable(header: ["", "before", "after"], alignments: [.left, .right, .right])
            for figure in Self.figures(theme) { table.append([figure.label, figure.before, figure.after]) }
            out += table.rendered(indent: "  ")
            guard theme.inBothWaves else { continue }
            let changes = Self.changes(of: theme)
            for change in changes where !change.items.isEmpty { out += Self.listed(change.heading, change.items, limit: limit, indent: "  ") }
            let unchanged = changes.filter(\.items.isEmpty).map { $0.key.replacingOccurrences(of: "_", with: " ") }
            if !unchanged.isEmpty { out += "  No \(unchanged.joined(separator: ", "))\n" }
            if !theme.organisationPairs.isEmpty {
                out += "  Ties between organisations that changed: \(theme.organisationPairs.count)\n"
                for pair in theme.organisationPairs.prefix(limit) {
                    let label = pair.from == pair.to ? "within \(pair.from)" : "\(pair.from) -> \(pair.to)"
                    out += "    \(label): \(FindingWording.number(pair.before)) -> \(FindingWording.number(pair.after))\n"
                }
                if theme.organisationPairs.count > limit { out += "    ... and \(theme.organisationPairs.count - limit) more (the JSON output lists all)\n" }
            }
        }
        if !comparison.ratings.isEmpty { out += "\nTie ratings, all themes\n" + ratingsText(limit: limit) }
        return out
    }

    /// Each rating score's change, with the organisations and organisation
    /// pairs whose mean moved most (largest fall first).
    func ratingsText(limit: Int) -> String {
        var out = ""
        for rating in comparison.ratings {
            out += "  \(rating.label): \(Self.ratingSummary(rating))\n"
            guard rating.inBothWaves else { continue }
            if !rating.organisations.isEmpty {
                var table = TextTable(header: ["received by", "before", "after", "change"], alignments: [.left, .right, .right, .right])
                for o in rating.organisations.prefix(limit) {
                    table.append([o.name, String(format: "%.2f", o.before), String(format: "%.2f", o.after), String(format: "%+.2f", o.after - o.before)])
                }
                out += table.rendered(indent: "    ")
                if rating.organisations.count > limit { out += "    ... and \(rating.organisations.count - limit) more (the JSON output lists all)\n" }
            }
            if !rating.organisationPairs.isEmpty {
                out += "    Pairs of organisations rated in both waves: \(rating.organisationPairs.count)\n"
                for pair in rating.organisationPairs.prefix(limit) {
                    let label = pair.from == pair.to ? "within \(pair.from)" : "\(pair.from) -> \(pair.to)"
                    out += "      \(label): " + String(format: "%.2f -> %.2f", pair.before, pair.after) + "\n"
                }
                if rating.organisationPairs.count > limit { out += "      ... and \(rating.organisationPairs.count - limit) more (the JSON output lists all)\n" }
            }
        }
        return out
    }

    /// "  Heading: 3" and the first `limit` items, or "Heading: none".
    static func listed(_ heading: String, _ items: [String], limit: Int, indent: String) -> String {
        guard !items.isEmpty else { return "\(indent)\(heading): none\n" }
        var out = "\(indent)\(heading): \(items.count)\n"
        for item in items.prefix(limit) { out += "\(indent)  \(item)\n" }
        if items.count > limit { out += "\(indent)  ... and \(items.count - limit) more (the JSON output lists all)\n" }
        return out
    }

    // MARK: JSON

    /// The comparison as JSON (docs/output.md, "snatool compare").
    public func json() -> JSONValue {
        func figures(_ f: WaveComparison.Figures?) -> JSONValue {
            guard let f else { return .null }
            return .object([("nodes", .int(f.nodes)), ("active_nodes", .int(f.activeNodes)), ("ties", .int(f.ties)),
                            ("density", .number(f.density)), ("reciprocity", .number(f.reciprocity)),
                            ("components", .int(f.components)), ("largest_component", .int(f.largestComponent))])
        }
        func response(_ r: ResponseRate) -> JSONValue {
            .object([("people", .int(r.people)), ("respondents", .int(r.respondents)), ("response_rate", .number(r.rate))])
        }
        func names(_ items: [String]) -> JSONValue { .array(items.map { .string($0) }) }
        func ties(_ items: [WaveComparison.NamedTie]) -> JSONValue { .array(items.map { .object([("source", .string($0.source)), ("target", .string($0.target))]) }) }
        func pairs(_ items: [WaveComparison.NamedPair]) -> JSONValue { .array(items.map { .array([.string($0.first), .string($0.second)]) }) }
        func gatekeepers(_ items: [WaveComparison.GatekeeperChange]) -> JSONValue {
            .array(items.map { .object([("name", .string($0.name)), ("cut_off_before", .int($0.cutOffBefore)), ("cut_off_after", .int($0.cutOffAfter))]) })
        }
        func counted(_ key: String, _ count: Int, _ list: JSONValue) -> [(String, JSONValue)] { [(key, .int(count)), (key + "_list", list)] }
        let c = comparison
        var survey: [(String, JSONValue)] = [("before", .string(beforeFile)), ("after", .string(afterFile)), ("level", .string(c.level.rawValue)),
                                             ("response_before", response(c.responseBefore)), ("response_after", response(c.responseAfter))]
        for change in rosterChanges { survey += counted(change.key, change.items.count, names(change.items)) }
        survey.append(("themes_only_before", names(c.themesOnlyBefore)))
        survey.append(("themes_only_after", names(c.themesOnlyAfter)))
        survey.append(("near_misses", .array(c.nearMisses.map { .object([("before", .string($0.before)), ("after", .string($0.after))]) })))
        let themes: [JSONValue] = c.themes.map { t in
            var members: [(String, JSONValue)] = [("id", .string(t.id)), ("label", .string(t.label)), ("in_both_waves", .bool(t.inBothWaves)),
                                                  ("before", figures(t.before)), ("after", figures(t.after))]
            members += counted("ties_gained", t.tiesGained.count, ties(t.tiesGained))
            members += counted("ties_lost", t.tiesLost.count, ties(t.tiesLost))
            members += counted("people_joined", t.joined.count, names(t.joined))
            members += counted("people_left", t.left.count, names(t.left))
            members += counted("organisations_joined", t.organisationsJoined.count, names(t.organisationsJoined))
            members += counted("organisations_left", t.organisationsLeft.count, names(t.organisationsLeft))
            members += counted("gatekeepers_resolved", t.gatekeepersResolved.count, gatekeepers(t.gatekeepersResolved))
            members += counted("gatekeepers_new", t.gatekeepersNew.count, gatekeepers(t.gatekeepersNew))
            members += counted("gatekeepers_gone", t.gatekeepersGone.count, gatekeepers(t.gatekeepersGone))
            members += counted("gatekeepers_remaining", t.gatekeepersRemaining.count, gatekeepers(t.gatekeepersRemaining))
            members += counted("weak_links_closed", t.weakLinksClosed.count, pairs(t.weakLinksClosed))
            members += counted("weak_links_opened", t.weakLinksOpened.count, pairs(t.weakLinksOpened))
            members += counted("bridges_gone", t.bridgesGone.count, pairs(t.bridgesGone))
            members += counted("bridges_new", t.bridgesNew.count, pairs(t.bridgesNew))
            members.append(("organisation_pairs", .array(t.organisationPairs.map {
                .object([("from", .string($0.from)), ("to", .string($0.to)), ("before", .number($0.before)), ("after", .number($0.after))])
            })))
            return .object(members)
        }
        let ratings: [JSONValue] = c.ratings.map { r in
            .object([("id", .string(r.id)), ("label", .string(r.label)), ("in_both_waves", .bool(r.inBothWaves)),
                     ("before", .number(r.before)), ("after", .number(r.after)),
                     ("rated_pairs_before", .int(r.ratedBefore)), ("rated_pairs_after", .int(r.ratedAfter)),
                     ("organisations", .array(r.organisations.map {
                         .object([("name", .string($0.name)), ("received_before", .number($0.before)), ("received_after", .number($0.after))])
                     })),
                     ("organisation_pairs", .array(r.organisationPairs.map {
                         .object([("from", .string($0.from)), ("to", .string($0.to)), ("before", .number($0.before)), ("after", .number($0.after))])
                     }))])
        }
        return .object([("survey", .object(survey)), ("themes", .array(themes)), ("ratings", .array(ratings)), ("warnings", names(warnings))])
    }

    // MARK: CSV

    /// Every change as one row: theme, change (a JSON key), name, other (a
    /// tie's contact, a pair's second organisation), before, after.
    public func csv() -> String {
        var writer = CSVWriter(header: ["theme", "change", "name", "other", "before", "after"])
        let c = comparison
        writer.append(["survey", "response_rate", "", "", .number(c.responseBefore.rate), .number(c.responseAfter.rate)])
        for change in rosterChanges { for name in change.items { writer.append(["survey", .text(change.key), .text(name), "", "", ""]) } }
        for t in c.themes {
            let id = CSVWriter.Cell.text(t.id)
            for figure in Self.figures(t) { writer.append([id, .text(figure.key), "", "", .text(figure.before), .text(figure.after)]) }
            for tie in t.tiesGained { writer.append([id, "ties_gained", .text(tie.source), .text(tie.target), "", ""]) }
            for tie in t.tiesLost { writer.append([id, "ties_lost", .text(tie.source), .text(tie.target), "", ""]) }
            let lists: [(String, [String])] = [("people_joined", t.joined), ("people_left", t.left),
                                               ("organisations_joined", t.organisationsJoined), ("organisations_left", t.organisationsLeft)]
            for (key, items) in lists { for name in items { writer.append([id, .text(key), .text(name), "", "", ""]) } }
            let keepers: [(String, [WaveComparison.GatekeeperChange])] = [("gatekeepers_resolved", t.gatekeepersResolved), ("gatekeepers_new", t.gatekeepersNew),
                                                                           ("gatekeepers_gone", t.gatekeepersGone), ("gatekeepers_remaining", t.gatekeepersRemaining)]
            for (key, items) in keepers {
                for g in items { writer.append([id, .text(key), .text(g.name), "", .integer(g.cutOffBefore), .integer(g.cutOffAfter)]) }
            }
            let pairLists: [(String, [WaveComparison.NamedPair])] = [("weak_links_closed", t.weakLinksClosed), ("weak_links_opened", t.weakLinksOpened),
                                                                     ("bridges_gone", t.bridgesGone), ("bridges_new", t.bridgesNew)]
            for (key, items) in pairLists { for p in items { writer.append([id, .text(key), .text(p.first), .text(p.second), "", ""]) } }
            for p in t.organisationPairs { writer.append([id, "organisation_ties", .text(p.from), .text(p.to), .number(p.before), .number(p.after)]) }
        }
        for r in c.ratings {
            let key = CSVWriter.Cell.text("rating_" + r.id)
            writer.append([.text(Theme.allID), key, "", "", .number(r.before), .number(r.after)])
            for o in r.organisations { writer.append([.text(Theme.allID), .text("rating_\(r.id)_received"), .text(o.name), "", .number(o.before), .number(o.after)]) }
            for p in r.organisationPairs { writer.append([.text(Theme.allID), .text("rating_\(r.id)_pair"), .text(p.from), .text(p.to), .number(p.before), .number(p.after)]) }
        }
        return writer.output
    }
}
