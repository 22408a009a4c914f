import Foundation
import SNACore
import SNAIO

/// An action the workshop agreed.
public struct AgreedAction: Sendable, Equatable {
    /// The outcome it serves.
    public var outcome: String
    /// The question it answers.
    public var question: Int
    /// What will be done.
    public var action: String
    /// Who will do it.
    public var owner: String?
    /// By when.
    public var due: String?

    /// An agreed action for one question of one outcome.
    public init(outcome: String, question: Int, action: String, owner: String? = nil, due: String? = nil) {
        self.outcome = outcome
        self.question = question
        self.action = action
        self.owner = owner
        self.due = due
    }
}

/// Reads agreed actions: columns `outcome`, `question` (number or key),
/// `action`, optional `owner` and `due` (or `due date`, `by`, `deadline`).
public enum AgreedActionsReader {
    /// Reads the file, checking outcomes and questions against the scores.
    public static func read(path: String, scores: DCAScores) throws(InputError) -> [AgreedAction] {
        let table = try CSVReader.read(path: path)
        let labels = table.header.map { NameKey.label($0) }
        func column(_ names: Set<String>) -> Int? { labels.firstIndex(where: names.contains) }
        let outcome = column(["outcome", "laa outcome"]), question = column(["question", "question id"]), action = column(["action", "agreed action"])
        guard let outcome, let question, let action else {
            throw InputError(.badData, [Diagnostic(.error, code: "actions.missing-columns", at: SourceLocation(file: path, line: table.headerLine),
                                                   "the actions file needs outcome, question and action columns",
                                                   fix: "start it with the header line: outcome,question,action,owner,due")])
        }
        let owner = column(["owner", "lead", "who"]), due = column(["due", "due date", "by", "deadline", "when"])
        var actions: [AgreedAction] = []
        var problems: [Diagnostic] = []
        let outcomes = Set(scores.outcomes.map { NameKey.key($0.outcome) })
        for record in table.records {
            func cell(_ column: Int?) -> String? { column.map { NameKey.cleaned(record.fields[$0]) }.flatMap { $0.isEmpty ? nil : $0 } }
            let name = cell(outcome) ?? ""
            if !outcomes.contains(NameKey.key(name)) {
                problems.append(Diagnostic(.error, code: "actions.unknown-outcome", at: table.location(line: record.line, column: outcome + 1),
                                           "no outcome of the scores has this name", value: name,
                                           fix: "write the outcome exactly as in the responses: \(scores.outcomes.map(\.outcome).joined(separator: "; "))"))
                continue
            }
            guard let found = scores.instrument.question(named: cell(question) ?? "") else {
                problems.append(Diagnostic(.error, code: "actions.unknown-question", at: table.location(line: record.line, column: question + 1),
                                           "unknown question", value: cell(question) ?? "", fix: "write a number from 1 to \(scores.instrument.questions.count) or a key"))
                continue
            }
            guard let text = cell(action) else {
                problems.append(Diagnostic(.error, code: "actions.empty", at: table.location(line: record.line, column: action + 1),
                                           "the action is empty", fix: "write the action, or delete the row"))
                continue
            }
            let canonical = scores.outcomes.first { NameKey.key($0.outcome) == NameKey.key(name) }!.outcome
            actions.append(AgreedAction(outcome: canonical, question: found.id, action: text, owner: cell(owner), due: cell(due)))
        }
        if !problems.isEmpty { throw InputError(.badData, problems) }
        return actions
    }
}

/// A workshop's action plan: for each outcome the weakest questions with their
/// evidence, the actions the source's case studies suggest, and the actions
/// the workshop agreed with owners and dates.
public struct DCAPlan: Sendable {
    /// The scores.
    public var scores: DCAScores
    /// The agreed actions.
    public var actions: [AgreedAction]
    /// How many of the weakest questions each outcome's plan covers.
    public var top: Int
    /// The plan's date line, e.g. "21 November 2026".
    public var date: String

    /// Creates a plan.
    public init(scores: DCAScores, actions: [AgreedAction] = [], top: Int = 5, date: String) {
        self.scores = scores
        self.actions = actions
        self.top = top
        self.date = date
    }

