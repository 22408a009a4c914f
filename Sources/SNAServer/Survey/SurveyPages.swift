import Foundation
import SNACore
import SNAIO

/// The survey's pages: creating it, the respondent's form, the coordinator's screen.
enum SurveyPages {
    static let e = PageShell.e

    /// JSON text for a `data-` attribute (escaped again for HTML by the caller).
    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    /// The form that makes a survey from a people file.
    static func new(csrf: String, problems: [String] = [], title: String = "", peopleCSV: String = "", strength: Bool = true, ratings: Bool = false) -> String {
        let problemList = problems.isEmpty ? "" : "<div class=\"notice warn\" role=\"alert\"><p>The people file cannot be used yet:</p><ul>" + problems.map { "<li>\(e($0))</li>" }.joined() + "</ul></div>"
        return PageShell.page(title: "New network survey", body: """
            <h1>New network survey</h1>
            \(problemList)
            <form method="post" action="/admin/surveys">\(PageShell.csrfField(csrf))
            <label for="title">Title</label><input type="text" id="title" name="title" maxlength="200" required value="\(e(title))" placeholder="e.g. Bolton Community Safety Partnership, spring 2027">
            <label for="people-file">People file (CSV)</label>
            <input type="file" id="people-file" accept=".csv,text/csv" data-into="people">
            <p class="hint">One row per person: an <code>id</code> (or <code>name</code>) column, an <code>organisation</code> column, and any others (<code>layer</code>, <code>sector</code>, <code>role</code>), as for <code>snatool analyse --people</code>. Choose the file, or paste it below.</p>
            <textarea id="people" name="people" class="file" required>\(e(peopleCSV))</textarea>
            <label><input type="checkbox" name="strength" value="1"\(strength ? " checked" : "")> Ask how often for each tie</label>
            <label><input type="checkbox" name="ratings" value="partnership-trust-value"\(ratings ? " checked" : "")> Ask the trust and value ratings for each tie (openness, reliability, shared mission; power, resources, involvement; 1-4)</label>
            <button type="submit">Make the survey and its links</button></form>
            """, header: PageShell.adminHeader(csrf: csrf))
    }

    /// One person on the list, as the picker shows them.
    struct PickerPerson: Encodable {
        var id: Int64
        var name: String
        var organisation: String?
    }

    /// A saved tie, as the picker restores it.
    struct PickedContact: Encodable {
        var id: Int64?
        var name: String
        var organisation: String?
        var strength: Int?
        var ratings: [String: Int]
    }

    struct StrengthChoice: Encodable { var value: Int; var label: String }
    struct RatingChoice: Encodable { var id: String; var label: String; var minimum: Int; var maximum: Int }

    /// The respondent's form: a picker for each theme, saved as they go.
    static func respondent(_ survey: NetworkSurvey, _ respondent: SurveyRespondent, ties: [NamedTie], people: [Int64: SurveyRespondent],
                           csrf: String, notice: String?) -> String {
        let head = """
            <h1>\(e(survey.title))</h1>
            <p class="notice">Answering as <strong>\(e(respondent.name))</strong>\(respondent.organisation.map { ", \(e($0))" } ?? ""). This link is yours alone: do not forward it.</p>
            """
        guard survey.isOpen else {
            return PageShell.page(title: survey.title, body: head + "<p class=\"notice ok\">The survey has closed. Thank you\(respondent.submitted != nil ? " for your answers" : "").</p>")
        }
        let strengths = survey.asksStrength ? SurveyQuestions.strengths.map { StrengthChoice(value: $0.value, label: $0.label) } : []
        let ratings = survey.ratings.items.map { RatingChoice(id: $0.id, label: $0.label, minimum: Int($0.minimum), maximum: Int($0.maximum)) }
        let blocks = SurveyQuestions.themes.map { item -> String in
            let picked = ties.filter { $0.theme == item.theme.id }.map { tie in
                let person = tie.contactID.flatMap { people[$0] }
                return PickedContact(id: person?.id, name: person?.name ?? tie.freeText ?? "", organisation: person?.organisation, strength: tie.strength, ratings: tie.ratings)
            }
            return """
                <fieldset class="question" data-theme="\(e(item.theme.id))" data-picked="\(e(json(picked)))"><legend>\(e(item.question))</legend>
                <p class="hint">\(e(item.hint)) Type two or more letters of a name or organisation, then pick.</p>
                <label for="find-\(e(item.theme.id))" class="hint">Find a person</label>
                <input type="search" id="find-\(e(item.theme.id))" autocomplete="off" aria-describedby="picked-\(e(item.theme.id))">
                <ul class="matches" aria-label="Matching people"></ul>
                <ul class="picked" id="picked-\(e(item.theme.id))" aria-label="People you named"></ul>
                </fieldset>
                """
        }.joined(separator: "\n")
        return PageShell.page(title: survey.title, body: head + """
            \(notice.map { "<p class=\"notice ok\" role=\"status\">\(e($0))</p>" } ?? "")
            <p>For each question, name the people in the partnership you are tied to. Your answers are saved as you go; press <strong>Submit</strong> when you have finished. You can come back to this link and change them until the survey closes.</p>
            <noscript><p class="notice warn">This form needs JavaScript to search the list of people.</p></noscript>
            <form method="post" action="/s/\(respondent.token)" data-people="/s/\(respondent.token)/people.json" data-strengths="\(e(json(strengths)))" data-ratings="\(e(json(ratings)))">\(PageShell.csrfField(csrf))
            \(blocks)
            <p id="save-status" class="status" role="status" aria-live="polite"></p>
            <button type="submit" name="action" value="save" class="secondary">Save</button>
            <button type="submit" name="action" value="submit">Submit my answers</button></form>
            """)
    }

