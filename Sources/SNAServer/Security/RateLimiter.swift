import Foundation
import Hummingbird

/// Counts events per client address in fixed windows and says when one has
/// had too many: requests per minute for everything, and failed guesses
/// (administrator logins, join codes) per ten minutes.
actor RateLimiter {
    private struct Window { var start: TimeInterval; var count: Int }
    private var windows: [String: Window] = [:]
    private let limit: Int
    private let length: TimeInterval

    /// A limiter allowing `limit` events per `length` seconds (0: unlimited).
    init(limit: Int, per length: TimeInterval) {
        self.limit = limit
        self.length = length
    }

    /// Counts one event for `client`; false when it is over the limit.
    func allow(_ client: String, now: TimeInterval = Date().timeIntervalSince1970) -> Bool {
        guard limit > 0 else { return true }
        if windows.count > 100_000 { windows = windows.filter { now - $0.value.start < length } }
        var window = windows[client] ?? Window(start: now, count: 0)
        if now - window.start >= length { window = Window(start: now, count: 0) }
        window.count += 1
        windows[client] = window
        return window.count <= limit
    }

    /// Whether `client` is over the limit, without counting.
    func isBlocked(_ client: String, now: TimeInterval = Date().timeIntervalSince1970) -> Bool {
        guard limit > 0, let window = windows[client], now - window.start < length else { return false }
        return window.count >= limit
    }
}

extension ServerRequestContext {
    /// The client's address, as the key of its rate limits ("local" in route tests).
    var clientKey: String { remoteAddress?.ipAddress ?? "local" }
}

/// Refuses a client's requests beyond the limit per minute with 429.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard await limiter.allow(context.clientKey) else {
            throw HTTPError(.tooManyRequests, headers: [.retryAfter: "60"], message: "Too many requests from your address. Wait a minute and try again.")
        }
        return try await next(request, context)
    }
}