    var instrument: Instrument { scores.instrument }

    /// The priorities an outcome's plan covers: the `top` weakest, and any
    /// other question with an agreed action.
    func covered(_ outcome: OutcomeScore) -> [QuestionScore] {
        let agreed = Set(actions.filter { $0.outcome == outcome.outcome }.map(\.question))
        let scored = outcome.priorities.filter { outcome.question($0)?.mean != nil }
        return scored.enumerated().filter { $0.offset < top || agreed.contains($0.element) }.map { outcome.question($0.element)! }
    }

    func agreed(_ outcome: OutcomeScore, _ question: Int) -> [AgreedAction] {
        actions.filter { $0.outcome == outcome.outcome && $0.question == question }
    }

    /// Comments with the participants who made each, identical ones together.
    func groupedComments(_ q: QuestionScore) -> [(text: String, participants: [String])] {
        var order: [String] = []
        var who: [String: [String]] = [:]
        for comment in q.comments {
            let key = NameKey.key(comment.text)
            if who[key] == nil { order.append(comment.text) }
            who[key, default: []].append(comment.participant)
        }
        return order.map { ($0, who[NameKey.key($0)]!) }
    }

    static func attribution(_ participants: [String]) -> String {
        participants.count == 1 ? participants[0] : "\(participants.count) participants: " + participants.joined(separator: "; ")
    }

