import Foundation
import Hummingbird
import Logging

/// Builds the web server: the middleware every request passes (rate limit,
/// security headers, request log, error pages, CSRF cookie), the assets, the
/// administrator's pages, the workshop and the survey.
public enum ServerApplication {
    /// The router with every route, for `serve` and for route tests.
    public static func router(services: ServerServices, logger: Logger) -> Router<ServerRequestContext> {
        let router = Router(context: ServerRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: RequestLogMiddleware(logger: logger))
        router.add(middleware: RateLimitMiddleware(limiter: services.requests))
        router.add(middleware: ErrorPageMiddleware())
        router.add(middleware: CSRFMiddleware(secureCookies: services.options.secureCookies))
        router.get("/assets/serve.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=300"], body: .init(byteBuffer: ByteBuffer(string: ServerAssets.css)))
        }
        router.get("/assets/serve.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=300"], body: .init(byteBuffer: ByteBuffer(string: ServerAssets.script)))
        }
        router.get("/health") { _, _ in "ok" }
        let admin = router.group("admin").add(middleware: AdminRoutes.Gate(services: services))
        AdminRoutes.register(on: router, admin: admin, services: services)
        WorkshopRoutes.register(on: router, admin: admin, services: services)
        SurveyRoutes.register(on: router, admin: admin, services: services)
        return router
    }

    /// The application listening on the options' host and port.
    public static func application(services: ServerServices, logger: Logger) -> some ApplicationProtocol {
        Application(
            router: router(services: services, logger: logger),
            configuration: .init(address: .hostname(services.options.host, port: services.options.port), serverName: "snatool"),
            logger: logger)
    }
}
