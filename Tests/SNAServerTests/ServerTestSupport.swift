import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
@testable import SNAServer

/// A server on a fresh database in a temporary folder, with its secret known.
struct TestServer {
    let folder: URL
    let services: ServerServices
    let secret: String
    let logs = LogCapture()

    init(limits: ServerLimits = ServerLimits()) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("snatool-serve-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var options = ServeOptions()
        options.databasePath = folder.appendingPathComponent("serve.sqlite").path
        options.limits = limits
        services = ServerServices(options: options, database: try ServerDatabase(path: options.databasePath))
        guard case .generated(let secret) = try services.admin.prepare(secretFile: nil) else { throw TestFailure("no secret generated") }
        self.secret = secret
    }

    /// Runs `body` against the router, as HummingbirdTesting's router framework does.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let capture = logs
        let logger = Logger(label: "test") { _ in capture }
        let app = Application(router: ServerApplication.router(services: services, logger: logger), logger: logger)
        try await app.test(.router, body)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// A browser's view of the server: its cookies, and forms that carry the CSRF token.
final class TestBrowser: @unchecked Sendable {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) { self.client = client }

    /// The CSRF cookie's value.
    var csrf: String { cookies["snatool_csrf"] ?? "" }

    @discardableResult
    func get(_ path: String, accept: String = "text/html") async throws -> TestResponse {
        try await send(path, method: .get, body: nil, accept: accept)
    }

    /// Posts `fields` as a form, adding the CSRF field unless `csrf` is given.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], csrf: String? = nil, accept: String = "text/html") async throws -> TestResponse {
        if cookies["snatool_csrf"] == nil { try await get("/") }
        let all = [("csrf", csrf ?? self.csrf)] + fields
        let encoded = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(path, method: .post, body: ByteBuffer(string: encoded), accept: accept)
    }

    func send(_ path: String, method: HTTPRequest.Method, body: ByteBuffer?, accept: String) async throws -> TestResponse {
        var headers: HTTPFields = [.accept: accept]
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body)
        for field in response.headers[values: .setCookie] {
            let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[1].isEmpty || field.contains("Max-Age=0") { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] }
        }
        return response
    }

    /// Signs in as the administrator.
    func signIn(_ secret: String) async throws {
        try await get("/admin/login")
        let response = try await post("/admin/login", [("secret", secret)])
        guard response.status == .seeOther else { throw TestFailure("sign-in answered \(response.status)") }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }
    /// Where a redirect goes.
    var location: String? { headers[.location] }
}

/// Log lines the server wrote, to check that none holds a name, answer or token.
final class LogCapture: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    var lines: [String] { lock.withLock { stored } }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lock.withLock { stored.append("\(event.message) \(event.metadata ?? [:])") }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
