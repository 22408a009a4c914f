import Hummingbird

/// Gives each browser a CSRF token in a SameSite=Strict cookie and puts it in
/// the request context, so every page's forms can carry it (`FormInput.read`
/// checks it). The double-submit pattern: another site can make the browser
/// send the cookie, but cannot read it to put it in the form.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    /// The cookie's name.
    static let cookieName = "snatool_csrf"
    /// Whether cookies are marked Secure (the server is reached over HTTPS).
    let secureCookies: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let existing = request.cookies[Self.cookieName]?.value
        let token = existing.flatMap { Tokens.isWellFormed($0) ? $0 : nil } ?? Tokens.random()
        context.csrfToken = token
        var response = try await next(request, context)
        if existing != token {
            response.setCookie(Cookie(name: Self.cookieName, value: token, path: "/", secure: secureCookies, httpOnly: true, sameSite: .strict))
        }
        return response
    }
}
