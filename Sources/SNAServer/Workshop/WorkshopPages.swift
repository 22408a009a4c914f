import Foundation
import SNAAssessments
import SNACore
import SNAIO

/// The workshop's pages: joining, scoring, the facilitator's live screen and the closed workshop.
enum WorkshopPages {
    static let e = PageShell.e

    /// The form to join with a name, organisation and layer.
    static func join(_ workshop: Workshop, csrf: String, problem: String? = nil, name: String = "", organisation: String = "") -> String {
        let layers = Layer.allCases.map { "<option value=\"\($0.rawValue)\">\($0.rawValue.capitalized)</option>" }.joined()
        return PageShell.page(title: "Join the workshop", body: """
            <h1>Delivery chain workshop</h1>
            <p class="notice">Outcome: <strong>\(e(workshop.outcome))</strong></p>
            \(problem.map { "<p class=\"notice warn\" role=\"alert\">\(e($0))</p>" } ?? "")
            <form method="post" action="/j/\(workshop.code)">\(PageShell.csrfField(csrf))
            <label for="name">Your name</label><input type="text" id="name" name="name" maxlength="120" required autocomplete="name" value="\(e(name))">
            <label for="organisation">Your organisation</label><input type="text" id="organisation" name="organisation" maxlength="200" autocomplete="organization" value="\(e(organisation))">
            <label for="layer">Where you work in the partnership</label>
            <select id="layer" name="layer"><option value="">Not sure</option>\(layers)</select>
            <p class="hint">Strategic: the board or senior leadership. Executive: managing services. Operational: the front line.</p>
            <button type="submit">Join and start scoring</button></form>
            """)
    }

    /// The scoring form, filled with what the participant saved.
    static func scoring(_ workshop: Workshop, _ participant: WorkshopParticipant, answers: [SavedAnswer], csrf: String, saved: Bool) -> String {
        let instrument = workshop.instrument
        let byQuestion = Dictionary(answers.map { ($0.question, $0) }, uniquingKeysWith: { first, _ in first })
        let head = """
            <h1>\(e(instrument.title))</h1>
            <p class="notice">Outcome: <strong>\(e(workshop.outcome))</strong><br>Scoring as <strong>\(e(participant.name))</strong>\(participant.organisation.map { ", \(e($0))" } ?? "")</p>
            """
        guard workshop.isOpen else {
            let rows = instrument.questions.map { question -> String in
                let answer = byQuestion[question.id]
                return "<tr><td>\(question.id)</td><td>\(e(question.text))</td><td>\(answer.map { describe($0.answer, instrument) } ?? "not answered")</td></tr>"
            }.joined()
            return PageShell.page(title: "Workshop closed", body: head + """
                <p class="notice ok">The facilitator has closed the workshop. Thank you: these are the scores you gave.</p>
                <table><thead><tr><th scope="col">#</th><th scope="col">Question</th><th scope="col">Your score</th></tr></thead><tbody>\(rows)</tbody></table>
                """)
        }
        let questions = instrument.questions.map { question -> String in
            let answer = byQuestion[question.id]
            let points = instrument.scale.points.map { point -> String in
                let checked = answer?.answer == .score(point.value) ? " checked" : ""
                return "<label><input type=\"radio\" name=\"q\(question.id)\" value=\"\(point.value)\"\(checked)>\(point.value) \(e(point.label))</label>"
            }.joined()
            let dontKnow = answer?.answer == .dontKnow ? " checked" : ""
            return """
                <fieldset class="question" id="question-\(question.id)"><legend>\(question.id). \(e(question.text))</legend>
                <div class="choices">\(points)<label><input type="radio" name="q\(question.id)" value="dont-know"\(dontKnow)>Don't know</label></div>
                <label for="comment-\(question.id)" class="hint">Comment (optional)</label>
                <textarea id="comment-\(question.id)" name="comment_q\(question.id)" maxlength="2000" rows="2">\(e(answer?.comment ?? ""))</textarea>
                </fieldset>
                """
        }.joined(separator: "\n")
        let scale = instrument.scale.points.map { "\($0.value) \(e($0.label))" }.joined(separator: ", ")
        return PageShell.page(title: "Score the delivery chain", body: head + """
            \(saved ? "<p class=\"notice ok\" role=\"status\">Saved at \(Responses.clock()): you have answered \(answers.count) of \(instrument.questions.count) questions. You can change your scores until the facilitator closes the workshop.</p>" : "")
            <p class="hint">Score each question \(scale), or don't know. Leave a question blank to skip it.</p>
            <form method="post" action="/w/\(participant.token)">\(PageShell.csrfField(csrf))
            \(questions)
            <button type="submit">Save my scores</button></form>
            """)
    }

