import Foundation
import Hummingbird
import SNAAssessments
import SNACore
import SNAIO

/// The live DCA workshop's routes: participants join with a code and score
/// through their own link; the facilitator watches the live screen, closes
/// the workshop, records agreed actions and downloads the plan and responses.
enum WorkshopRoutes {
    static func register(on router: Router<ServerRequestContext>, admin: RouterGroup<ServerRequestContext>, services: ServerServices) {
        let store = services.workshops, limit = services.options.limits.formBytes

        // Participants.
        router.get("/join") { request, context -> Response in
            guard let typed = request.uri.queryParameters["code"].map(String.init) else { return Responses.redirect("/") }
            try await services.refuseIfGuessing(context)
            guard let workshop = try await store.workshop(code: typed) else {
                await services.countGuess(context)
                throw HTTPError(.notFound, message: "No workshop has that code. Check it with the facilitator: codes are six letters and digits.")
            }
            return Responses.redirect("/j/\(workshop.code)")
        }
        router.get("/j/:code") { _, context -> Response in
            let workshop = try await workshop(code: context, store: store, services: services)
            guard workshop.isOpen else { throw HTTPError(.gone, message: "The facilitator has closed this workshop.") }
            return Responses.html(WorkshopPages.join(workshop, csrf: context.csrfToken))
        }
        router.post("/j/:code") { request, context -> Response in
            let workshop = try await workshop(code: context, store: store, services: services)
            let form = try await FormInput.read(request, context: context, limit: limit)
            let name = NameKey.cleaned(form.value("name") ?? ""), organisation = form.value("organisation").map(NameKey.cleaned)
            func again(_ problem: String) -> Response {
                Responses.html(WorkshopPages.join(workshop, csrf: context.csrfToken, problem: problem, name: name, organisation: organisation ?? ""), status: .unprocessableContent)
            }
            guard !name.isEmpty, name.count <= 120 else { return again("Write your name (at most 120 characters).") }
            let layer = form.value("layer").flatMap(Layer.init(spelling:))
            do {
                let participant = try await store.join(workshop.id, name: name, organisation: organisation.flatMap { $0.isEmpty ? nil : String($0.prefix(200)) }, layer: layer)
                await services.broadcaster.publish(topic(workshop.id))
                return Responses.redirect("/w/\(participant.token)")
            } catch JoinRefusal.nameTaken {
                return again("Someone has joined as \(name) already. If that was you on another device, use the link from that device; otherwise add an initial or your role.")
            } catch JoinRefusal.closed {
                throw HTTPError(.gone, message: "The facilitator has closed this workshop.")
            }
        }
        router.get("/w/:token") { request, context -> Response in
            let (participant, workshop) = try await participant(context, store: store)
            let answers = try await store.answers(of: participant.id)
            return Responses.html(WorkshopPages.scoring(workshop, participant, answers: answers, csrf: context.csrfToken,
                                                        saved: request.uri.queryParameters["saved"] != nil))
        }
        router.post("/w/:token") { request, context -> Response in
            let (participant, workshop) = try await participant(context, store: store)
            let form = try await FormInput.read(request, context: context, limit: limit)
            var answers: [SavedAnswer] = []
            for question in workshop.instrument.questions {
                let comment = form.value("comment_q\(question.id)").map { String(NameKey.cleaned($0).prefix(2000)) }.flatMap { $0.isEmpty ? nil : $0 }
                guard let raw = form.value("q\(question.id)") else {
                    if comment != nil {
                        throw HTTPError(.unprocessableContent, message: "Question \(question.id) has a comment but no score: choose a score or don't know, then save again.")
                    }
                    continue
                }
                guard let answer = raw == "dont-know" ? .dontKnow : workshop.instrument.score(of: raw) else {
                    throw HTTPError(.unprocessableContent, message: "Question \(question.id): '\(raw.prefix(20))' is not a score on the scale.")
                }
                answers.append(SavedAnswer(question: question.id, answer: answer, comment: comment))
            }
            guard try await store.save(answers, for: participant) else {
                throw HTTPError(.conflict, message: "The facilitator closed the workshop before these scores arrived, so they were not saved.")
            }
            await services.broadcaster.publish(topic(workshop.id))
            return Responses.redirect("/w/\(participant.token)?saved=1")
        }

        // The facilitator.
        admin.post("/workshops") { request, context -> Response in
            let form = try await FormInput.read(request, context: context, limit: limit)
            let outcome = NameKey.cleaned(form.value("outcome") ?? "")
            guard !outcome.isEmpty, outcome.count <= 300 else {
                throw HTTPError(.unprocessableContent, message: "Write the outcome the workshop examines (at most 300 characters).")
            }
            let index = form.value("instrument").flatMap(Int.init) ?? 0
            guard services.options.instruments.indices.contains(index) else { throw HTTPError(.unprocessableContent, message: "Choose one of the listed instruments.") }
            let workshop = try await store.create(outcome: outcome, instrument: services.options.instruments[index])
            return Responses.redirect("/admin/workshops/\(workshop.id)")
        }
        admin.get("/workshops/:id") { request, context -> Response in
            let workshop = try await workshop(id: context, store: store)
            let panel = try await livePanel(workshop, store: store)
            let actions = WorkshopPages.actions(workshop, try await store.actions(workshop), csrf: context.csrfToken)
            return Responses.html(WorkshopPages.facilitator(workshop, panel: panel, joinURL: services.baseURL(request), csrf: context.csrfToken, actions: actions))
        }
        admin.get("/workshops/:id/live") { _, context -> Response in
            Responses.html(try await livePanel(try await workshop(id: context, store: store), store: store))
        }
        admin.get("/workshops/:id/events") { _, context -> Response in
            let workshop = try await workshop(id: context, store: store)
            return await Responses.events(topic(workshop.id), broadcaster: services.broadcaster)
        }
        for (path, open) in [("/workshops/:id/close", false), ("/workshops/:id/reopen", true)] {
            admin.post(RouterPath(path)) { request, context -> Response in
                let workshop = try await workshop(id: context, store: store)
                _ = try await FormInput.read(request, context: context, limit: limit)
                try await store.setOpen(workshop.id, open)
                await services.broadcaster.publish(topic(workshop.id))
                return Responses.redirect("/admin/workshops/\(workshop.id)")
            }
        }
        admin.post("/workshops/:id/delete") { request, context -> Response in
            let workshop = try await workshop(id: context, store: store)
            let form = try await FormInput.read(request, context: context, limit: limit)
            guard form.value("confirm") == "yes" else { throw HTTPError(.unprocessableContent, message: "Tick the box to say the workshop may be deleted.") }
            try await store.delete(workshop.id)
            await services.broadcaster.publish(topic(workshop.id))
            return Responses.redirect("/admin")
        }
        admin.post("/workshops/:id/actions") { request, context -> Response in
            let workshop = try await workshop(id: context, store: store)
            let form = try await FormInput.read(request, context: context, limit: limit)
            guard let question = form.value("question").flatMap(Int.init), workshop.instrument.questions.contains(where: { $0.id == question }),
                  let action = form.value("action").map({ String(NameKey.cleaned($0).prefix(500)) }), !action.isEmpty else {
                throw HTTPError(.unprocessableContent, message: "Choose a question and write the action.")
            }
            try await store.addAction(AgreedAction(outcome: workshop.outcome, question: question, action: action,
                                                   owner: form.value("owner").map { String(NameKey.cleaned($0).prefix(200)) },
                                                   due: form.value("due").map { String(NameKey.cleaned($0).prefix(100)) }), to: workshop.id)
            return Responses.redirect("/admin/workshops/\(workshop.id)")
        }
        admin.post("/workshops/:id/actions/:action/delete") { request, context -> Response in
            let workshop = try await workshop(id: context, store: store)
            _ = try await FormInput.read(request, context: context, limit: limit)
            guard let action = context.parameters.get("action", as: Int64.self) else { throw HTTPError(.notFound) }
            try await store.removeAction(action, from: workshop.id)
            return Responses.redirect("/admin/workshops/\(workshop.id)")
        }
        admin.get("/workshops/:id/responses.csv") { _, context -> Response in
            let workshop = try await workshop(id: context, store: store)
            return Responses.download(WorkshopExport.responsesCSV(try await store.responses(workshop), instrument: workshop.instrument),
                                      filename: "dca-responses-\(workshop.code).csv", type: "text/csv; charset=utf-8")
        }
        for format in ["html", "md", "csv"] {
            admin.get(RouterPath("/workshops/:id/plan.\(format)")) { _, context -> Response in
                let workshop = try await workshop(id: context, store: store)
                let plan = try await WorkshopExport.plan(workshop, store: store)
                switch format {
                case "html": return Responses.document(plan.html())
                case "md": return Responses.download(plan.markdown(), filename: "action-plan-\(workshop.code).md", type: "text/markdown; charset=utf-8")
                default: return Responses.download(plan.csv(), filename: "action-plan-\(workshop.code).csv", type: "text/csv; charset=utf-8")
                }
            }
        }
    }

