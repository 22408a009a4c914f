import Foundation
import HTTPTypes
import Hummingbird
import Logging
import SNAAssessments

/// How `snatool serve` is set up: where the data lives, how it is reached,
/// what instruments workshops may use, and its limits.
public struct ServeOptions: Sendable {
    /// The SQLite file.
    public var databasePath = "snatool-serve.sqlite"
    /// The address to listen on (loopback unless told otherwise).
    public var host = "127.0.0.1"
    /// The port.
    public var port = 8080
    /// A file holding the administrator's secret, instead of a generated one.
    public var adminSecretFile: String?
    /// Whether the browser reaches the server over HTTPS (a TLS reverse
    /// proxy): cookies are then marked Secure.
    public var secureCookies = false
    /// The scored instruments a workshop may use, the delivery chain first.
    public var instruments: [Instrument] = [.deliveryChain]
    /// Request limits.
    public var limits = ServerLimits()

    /// The defaults: `snatool-serve.sqlite` in the current folder, 127.0.0.1:8080.
    public init() {}
}

/// What every route shares: the database and its stores, the live broadcaster,
/// administrator access, the rate limiters and the options.
public struct ServerServices: Sendable {
    /// The options the server was started with.
    public let options: ServeOptions
    /// The database.
    public let database: ServerDatabase
    /// Wakes live screens.
    public let broadcaster: Broadcaster
    /// The administrator's secret and sessions.
    public let admin: AdminAccess
    /// The workshops.
    public let workshops: WorkshopStore
    /// The network surveys.
    public let surveys: SurveyStore
    let requests: RateLimiter
    let guesses: RateLimiter

    /// Opens the database and sets up the stores.
    public init(options: ServeOptions, database: ServerDatabase) {
        self.options = options
        self.database = database
        broadcaster = Broadcaster()
        admin = AdminAccess(database: database)
        workshops = WorkshopStore(database: database)
        surveys = SurveyStore(database: database)
        requests = RateLimiter(limit: options.limits.requestsPerMinute, per: 60)
        guesses = RateLimiter(limit: options.limits.guessesPerTenMinutes, per: 600)
    }

    /// Refuses a client that has made too many wrong guesses (logins, join codes) lately.
    func refuseIfGuessing(_ context: ServerRequestContext) async throws {
        if await guesses.isBlocked(context.clientKey) {
            throw HTTPError(.tooManyRequests, headers: [.retryAfter: "600"], message: "Too many wrong codes or secrets from your address. Wait ten minutes and try again.")
        }
    }

    /// Counts one wrong guess.
    func countGuess(_ context: ServerRequestContext) async { _ = await guesses.allow(context.clientKey) }

    /// The server's address as the browser sees it, for links to hand out.
    func baseURL(_ request: Request) -> String {
        let host = request.head.authority ?? "\(options.host):\(options.port)"
        let scheme = request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https" || options.secureCookies ? "https" : "http"
        return "\(scheme)://\(host)"
    }
}