    static func describe(_ answer: Answer, _ instrument: Instrument) -> String {
        switch answer {
        case .score(let value): "\(value) \(e(instrument.label(of: value)))"
        case .dontKnow: "don't know"
        }
    }

    /// The facilitator's screen: the code and link, the live panel, and closing.
    static func facilitator(_ workshop: Workshop, panel: String, joinURL: String, csrf: String, actions: String) -> String {
        let state = workshop.isOpen ? """
            <form method="post" action="/admin/workshops/\(workshop.id)/close">\(PageShell.csrfField(csrf))
            <button type="submit" class="danger">Close the workshop and make the action plan</button></form>
            """ : """
            <p class="notice ok">Closed. Participants see their scores and can no longer change them.</p>
            <p><a class="button" href="/admin/workshops/\(workshop.id)/plan.html">Open the action plan (print it from there)</a>
            <a class="button secondary" href="/admin/workshops/\(workshop.id)/plan.md">Plan as Markdown</a>
            <a class="button secondary" href="/admin/workshops/\(workshop.id)/plan.csv">Plan as CSV</a></p>
            \(actions)
            <form method="post" action="/admin/workshops/\(workshop.id)/reopen">\(PageShell.csrfField(csrf))
            <button type="submit" class="secondary">Open it again for changes</button></form>
            """
        return PageShell.page(title: workshop.outcome, body: """
            <h1>\(e(workshop.outcome))</h1>
            \(workshop.isOpen ? "<p>Participants go to <strong>\(e(joinURL))</strong> and type the code</p><p class=\"code\" aria-label=\"join code\">\(workshop.code)</p><p class=\"hint\">Direct link: <a href=\"/j/\(workshop.code)\">\(e(joinURL))/j/\(workshop.code)</a></p>" : "")
            <div id="live" aria-live="polite" data-live="/admin/workshops/\(workshop.id)/live" data-events="/admin/workshops/\(workshop.id)/events">\(panel)</div>
            <p><a class="button secondary" href="/admin/workshops/\(workshop.id)/responses.csv">Download the responses (for snatool dca score)</a></p>
            \(state)
            \(PageShell.deleteForm(action: "/admin/workshops/\(workshop.id)/delete", what: "workshop", csrf: csrf))
            """, header: PageShell.adminHeader(csrf: csrf))
    }