    /// The live topic of a workshop.
    static func topic(_ id: Int64) -> String { "workshop:\(id)" }

    static func livePanel(_ workshop: Workshop, store: WorkshopStore) async throws -> String {
        WorkshopPages.panel(workshop, participants: try await store.participants(workshop.id), responses: try await store.responses(workshop))
    }

    static func workshop(code context: ServerRequestContext, store: WorkshopStore, services: ServerServices) async throws -> Workshop {
        try await services.refuseIfGuessing(context)
        guard let code = context.parameters.get("code"), let workshop = try await store.workshop(code: code) else {
            await services.countGuess(context)
            throw HTTPError(.notFound, message: "No workshop has that code. Check it with the facilitator: codes are six letters and digits.")
        }
        return workshop
    }

    static func workshop(id context: ServerRequestContext, store: WorkshopStore) async throws -> Workshop {
        guard let id = context.parameters.get("id", as: Int64.self), let workshop = try await store.workshop(id: id) else {
            throw HTTPError(.notFound, message: "There is no such workshop.")
        }
        return workshop
    }

    static func participant(_ context: ServerRequestContext, store: WorkshopStore) async throws -> (WorkshopParticipant, Workshop) {
        guard let token = context.parameters.get("token"), let participant = try await store.participant(token: token),
              let workshop = try await store.workshop(id: participant.workshopID) else {
            throw HTTPError(.notFound, message: "This link is not a workshop participant's. Join again with the workshop code.")
        }
        return (participant, workshop)
    }
}

/// What a workshop produces: the responses as `snatool dca score` reads them, and the action plan.
public enum WorkshopExport {
    /// The long layout `snatool dca score` reads: one row per participant and
    /// question, with organisation, layer and comment.
    public static func responsesCSV(_ responses: [DCAResponse], instrument: Instrument) -> String {
        var writer = CSVWriter(header: ["outcome", "participant", "organisation", "layer", "question", "score", "comment"])
        for response in responses {
            let score: String
            switch response.answer {
            case .score(let value): score = String(value)
            case .dontKnow: score = "don't know"
            }
            writer.append([.text(response.outcome), .text(response.participant), .text(response.organisation ?? ""), .text(response.layer?.rawValue ?? ""),
                           .text("q\(response.question)"), .text(score), .text(response.comment ?? "")])
        }
        return writer.output
    }

    /// The workshop's action plan with the actions the room agreed.
    public static func plan(_ workshop: Workshop, store: WorkshopStore) async throws -> DCAPlan {
        let scores = DCAScores(responses: try await store.responses(workshop), instrument: workshop.instrument)
        return DCAPlan(scores: scores, actions: try await store.actions(workshop).map(\.action), date: Responses.day())
    }
}
