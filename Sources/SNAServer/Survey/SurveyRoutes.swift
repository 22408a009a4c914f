import Foundation
import Hummingbird
import SNACore
import SNAIO

extension String {
    /// The text with its first letter in capitals.
    var capitalizingFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// The network survey's routes: the coordinator makes a survey from a people
/// file and hands out one link per person; respondents pick their contacts
/// and submit; the coordinator watches the response rate, matches typed
/// names, closes it, and downloads the responses or opens the report.
enum SurveyRoutes {
    static func register(on router: Router<ServerRequestContext>, admin: RouterGroup<ServerRequestContext>, services: ServerServices) {
        let store = services.surveys, limit = services.options.limits.formBytes

        // Respondents.
        router.get("/s/:token") { request, context -> Response in
            let (respondent, survey) = try await respondent(context, store: store)
            let people = try await store.respondents(survey.id)
            let notice = request.uri.queryParameters["submitted"] != nil ? "Submitted at \(Responses.clock()). Thank you. You can still change your answers here until the survey closes."
                : request.uri.queryParameters["saved"] != nil ? "Saved at \(Responses.clock())." : nil
            return Responses.html(SurveyPages.respondent(survey, respondent, ties: try await store.ties(of: respondent.id),
                                                         people: Dictionary(uniqueKeysWithValues: people.map { ($0.id, $0) }),
                                                         csrf: context.csrfToken, notice: notice))
        }
        router.get("/s/:token/people.json") { _, context -> Response in
            let (respondent, survey) = try await respondent(context, store: store)
            let people = try await store.respondents(survey.id).filter { $0.id != respondent.id }
            return Responses.json(SurveyPages.json(people.map { SurveyPages.PickerPerson(id: $0.id, name: $0.name, organisation: $0.organisation) }))
        }
        router.post("/s/:token") { request, context -> Response in
            let (respondent, survey) = try await respondent(context, store: store)
            let form = try await FormInput.read(request, context: context, limit: limit)
            let ties = try namedTies(form, survey: survey)
            let submit = form.value("action") == "submit"
            switch try await store.save(ties, for: respondent, submit: submit) {
            case .closed: throw HTTPError(.conflict, message: "The survey closed before these answers arrived, so they were not saved.")
            case .unknownContact: throw HTTPError(.unprocessableContent, message: "One of the people picked is not on this survey's list. Reload the page and pick again.")
            case .saved: break
            }
            await services.broadcaster.publish(topic(survey.id))
            if request.headers[.accept]?.contains("application/json") == true {
                return Responses.json("{\"saved\":\"\(Responses.clock())\",\"submitted\":\(submit)}")
            }
            return Responses.redirect("/s/\(respondent.token)?\(submit ? "submitted" : "saved")=1")
        }

        // The coordinator.
        admin.get("/surveys/new") { _, context in Responses.html(SurveyPages.new(csrf: context.csrfToken)) }
        admin.post("/surveys") { request, context -> Response in
            let form = try await FormInput.read(request, context: context, limit: services.options.limits.uploadBytes)
            let title = NameKey.cleaned(form.value("title") ?? ""), csv = form.raw("people") ?? ""
            let preset = form.value("ratings").flatMap { RatingSet.presets[$0] != nil ? $0 : nil }
            func again(_ problems: [String]) -> Response {
                Responses.html(SurveyPages.new(csrf: context.csrfToken, problems: problems, title: title, peopleCSV: csv,
                                               strength: form.value("strength") != nil, ratings: preset != nil), status: .unprocessableContent)
            }
            guard !title.isEmpty, title.count <= 200 else { return again(["Give the survey a title (at most 200 characters)."]) }
            let people: PartnershipNetwork
            do throws(InputError) {
                people = try PeopleRoster.read(try CSVReader.parse(text: csv, file: "people file"))
            } catch {
                return again(error.diagnostics.filter { $0.severity == .error }.prefix(20).map(inWords))
            }
            guard people.people.count >= 2 else {
                return again(["The people file lists \(people.people.isEmpty ? "nobody" : "only one person"); a network survey needs at least two people."])
            }
            let survey = try await store.create(title: title, people: people, peopleCSV: csv, asksStrength: form.value("strength") != nil, ratingPreset: preset)
            return Responses.redirect("/admin/surveys/\(survey.id)")
        }
        admin.get("/surveys/:id") { _, context -> Response in
            let survey = try await survey(context, store: store)
            let people = try await store.respondents(survey.id)
            return Responses.html(SurveyPages.coordinator(survey, panel: SurveyPages.panel(people), unlisted: try await store.unlisted(survey.id),
                                                          people: people, csrf: context.csrfToken))
        }
        admin.get("/surveys/:id/live") { _, context -> Response in
            let survey = try await survey(context, store: store)
            return Responses.html(SurveyPages.panel(try await store.respondents(survey.id)))
        }
        admin.get("/surveys/:id/events") { _, context -> Response in
            let survey = try await survey(context, store: store)
            return await Responses.events(topic(survey.id), broadcaster: services.broadcaster)
        }
        for (path, open) in [("/surveys/:id/close", false), ("/surveys/:id/reopen", true)] {
            admin.post(RouterPath(path)) { request, context -> Response in
                let survey = try await survey(context, store: store)
                _ = try await FormInput.read(request, context: context, limit: limit)
                try await store.setOpen(survey.id, open)
                return Responses.redirect("/admin/surveys/\(survey.id)")
            }
        }
        admin.post("/surveys/:id/delete") { request, context -> Response in
            let survey = try await survey(context, store: store)
            let form = try await FormInput.read(request, context: context, limit: limit)
            guard form.value("confirm") == "yes" else { throw HTTPError(.unprocessableContent, message: "Tick the box to say the survey may be deleted.") }
            try await store.delete(survey.id)
            return Responses.redirect("/admin")
        }
        admin.post("/surveys/:id/match") { request, context -> Response in
            let survey = try await survey(context, store: store)
            let form = try await FormInput.read(request, context: context, limit: limit)
            guard let text = form.raw("text") else { throw HTTPError(.unprocessableContent, message: "Say which typed name to match.") }
            try await store.match(survey.id, text: text, to: form.value("person").flatMap(Int64.init))
            return Responses.redirect("/admin/surveys/\(survey.id)")
        }
        admin.get("/surveys/:id/links.csv") { request, context -> Response in
            let survey = try await survey(context, store: store)
            // The status column picks out whom to remind.
            var writer = CSVWriter(header: ["name", "organisation", "link", "status"])
            let base = services.baseURL(request)
            for person in try await store.respondents(survey.id) {
                let status = person.submitted != nil ? "submitted" : person.saved != nil ? "started" : "not started"
                writer.append([.text(person.name), .text(person.organisation ?? ""), .text("\(base)/s/\(person.token)"), .text(status)])
            }
            return Responses.download(writer.output, filename: "survey-\(survey.id)-links.csv", type: "text/csv; charset=utf-8")
        }
        admin.get("/surveys/:id/responses.csv") { _, context -> Response in
            let survey = try await survey(context, store: store)
            return Responses.download(try await store.longCSV(survey), filename: "survey-\(survey.id)-responses.csv", type: "text/csv; charset=utf-8")
        }
        admin.get("/surveys/:id/people.csv") { _, context -> Response in
            let survey = try await survey(context, store: store)
            return Responses.download(survey.peopleCSV, filename: "survey-\(survey.id)-people.csv", type: "text/csv; charset=utf-8")
        }
        admin.get("/surveys/:id/report.html") { _, context -> Response in
            let survey = try await survey(context, store: store)
            return Responses.document(try await SurveyReport.html(survey, store: store))
        }
    }