    /// The evidence for a question in words.
    func evidence(_ q: QuestionScore) -> [String] {
        var lines: [String] = []
        let distribution = zip(instrument.scale.points, q.distribution(points: instrument.scale.points.map(\.value)))
            .map { "\($0.1) \($0.0.label)" }.joined(separator: ", ")
        lines.append("Scores: \(distribution)\(q.dontKnow > 0 ? ", \(q.dontKnow) don't know" : "") (mean \(DCAScoreOutput.decimal(q.mean)), spread \(DCAScoreOutput.decimal(q.standardDeviation)))")
        if let gap = q.gap, abs(gap) >= 0.5 {
            lines.append(gap > 0 ? "Operational staff see less in place than strategic leads (gap \(DCAScoreOutput.signed(gap)))"
                                 : "Strategic leads see less in place than operational staff (gap \(DCAScoreOutput.signed(gap)))")
        }
        if q.contested { lines.append("Participants disagree widely: worth discussing before acting") }
        return lines
    }

    // MARK: Markdown

    /// The plan in Markdown.
    public func markdown() -> String {
        var out = "# Delivery chain action plan\n\n\(date). \(instrument.title): \(instrument.questions.count) questions scored 1 (\(instrument.label(of: 1))) to 4 (\(instrument.label(of: 4))).\n"
        for outcome in scores.outcomes {
            out += "\n## \(Self.cell(outcome.outcome))\n\n"
            out += "\(outcome.participants.count) participants. Overall \(DCAScoreOutput.decimal(outcome.overall)) (\(outcome.overallRating?.rawValue ?? "-")).\n\n"
            for (rank, q) in covered(outcome).enumerated() {
                out += "### \(rank + 1). \(q.question.text) (\(q.rating?.rawValue.uppercased() ?? "NOT SCORED"))\n\n"
                for line in evidence(q) { out += "- \(line)\n" }
                for comment in groupedComments(q) { out += "- \"\(Self.cell(comment.text))\" (\(Self.cell(Self.attribution(comment.participants))))\n" }
                out += "\nSuggested actions:\n\n"
                for action in q.question.actions { out += "- \(action)\n" }
                let agreed = agreed(outcome, q.question.id)
                out += "\nAgreed actions:\n\n"
                if agreed.isEmpty {
                    out += "- None agreed yet: agree an action, an owner and a date.\n"
                } else {
                    out += "| action | owner | due |\n| --- | --- | --- |\n"
                    for action in agreed { out += "| \(Self.cell(action.action)) | \(Self.cell(action.owner ?? "to agree")) | \(Self.cell(action.due ?? "to agree")) |\n" }
                }
                out += "\n"
            }
        }
        out += followUpMarkdown()
        return out
    }

    private func followUpMarkdown() -> String {
        guard !actions.isEmpty else { return "" }
        var out = "## Follow-up\n\n| outcome | question | action | owner | due | done |\n| --- | --- | --- | --- | --- | --- |\n"
        for action in sortedActions() {
            out += "| \(Self.cell(action.outcome)) | \(action.question) \(instrument.questions[action.question - 1].key) | \(Self.cell(action.action)) | \(Self.cell(action.owner ?? "")) | \(Self.cell(action.due ?? "")) | |\n"
        }
        return out
    }

    func sortedActions() -> [AgreedAction] {
        actions.sorted { ($0.due ?? "~", $0.outcome, $0.question) < ($1.due ?? "~", $1.outcome, $1.question) }
    }

    /// Text for a Markdown table cell or line (``MarkdownText/escape(_:)``).
    static func cell(_ text: String) -> String { MarkdownText.escape(text) }

    // MARK: CSV

    /// One row per action, agreed and suggested, ready for a tracking spreadsheet.
    public func csv() -> String {
        var writer = CSVWriter(header: ["outcome", "priority", "question", "key", "rating", "mean", "kind", "action", "owner", "due", "status"])
        for outcome in scores.outcomes {
            for (rank, q) in covered(outcome).enumerated() {
                for action in agreed(outcome, q.question.id) {
                    writer.append([.text(outcome.outcome), .integer(rank + 1), .integer(q.question.id), .text(q.question.key),
                                   .text(q.rating?.rawValue ?? ""), .number(q.mean), "agreed", .text(action.action),
                                   .text(action.owner ?? ""), .text(action.due ?? ""), ""])
                }
                for action in q.question.actions {
                    writer.append([.text(outcome.outcome), .integer(rank + 1), .integer(q.question.id), .text(q.question.key),
                                   .text(q.rating?.rawValue ?? ""), .number(q.mean), "suggested", .text(action), "", "", ""])
                }
            }
        }
        return writer.output
    }

    // MARK: HTML

    /// The plan as one printable HTML page.
    public func html() -> String {
        func e(_ text: String) -> String { HTMLText.escape(text) }
        var body = "<header><h1>Delivery chain action plan</h1><p class=\"meta\">\(e(date)) · \(e(instrument.title)): \(instrument.questions.count) questions scored 1 (\(e(instrument.label(of: 1)))) to 4 (\(e(instrument.label(of: 4))))</p></header>\n"
        for outcome in scores.outcomes {
            body += "<section class=\"outcome\"><h2>\(e(outcome.outcome))</h2>\n"
            body += "<p class=\"meta\">\(outcome.participants.count) participants · overall \(DCAScoreOutput.decimal(outcome.overall)) \(badge(outcome.overallRating))</p>\n"
            body += "<table class=\"summary\"><caption>All twelve questions, weakest first</caption><thead><tr><th scope=\"col\">#</th><th scope=\"col\">Question</th><th scope=\"col\">Mean</th><th scope=\"col\">Rating</th><th scope=\"col\">Gap</th></tr></thead><tbody>"
            for id in outcome.priorities {
                let q = outcome.question(id)!
                body += "<tr><td>\(id)</td><td>\(e(q.question.text))</td><td>\(DCAScoreOutput.decimal(q.mean))</td><td>\(badge(q.rating))</td><td>\(DCAScoreOutput.signed(q.gap))</td></tr>"
            }
            body += "</tbody></table>\n"
            for (rank, q) in covered(outcome).enumerated() {
                body += "<article class=\"priority\"><h3><span class=\"rank\">\(rank + 1)</span> \(e(q.question.text)) \(badge(q.rating))</h3>\n<ul class=\"evidence\">"
                for line in evidence(q) { body += "<li>\(e(line))</li>" }
                for comment in groupedComments(q) { body += "<li class=\"comment\">“\(e(comment.text))” <span>(\(e(Self.attribution(comment.participants))))</span></li>" }
                body += "</ul>\n<h4>Suggested actions</h4><ul>"
                for action in q.question.actions { body += "<li>\(e(action))</li>" }
                body += "</ul>\n<h4>Agreed actions</h4>"
                let agreed = agreed(outcome, q.question.id)
                if agreed.isEmpty {
                    body += "<p class=\"todo\">None agreed yet: agree an action, an owner and a date.</p>"
                } else {
                    body += "<table class=\"actions\"><thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Owner</th><th scope=\"col\">Due</th></tr></thead><tbody>"
                    for action in agreed { body += "<tr><td>\(e(action.action))</td><td>\(e(action.owner ?? "to agree"))</td><td>\(e(action.due ?? "to agree"))</td></tr>" }
                    body += "</tbody></table>"
                }
                body += "</article>\n"
            }
            body += "</section>\n"
        }
        if !actions.isEmpty {
            body += "<section class=\"follow-up\"><h2>Follow-up</h2><table class=\"actions\"><thead><tr><th scope=\"col\">Outcome</th><th scope=\"col\">Question</th><th scope=\"col\">Action</th><th scope=\"col\">Owner</th><th scope=\"col\">Due</th><th scope=\"col\">Done</th></tr></thead><tbody>"
            for action in sortedActions() {
                body += "<tr><td>\(e(action.outcome))</td><td>\(action.question) \(e(instrument.questions[action.question - 1].key))</td><td>\(e(action.action))</td><td>\(e(action.owner ?? ""))</td><td>\(e(action.due ?? ""))</td><td class=\"tick\">☐</td></tr>"
            }
            body += "</tbody></table></section>\n"
        }
        return HTMLText.page(title: "Delivery chain action plan", style: Self.style, body: body)
    }

    func badge(_ rating: RAGRating?) -> String {
        guard let rating else { return "<span class=\"badge none\">not scored</span>" }
        return "<span class=\"badge \(rating.rawValue)\">\(rating.rawValue.uppercased())</span>"
    }

    static let style = """
        body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #222; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
        h1 { font-size: 1.7rem; margin-bottom: 0.2rem; } h2 { font-size: 1.35rem; border-bottom: 2px solid #0072B2; padding-bottom: 0.2rem; margin-top: 2rem; }
        h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; } h4 { font-size: 0.9rem; margin: 0.6rem 0 0.2rem; text-transform: uppercase; letter-spacing: 0.04em; color: #555; }
        .meta { color: #555; margin-top: 0; } .rank { display: inline-block; width: 1.6rem; height: 1.6rem; border-radius: 50%; background: #0072B2; color: #fff; text-align: center; font-size: 0.9rem; line-height: 1.6rem; margin-right: 0.3rem; }
        .badge { font-size: 0.75rem; font-weight: bold; padding: 0.1rem 0.45rem; border-radius: 0.3rem; border: 1px solid; white-space: nowrap; }
        .badge.red { background: #fbe3dc; color: #8a2a00; border-color: #D55E00; } .badge.amber { background: #fdf0d0; color: #6b4a00; border-color: #E69F00; }
        .badge.green { background: #dff3ea; color: #00573f; border-color: #009E73; } .badge.none { background: #eee; color: #555; border-color: #999; }
        table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.9rem; } caption { text-align: left; font-weight: bold; margin-bottom: 0.3rem; }
        th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; } th { background: #f3f5f7; }
        .priority { border-left: 4px solid #0072B2; padding-left: 0.8rem; margin-bottom: 1.2rem; page-break-inside: avoid; }
        .evidence { margin: 0.2rem 0; } .comment { font-style: italic; } .comment span { font-style: normal; color: #555; } .todo { color: #8a2a00; }
        .tick { font-size: 1.2rem; text-align: center; } .actions td:last-child, .actions th:last-child { white-space: nowrap; }
        .follow-up .actions td:nth-child(5) { white-space: nowrap; }
        @media print { body { margin: 0; max-width: none; font-size: 10.5pt; } .outcome { page-break-before: always; } .outcome:first-of-type { page-break-before: auto; } a { color: inherit; } }
        """
}
