import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import GRDB
import Testing
@testable import SNAServer

@Suite("snatool serve's security: sign-in, CSRF, headers, limits, logs")
struct SecurityRouteTests {
    @Test("Administration needs the secret: pages redirect to the sign-in, posts are refused, wrong secrets are counted and then blocked")
    func administrationNeedsTheSecret() async throws {
        var limits = ServerLimits()
        limits.guessesPerTenMinutes = 3
        let server = try TestServer(limits: limits)
        defer { server.remove() }
        try await server.test { (client: any TestClientProtocol) async throws in
            let stranger = TestBrowser(client)
            #expect(try await stranger.get("/admin").location == "/admin/login")
            #expect(try await stranger.get("/admin/workshops/1/responses.csv").location == "/admin/login")
            #expect(try await stranger.post("/admin/workshops", [("outcome", "x")]).status == .forbidden)
            for _ in 0..<3 { #expect(try await stranger.post("/admin/login", [("secret", "guess")]).status == .unauthorized) }
            // Blocked now, even with the right secret, until the window passes.
            #expect(try await stranger.post("/admin/login", [("secret", server.secret)]).status == .tooManyRequests)
        }
        let fresh = try TestServer()
        defer { fresh.remove() }
        try await fresh.test { (client: any TestClientProtocol) async throws in
            let admin = TestBrowser(client)
            try await admin.signIn(fresh.secret)
            let cookie = try await admin.post("/admin/logout", [])
            #expect(cookie.location == "/admin/login")
            #expect(try await admin.get("/admin").location == "/admin/login")
        }
    }

    @Test("Every form needs the CSRF token of the browser's cookie")
    func everyFormNeedsTheCSRFToken() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { (client: any TestClientProtocol) async throws in
            let admin = TestBrowser(client)
            try await admin.signIn(server.secret)
            #expect(try await admin.post("/admin/workshops", [("outcome", "x")], csrf: "").status == .forbidden)
            #expect(try await admin.post("/admin/workshops", [("outcome", "x")], csrf: Tokens.random()).status == .forbidden)
            let refused = try await admin.post("/admin/login", [("secret", server.secret)], csrf: "wrong")
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("did not come from this server"))
            #expect(try await admin.post("/admin/workshops", [("outcome", "x")]).status == .seeOther)
        }
    }

    @Test("Headers: a policy with no inline script, no framing or sniffing, no referrer, no caching; cookies HttpOnly and SameSite=Strict")
    func headers() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { (client: any TestClientProtocol) async throws in
            let browser = TestBrowser(client)
            let home = try await browser.get("/")
            let policy = try #require(home.headers[.contentSecurityPolicy])
            #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline") && policy.contains("frame-ancestors 'none'"))
            #expect(home.headers[.xContentTypeOptions] == "nosniff")
            #expect(home.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            #expect(home.headers[.cacheControl] == "no-store")
            let cookie = try #require(home.headers[values: .setCookie].first { $0.hasPrefix("snatool_csrf=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            try await browser.signIn(server.secret)
            #expect(try await browser.get("/assets/serve.js").headers[.contentType]?.hasPrefix("text/javascript") == true)
        }
    }

    @Test("A form larger than the limit is refused with 413; a client over its requests per minute gets 429")
    func limits() async throws {
        var limits = ServerLimits()
        limits.formBytes = 1000
        limits.requestsPerMinute = 30
        let server = try TestServer(limits: limits)
        defer { server.remove() }
        try await server.test { (client: any TestClientProtocol) async throws in
            let admin = TestBrowser(client)
            try await admin.signIn(server.secret)
            #expect(try await admin.post("/admin/workshops", [("outcome", String(repeating: "x", count: 5000))]).status == .contentTooLarge)
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<40 { statuses.append(try await admin.get("/health").status) }
            #expect(statuses.contains(.tooManyRequests))
        }
    }

    @Test("The log holds route patterns and statuses, never names, answers, comments or tokens")
    func logsHoldNoNames() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { (client: any TestClientProtocol) async throws in
            let admin = TestBrowser(client)
            try await admin.signIn(server.secret)
            let (_, code) = try await WorkshopRouteTests.openWorkshop(admin, outcome: "Secret outcome")
            let browser = TestBrowser(client)
            let page = try await WorkshopRouteTests.join(browser, code: code, name: "Zebedee Quartermaine", organisation: "Hidden Trust", layer: "strategic")
            try await browser.post(page, [("q1", "3"), ("comment_q1", "confidential remark")])
            let token = String(page.dropFirst(3))
            let log = server.logs.lines.joined(separator: "\n")
            #expect(log.contains("POST /w/{token} 303"))
            for secret in ["Zebedee", "Hidden Trust", "confidential", "Secret outcome", token, code, server.secret] {
                #expect(!log.contains(secret), "the log holds \(secret)")
            }
        }
    }

    @Test("The administrator's secret: generated once and stored hashed; from a file when given; a short one refused")
    func adminSecret() throws {
        let server = try TestServer()
        defer { server.remove() }
        #expect(try server.services.admin.prepare(secretFile: nil) == .unchanged)
        let stored = try server.services.database.pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'admin_secret_hash'") }
        #expect(stored == Tokens.hash(server.secret))
        #expect(stored != server.secret)
        let file = server.folder.appendingPathComponent("secret").path
        try "short\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: AdminSecretError.self) { try server.services.admin.prepare(secretFile: file) }
        try "a-long-enough-secret-for-tests\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try server.services.admin.prepare(secretFile: file) == .fromFile)
        #expect(try server.services.database.pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'admin_secret_hash'") }
                == Tokens.hash("a-long-enough-secret-for-tests"))
    }

    @Test("Tokens carry 192 random bits in 32 URL-safe characters; join codes avoid look-alike letters")
    func tokens() {
        let tokens = (0..<1000).map { _ in Tokens.random() }
        #expect(Set(tokens).count == 1000)
        #expect(tokens.allSatisfy(Tokens.isWellFormed))
        let code = Tokens.joinCode()
        #expect(code.count == 6 && !code.contains { "01OIL".contains($0) })
        #expect(Tokens.normalisedCode(" k7q-m3d ") == "K7QM3D")
    }
}