    /// The live panel: who has answered, the heat map by layer, the weakest links and contested questions.
    static func panel(_ workshop: Workshop, participants: [WorkshopParticipant], responses: [DCAResponse]) -> String {
        let instrument = workshop.instrument
        let scores = DCAScores(responses: responses, instrument: instrument)
        let outcome = scores.outcomes.first
        let answeredBy = Dictionary(grouping: responses, by: \.participant).mapValues(\.count)
        let complete = answeredBy.values.filter { $0 >= instrument.questions.count }.count
        var html = """
            <div class="figures">
            <div class="figure"><span class="value">\(participants.count)</span><span class="label">joined</span></div>
            <div class="figure"><span class="value">\(answeredBy.count)</span><span class="label">have scored</span></div>
            <div class="figure"><span class="value">\(complete)</span><span class="label">answered every question</span></div>
            <div class="figure"><span class="value">\(outcome?.overall.map { String(format: "%.2f", $0) } ?? "–")</span><span class="label">mean score\(outcome?.overallRating.map { " (\($0.rawValue))" } ?? "")</span></div>
            </div>
            """
        guard let outcome else { return html + "<p>No scores yet. They appear here as participants save them.</p>" }
        // Red, amber and green by the instrument's own thresholds, as the plan and `dca score` rate them.
        func cell(_ mean: Double?) -> String {
            guard let mean else { return "<td class=\"none\">–</td>" }
            let rating = instrument.rate(mean).rawValue
            return "<td class=\"rag \(rating)\">\(String(format: "%.1f", mean)) <span class=\"word\">\(rating)</span></td>"
        }
        let layers = Layer.allCases.filter { outcome.layers[$0, default: 0] > 0 }
        let heads = layers.map { "<th scope=\"col\">\($0.rawValue.capitalized) (\(outcome.layers[$0]!))</th>" }.joined()
        let rows = outcome.questions.map { q in
            "<tr><th scope=\"row\">\(q.question.id). \(e(q.question.key))</th>\(cell(q.mean))\(layers.map { cell(q.layerMeans[$0]) }.joined())<td>\(q.n)\(q.dontKnow > 0 ? ", \(q.dontKnow) don't know" : "")</td></tr>"
        }.joined(separator: "\n")
        html += """
            <h2>Scores by layer</h2>
            <div class="scroll"><table class="heat wrap"><thead><tr><th scope="col">Question</th><th scope="col">All</th>\(heads)<th scope="col">Scores</th></tr></thead><tbody>
            \(rows)
            </tbody></table></div>
            """
        let rowsByPerson = participants.map { person -> String in
            let answered = answeredBy[person.name, default: 0]
            return "<tr><td>\(e(person.name))</td><td>\(e(person.organisation ?? ""))</td><td>\(person.layer?.rawValue ?? "not sure")</td><td>\(answered) of \(instrument.questions.count)</td></tr>"
        }.joined(separator: "\n")
        html += """
            <details class="omitted"><summary>Who has joined (\(participants.count))</summary>
            <table><thead><tr><th scope="col">Name</th><th scope="col">Organisation</th><th scope="col">Layer</th><th scope="col">Answered</th></tr></thead><tbody>
            \(rowsByPerson)
            </tbody></table></details>
            """
        let weakest = outcome.priorities.compactMap { outcome.question($0) }.filter { $0.rating != .green && $0.mean != nil }
        html += "<h2>Weakest links</h2>"
        html += weakest.isEmpty ? "<p>Every scored question is green.</p>" : "<ol>" + weakest.map { q -> String in
            // What the room wrote about it, to open the discussion.
            let comments = q.comments.prefix(5).map { "<li>“\(e($0.text))” (\(e($0.participant)))</li>" }.joined()
            let more = q.comments.count > 5 ? "<li>and \(q.comments.count - 5) more in the plan</li>" : ""
            return "<li><strong>\(e(q.question.text))</strong> – mean \(String(format: "%.2f", q.mean!)) (\(q.rating?.rawValue ?? "")), \(FindingWording.count(q.n, "score", "scores"))"
                + (comments.isEmpty ? "" : "<ul class=\"hint\">\(comments)\(more)</ul>") + "</li>"
        }.joined() + "</ol>"
        let contested = outcome.questions.filter(\.contested)
        html += "<h2>Contested questions</h2>"
        html += contested.isEmpty ? "<p>No question splits the room.</p>" : "<ul>" + contested.map { q in
            "<li><strong>\(q.question.id). \(e(q.question.text))</strong> – scores from \(q.minimum ?? 0) to \(q.maximum ?? 0), spread \(String(format: "%.2f", q.standardDeviation ?? 0))</li>"
        }.joined() + "</ul>"
        return html
    }

    /// The agreed actions and the form to add one (shown once the workshop is closed).
    static func actions(_ workshop: Workshop, _ actions: [(id: Int64, action: AgreedAction)], csrf: String) -> String {
        let questions = workshop.instrument.questions
        let rows = actions.map { item in
            """
            <tr><td>\(item.action.question)</td><td>\(e(item.action.action))</td><td>\(e(item.action.owner ?? ""))</td><td>\(e(item.action.due ?? ""))</td>
            <td><form method="post" action="/admin/workshops/\(workshop.id)/actions/\(item.id)/delete" class="inline">\(PageShell.csrfField(csrf))<button type="submit" class="link">Remove</button></form></td></tr>
            """
        }.joined()
        let choices = questions.map { "<option value=\"\($0.id)\">\($0.id). \(e($0.key))</option>" }.joined()
        return """
            <h2>Actions the room agreed</h2>
            \(actions.isEmpty ? "<p>None recorded yet. The plan lists the suggested actions for the weakest questions; add what the room agrees.</p>" : "<table><thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Action</th><th scope=\"col\">Owner</th><th scope=\"col\">Due</th><th scope=\"col\"></th></tr></thead><tbody>\(rows)</tbody></table>")
            <form method="post" action="/admin/workshops/\(workshop.id)/actions">\(PageShell.csrfField(csrf))
            <label for="question">Question</label><select id="question" name="question">\(choices)</select>
            <label for="action">Action</label><input type="text" id="action" name="action" maxlength="500" required>
            <label for="owner">Owner</label><input type="text" id="owner" name="owner" maxlength="200">
            <label for="due">Due</label><input type="text" id="due" name="due" maxlength="100" placeholder="e.g. March 2027">
            <button type="submit">Add the action</button></form>
            """
    }
}
