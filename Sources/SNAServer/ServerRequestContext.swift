import Hummingbird
import NIOCore

/// The context of one request: Hummingbird's core storage, the client's
/// address (for rate limits) and this browser's CSRF token (for forms).
public struct ServerRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The client's address, when the channel has one.
    public let remoteAddress: SocketAddress?
    /// The CSRF token to put in this page's forms (set by `CSRFMiddleware`).
    public var csrfToken = ""

    /// Creates the context for a request on `source`'s channel.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The largest request body any route reads; routes read less (`ServerLimits`).
    public var maxUploadSize: Int { ServerLimits.largestBody }
}
