import Hummingbird
import SNAAssessments

/// Turns an HTTP error into a page in the server's style, with the error's
/// message (written by this server, never the user's input) and a way back.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            let message = error.body ?? error.status.reasonPhrase
            let wantsPage = request.headers[.accept].map { $0.contains("text/html") } ?? false
            guard wantsPage else { throw error }
            var headers = error.headers
            headers[.contentType] = "text/html; charset=utf-8"
            let page = PageShell.page(title: "\(error.status.code) \(error.status.reasonPhrase)", body: """
                <h1>\(HTMLText.escape(error.status.reasonPhrase))</h1>
                <p class="notice">\(HTMLText.escape(message))</p>
                <p><a href="/">Back to the start</a></p>
                """)
            return Response(status: error.status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
        }
    }
}
