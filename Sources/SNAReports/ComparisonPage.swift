import SNAAssessments
import SNACore
import SNAIO

/// `snatool compare --format html`: one self-contained page of what changed
/// between two survey waves, in the report's style: the survey's response and
/// roster changes, then theme by theme the figures before and after and every
/// change listed. Words are those of ``WaveComparisonOutput``; every name escaped.
public enum ComparisonPage {
    /// The page for `output`, titled `title`.
    public static func html(_ output: WaveComparisonOutput, title: String = "What changed between the two surveys") -> String {
        ReportStyle.page(title: title, body: section(output, headingLevel: 2, title: title, standalone: true))
    }

    /// The comparison as HTML headings, tables and lists (the page's body, or
    /// a section of a report), headings from `headingLevel` down.
    public static func section(_ output: WaveComparisonOutput, headingLevel h: Int, title: String, standalone: Bool = false) -> String {
        let e = HTMLText.escape
        let c = output.comparison
        var html = standalone
            ? "<header><h1>\(e(title))</h1><p class=\"meta\">\(e(output.beforeFile)) (before) · \(e(output.afterFile)) (after)</p></header>\n<main>\n"
            : ""
        html += "<div class=\"figures\">"
        html += figure("\(FindingWording.percent(c.responseBefore.rate)) → \(FindingWording.percent(c.responseAfter.rate))", "response rate")
        html += figure("\(c.joined.count)", "in the survey now, not before")
        html += figure("\(c.left.count)", "in the survey before, not now")
        html += figure("\(c.stoppedAnswering.count)", "stopped answering")
        html += "</div>\n"
        if !output.warnings.isEmpty { html += "<ul class=\"warnings\">" + output.warnings.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n" }
        for change in output.rosterChanges where !change.items.isEmpty { html += list(change.heading, change.items, level: h + 1) }
        for theme in c.themes {
            html += "<h\(h) id=\"compare-\(e(theme.id))\">\(e(theme.label))\(theme.inBothWaves ? "" : " (asked \(theme.before == nil ? "after" : "before") only)")</h\(h)>\n"
            html += "<table><caption>\(e(theme.label)): before and after</caption><thead><tr><th scope=\"col\">Figure</th><th scope=\"col\">Before</th><th scope=\"col\">After</th></tr></thead><tbody>"
            for figure in WaveComparisonOutput.figures(theme) {
                html += "<tr><th scope=\"row\">\(e(figure.label))</th><td>\(e(figure.before))</td><td>\(e(figure.after))</td></tr>"
            }
            html += "</tbody></table>\n"
            guard theme.inBothWaves else { continue }
            let changes = WaveComparisonOutput.changes(of: theme)
            let unchanged = changes.filter(\.items.isEmpty).map(\.heading)
            for change in changes where !change.items.isEmpty { html += list(change.heading, change.items, level: h + 1) }
            if !unchanged.isEmpty { html += "<p class=\"meta\">No change: \(e(unchanged.joined(separator: "; "))).</p>\n" }
            if !theme.organisationPairs.isEmpty {
                html += "<table><caption>Ties between organisations that changed</caption><thead><tr><th scope=\"col\">From</th><th scope=\"col\">To</th><th scope=\"col\">Before</th><th scope=\"col\">After</th></tr></thead><tbody>"
                for pair in theme.organisationPairs {
                    html += "<tr><td>\(e(pair.from))</td><td>\(e(pair.to))</td><td>\(FindingWording.number(pair.before))</td><td>\(FindingWording.number(pair.after))</td></tr>"
                }
                html += "</tbody></table>\n"
            }
        }
        html += ratings(c.ratings, level: h)
        if standalone { html += "</main>\n" }
        return html
    }

    /// Each tie rating score before and after, with the organisations and
    /// pairs rated in both waves, largest fall first.
    static func ratings(_ ratings: [WaveComparison.RatingChange], level h: Int) -> String {
        guard !ratings.isEmpty else { return "" }
        let e = HTMLText.escape
        func mean(_ value: Double) -> String { String(format: "%.2f", value) }
        var html = "<h\(h) id=\"compare-ratings\">Tie ratings, all themes</h\(h)>\n<ul>"
        html += ratings.map { "<li><strong>\(e($0.label))</strong>: \(e(WaveComparisonOutput.ratingSummary($0)))</li>" }.joined() + "</ul>\n"
        for rating in ratings where rating.inBothWaves {
            if !rating.organisations.isEmpty {
                html += "<table><caption>\(e(rating.label)): mean received by each organisation's people</caption><thead><tr><th scope=\"col\">Organisation</th><th scope=\"col\">Before</th><th scope=\"col\">After</th><th scope=\"col\">Change</th></tr></thead><tbody>"
                for o in rating.organisations {
                    html += "<tr><td>\(e(o.name))</td><td>\(mean(o.before))</td><td>\(mean(o.after))</td><td>\(String(format: "%+.2f", o.after - o.before))</td></tr>"
                }
                html += "</tbody></table>\n"
            }
            if !rating.organisationPairs.isEmpty {
                html += "<table><caption>\(e(rating.label)): what one organisation's people gave another's</caption><thead><tr><th scope=\"col\">From</th><th scope=\"col\">To</th><th scope=\"col\">Before</th><th scope=\"col\">After</th></tr></thead><tbody>"
                for pair in rating.organisationPairs {
                    html += "<tr><td>\(e(pair.from))</td><td>\(e(pair.to))</td><td>\(mean(pair.before))</td><td>\(mean(pair.after))</td></tr>"
                }
                html += "</tbody></table>\n"
            }
        }
        return html
    }

    static func figure(_ value: String, _ label: String) -> String {
        "<div class=\"figure\"><span class=\"value\">\(HTMLText.escape(value))</span><span class=\"label\">\(HTMLText.escape(label))</span></div>"
    }

    static func list(_ heading: String, _ items: [String], level: Int) -> String {
        "<h\(level)>\(HTMLText.escape(heading)) (\(items.count))</h\(level)>\n<ul>" + items.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>\n"
    }
}
