import HTTPTypes
import Hummingbird

/// Headers on every response: a Content-Security-Policy that runs only the
/// server's own script file (no inline script, so nothing in the data can
/// run), no framing, no MIME sniffing, no referrer (links carry tokens), and
/// no caching of pages that hold answers.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    /// The policy of the server's own pages.
    static let pagePolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    /// The policy of a generated document (the report, the printed plan): it
    /// carries its own inline style and script, so it runs sandboxed, as an
    /// origin of its own with no access to this server's cookies or pages.
    static let documentPolicy = "sandbox allow-scripts allow-popups allow-modals; default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = Self.pagePolicy }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
