import Foundation
import Hummingbird
import Logging

/// Logs each request as method, route pattern (`/s/{token}`, never the path
/// itself, which holds tokens), status and time: no names, answers, tokens or
/// query strings reach the log.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        func log(_ status: Int) {
            let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            logger.info("\(request.method.rawValue) \(context.endpointPath ?? "(no route)") \(status) \(String(format: "%.1f", milliseconds)) ms")
        }
        do {
            let response = try await next(request, context)
            log(response.status.code)
            return response
        } catch let error as HTTPResponseError {
            log(error.status.code)
            throw error
        }
    }
}
