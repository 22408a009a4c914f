import Foundation
import HTTPTypes
import Hummingbird
import ServiceLifecycle

/// Responses the routes build: pages, fragments, redirects, downloads.
enum Responses {
    /// An HTML page or fragment.
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A redirect after a form (303: the browser follows it with GET).
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// JSON.
    static func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A file to save, named `filename`.
    static func download(_ text: String, filename: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(filename)\""],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A generated document (report, printed plan) shown in the browser,
    /// sandboxed under its own policy because it carries inline style and script.
    static func document(_ html: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .contentSecurityPolicy: SecurityHeadersMiddleware.documentPolicy],
                 body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A server-sent event stream for `topic`: one `update` event whenever it
    /// changes, a comment line as heartbeat.
    static func events(_ topic: String, broadcaster: Broadcaster) async -> Response {
        let subscription = await broadcaster.subscribe(topic)
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-store", HTTPField.Name("X-Accel-Buffering")!: "no"],
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 3000\n\n"))
                // When the server is told to stop (Ctrl-C, SIGTERM), the stream ends, so shutdown never waits on an open screen.
                try await withGracefulShutdownHandler {
                    for await signal in subscription.stream {
                        switch signal {
                        case .update: try await writer.write(ByteBuffer(string: "event: update\ndata: \n\n"))
                        case .heartbeat: try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                        }
                    }
                } onGracefulShutdown: {
                    subscription.end()
                }
                try await writer.finish(nil)
            })
    }

    /// A time of day for "saved at".
    static func clock(_ date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: date)
    }

    /// A date for plans and reports, e.g. "3 December 2026".
    static func day(_ date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.dateFormat = "d MMMM yyyy"
        return formatter.string(from: date)
    }
}
