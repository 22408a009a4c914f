import Foundation
import Hummingbird
import SNAAssessments

/// Signing in and out, and the administrator's dashboard of workshops and surveys.
enum AdminRoutes {
    /// Keeps everything under `/admin` (but the login) to administrator sessions.
    struct Gate: RouterMiddleware {
        typealias Context = ServerRequestContext
        let services: ServerServices

        func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
            guard try await services.admin.isSession(request.cookies[AdminAccess.cookieName]?.value) else {
                if request.method == .get { return Responses.redirect("/admin/login") }
                throw HTTPError(.forbidden, message: "Sign in as the administrator first.")
            }
            return try await next(request, context)
        }
    }

    /// Adds the login routes to `router` and the dashboard to the gated `admin` group.
    static func register(on router: Router<ServerRequestContext>, admin: RouterGroup<ServerRequestContext>, services: ServerServices) {
        router.get("/") { _, context in Responses.html(home(context)) }
        router.get("/admin/login") { _, context in Responses.html(loginPage(context, failed: false)) }
        router.post("/admin/login") { request, context -> Response in
            try await services.refuseIfGuessing(context)
            let form = try await FormInput.read(request, context: context, limit: services.options.limits.formBytes)
            guard let secret = form.raw("secret"), let token = try await services.admin.login(secret: secret.trimmingCharacters(in: .whitespaces)) else {
                await services.countGuess(context)
                return Responses.html(loginPage(context, failed: true), status: .unauthorized)
            }
            var response = Responses.redirect("/admin")
            response.setCookie(Cookie(name: AdminAccess.cookieName, value: token, maxAge: Int(AdminAccess.sessionLifetime), path: "/",
                                      secure: services.options.secureCookies, httpOnly: true, sameSite: .strict))
            return response
        }
        router.post("/admin/logout") { request, context -> Response in
            _ = try await FormInput.read(request, context: context, limit: services.options.limits.formBytes)
            try await services.admin.logout(request.cookies[AdminAccess.cookieName]?.value)
            var response = Responses.redirect("/admin/login")
            response.setCookie(Cookie(name: AdminAccess.cookieName, value: "", maxAge: 0, path: "/", secure: services.options.secureCookies, httpOnly: true, sameSite: .strict))
            return response
        }
        admin.get("") { _, context in
            Responses.html(try await dashboard(context, services: services))
        }
    }

    static func home(_ context: ServerRequestContext) -> String {
        PageShell.page(title: "Welcome", body: """
            <h1>snatool serve</h1>
            <p>Joining a delivery chain workshop? Type the code the facilitator shows.</p>
            <form method="get" action="/join"><label for="code">Workshop code</label>
            <input type="text" id="code" name="code" autocomplete="off" autocapitalize="characters" inputmode="text" maxlength="12" required>
            <button type="submit">Join</button></form>
            <p class="hint">Answering the partnership's network survey? Use the personal link you were sent.</p>
            <p class="hint"><a href="/admin">Facilitators and coordinators sign in here.</a></p>
            """)
    }

    static func loginPage(_ context: ServerRequestContext, failed: Bool) -> String {
        PageShell.page(title: "Sign in", body: """
            <h1>Sign in</h1>
            \(failed ? "<p class=\"notice warn\" role=\"alert\">That is not the administrator secret. Use the one <code>snatool serve</code> printed when it first started, or the one in its secret file.</p>" : "")
            <form method="post" action="/admin/login">\(PageShell.csrfField(context.csrfToken))
            <label for="secret">Administrator secret</label>
            <input type="password" id="secret" name="secret" autocomplete="current-password" required>
            <button type="submit">Sign in</button></form>
            """)
    }

    static func dashboard(_ context: ServerRequestContext, services: ServerServices) async throws -> String {
        let e = PageShell.e
        let workshops = try await services.workshops.all()
        let surveys = try await services.surveys.all()
        let instrumentChoices = services.options.instruments.enumerated().map { index, instrument in
            "<option value=\"\(index)\">\(e(instrument.title))</option>"
        }.joined()
        let workshopRows = workshops.map { item in
            "<tr><td><a href=\"/admin/workshops/\(item.workshop.id)\">\(e(item.workshop.outcome))</a></td><td><code>\(item.workshop.code)</code></td><td>\(item.participants)</td><td>\(item.workshop.isOpen ? "open" : "closed")</td></tr>"
        }.joined(separator: "\n")
        let surveyRows = surveys.map { item in
            "<tr><td><a href=\"/admin/surveys/\(item.survey.id)\">\(e(item.survey.title))</a></td><td>\(item.submitted) of \(item.people)</td><td>\(item.survey.isOpen ? "open" : "closed")</td></tr>"
        }.joined(separator: "\n")
        return PageShell.page(title: "Dashboard", body: """
            <h1>Workshops and surveys</h1>
            <h2>Delivery chain workshops</h2>
            \(workshops.isEmpty ? "<p>No workshop yet.</p>" : "<table><thead><tr><th scope=\"col\">Outcome</th><th scope=\"col\">Code</th><th scope=\"col\">Joined</th><th scope=\"col\">State</th></tr></thead><tbody>\n\(workshopRows)\n</tbody></table>")
            <form method="post" action="/admin/workshops">\(PageShell.csrfField(context.csrfToken))
            <h3>New workshop</h3>
            <label for="outcome">Local Area Agreement outcome</label>
            <input type="text" id="outcome" name="outcome" maxlength="300" required placeholder="e.g. NI 30: re-offending rate of prolific and priority offenders">
            <label for="instrument">Questions</label><select id="instrument" name="instrument">\(instrumentChoices)</select>
            <button type="submit">Open the workshop</button></form>
            <h2>Network surveys</h2>
            \(surveys.isEmpty ? "<p>No survey yet.</p>" : "<table><thead><tr><th scope=\"col\">Survey</th><th scope=\"col\">Submitted</th><th scope=\"col\">State</th></tr></thead><tbody>\n\(surveyRows)\n</tbody></table>")
            <p><a class="button secondary" href="/admin/surveys/new">New network survey</a></p>
            """, header: PageShell.adminHeader(csrf: context.csrfToken))
    }
}