    /// A problem in the uploaded people file, for a page: where, what, the value, the fix.
    static func inWords(_ problem: Diagnostic) -> String {
        var place: [String] = []
        if let line = problem.location?.line { place.append("line \(line)") }
        if let column = problem.location?.column { place.append("column \(column)" + (problem.location?.columnName.map { " (\($0))" } ?? "")) }
        let value = problem.value.map { " \"\($0)\"" } ?? ""
        let fix = problem.fix.map { " Fix: \($0)." } ?? ""
        return (place.isEmpty ? "" : place.joined(separator: ", ").capitalizingFirst + ": ") + problem.message + value + "." + fix
    }

    /// The live topic of a survey.
    static func topic(_ id: Int64) -> String { "survey:\(id)" }

    /// The ties in a respondent's form: `tie.THEME` fields of `p:ID` (a person
    /// on the list) or `t:TEXT` (someone not on it), with their
    /// `strength.THEME.VALUE` and `rating.ITEM.THEME.VALUE` fields.
    static func namedTies(_ form: FormInput, survey: NetworkSurvey) throws -> [NamedTie] {
        var ties: [NamedTie] = []
        var seen: Set<String> = []
        for item in SurveyQuestions.themes {
            let theme = item.theme.id
            for value in form.values("tie.\(theme)") {
                var tie = NamedTie(theme: theme)
                if value.hasPrefix("p:"), let id = Int64(value.dropFirst(2)) {
                    tie.contactID = id
                } else if value.hasPrefix("t:") {
                    let text = String(NameKey.cleaned(String(value.dropFirst(2))).prefix(200))
                    guard !text.isEmpty else { continue }
                    tie.freeText = text
                } else {
                    throw HTTPError(.unprocessableContent, message: "A contact in the form is not one this page makes. Reload the page and pick again.")
                }
                guard seen.insert("\(theme)\u{1F}\(tie.contactID.map(String.init) ?? NameKey.key(tie.freeText!))").inserted else { continue }
                if survey.asksStrength, let raw = form.value("strength.\(theme).\(value)") {
                    guard let strength = Int(raw), SurveyQuestions.strengths.contains(where: { $0.value == strength }) else {
                        throw HTTPError(.unprocessableContent, message: "'How often' must be one of the choices given.")
                    }
                    tie.strength = strength
                }
                for rating in survey.ratings.items {
                    guard let raw = form.value("rating.\(rating.id).\(theme).\(value)") else { continue }
                    guard let score = Int(raw), rating.accepts(Double(score)) else {
                        throw HTTPError(.unprocessableContent, message: "\(rating.label) must be from \(rating.scaleText).")
                    }
                    tie.ratings[rating.id] = score
                }
                ties.append(tie)
            }
        }
        return ties
    }

    static func survey(_ context: ServerRequestContext, store: SurveyStore) async throws -> NetworkSurvey {
        guard let id = context.parameters.get("id", as: Int64.self), let survey = try await store.survey(id: id) else {
            throw HTTPError(.notFound, message: "There is no such survey.")
        }
        return survey
    }

    static func respondent(_ context: ServerRequestContext, store: SurveyStore) async throws -> (SurveyRespondent, NetworkSurvey) {
        guard let token = context.parameters.get("token"), let found = try await store.respondent(token: token) else {
            throw HTTPError(.notFound, message: "This link is not a survey respondent's. Use the link you were sent, or ask the survey's coordinator for it.")
        }
        return found
    }
}