    /// The coordinator's screen.
    static func coordinator(_ survey: NetworkSurvey, panel: String, unlisted: [UnlistedName], people: [SurveyRespondent], csrf: String) -> String {
        let options = people.map { "<option value=\"\($0.id)\">\(e($0.name))\($0.organisation.map { " (\(e($0)))" } ?? "")</option>" }.joined()
        let grouped = Dictionary(grouping: unlisted, by: { NameKey.key($0.text) })
        let names = grouped.values.map { $0 }.sorted { $0[0].text < $1[0].text }
        let rows = names.map { group -> String in
            let first = group[0]
            let by = Set(group.map(\.respondent)).sorted().map(e).joined(separator: "; ")
            return """
                <tr><td>\(e(first.text))</td><td>\(by)</td><td>\(first.matched.map(e) ?? "<em>not matched</em>")</td>
                <td><form method="post" action="/admin/surveys/\(survey.id)/match">\(PageShell.csrfField(csrf))<input type="hidden" name="text" value="\(e(first.text))">
                <select name="person" aria-label="Match \(e(first.text)) to"><option value="">Not on the list</option>\(options)</select>
                <button type="submit" class="secondary">Match</button></form></td></tr>
                """
        }.joined(separator: "\n")
        let state = survey.isOpen ? """
            <form method="post" action="/admin/surveys/\(survey.id)/close">\(PageShell.csrfField(csrf))<button type="submit" class="danger">Close the survey</button></form>
            """ : """
            <p class="notice ok">Closed: respondents can no longer change their answers.</p>
            <form method="post" action="/admin/surveys/\(survey.id)/reopen">\(PageShell.csrfField(csrf))<button type="submit" class="secondary">Open it again</button></form>
            """
        return PageShell.page(title: survey.title, body: """
            <h1>\(e(survey.title))</h1>
            <p><a class="button secondary" href="/admin/surveys/\(survey.id)/links.csv">Download everyone's links (CSV, for a mail merge and reminders)</a></p>
            <div id="live" aria-live="polite" data-live="/admin/surveys/\(survey.id)/live" data-events="/admin/surveys/\(survey.id)/events">\(panel)</div>
            <h2>Names not on the list</h2>
            \(names.isEmpty ? "<p>None so far.</p>" : "<p>Respondents typed these. Match each to a person on the list where it is one, so the tie counts for them.</p><table><thead><tr><th scope=\"col\">Typed</th><th scope=\"col\">By</th><th scope=\"col\">Matched to</th><th scope=\"col\">Match</th></tr></thead><tbody>\n\(rows)\n</tbody></table>")
            <h2>Results</h2>
            <p><a class="button" href="/admin/surveys/\(survey.id)/report.html">Open the report</a>
            <a class="button secondary" href="/admin/surveys/\(survey.id)/responses.csv">Download the responses (long layout)</a>
            <a class="button secondary" href="/admin/surveys/\(survey.id)/people.csv">Download the people file</a></p>
            <p class="hint">The report is made by the same code as <code>snatool report responses.csv --people people.csv</code>, from the submitted answers.</p>
            \(state)
            \(PageShell.deleteForm(action: "/admin/surveys/\(survey.id)/delete", what: "survey", csrf: csrf))
            """, header: PageShell.adminHeader(csrf: csrf))
    }

    /// The live panel: the response rate overall and by organisation.
    static func panel(_ people: [SurveyRespondent]) -> String {
        let submitted = people.filter { $0.submitted != nil }.count
        let started = people.filter { $0.saved != nil && $0.submitted == nil }.count
        func rate(_ part: Int, _ whole: Int) -> String { whole == 0 ? "–" : FindingWording.percent(Double(part) / Double(whole)) }
        let byOrganisation = Dictionary(grouping: people, by: { $0.organisation ?? "(no organisation)" })
        let rows = byOrganisation.sorted { $0.key.localizedCaseInsensitiveCompare($1.key) == .orderedAscending }.map { organisation, members in
            let done = members.filter { $0.submitted != nil }.count
            let drafts = members.filter { $0.saved != nil && $0.submitted == nil }.count
            return "<tr><td>\(e(organisation))</td><td>\(members.count)</td><td>\(done)</td><td>\(drafts)</td><td>\(rate(done, members.count))</td></tr>"
        }.joined(separator: "\n")
        return """
            <div class="figures">
            <div class="figure"><span class="value">\(people.count)</span><span class="label">people</span></div>
            <div class="figure"><span class="value">\(submitted)</span><span class="label">submitted</span></div>
            <div class="figure"><span class="value">\(started)</span><span class="label">started, not submitted</span></div>
            <div class="figure"><span class="value">\(rate(submitted, people.count))</span><span class="label">response rate</span></div>
            </div>
            <h2>Response rate by organisation</h2>
            <table><thead><tr><th scope="col">Organisation</th><th scope="col">People</th><th scope="col">Submitted</th><th scope="col">Started</th><th scope="col">Rate</th></tr></thead><tbody>
            \(rows)
            </tbody></table>
            """
    }
}
