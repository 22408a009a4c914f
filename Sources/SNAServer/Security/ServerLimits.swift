/// The limits that protect the server from large or many requests.
public struct ServerLimits: Sendable {
    /// No route reads a body larger than this (a people file upload).
    public static let largestBody = 8 * 1024 * 1024
    /// The largest form body other than a people file upload.
    public var formBytes = 256 * 1024
    /// The largest people file upload.
    public var uploadBytes = 8 * 1024 * 1024
    /// Requests one client address may make per minute (0: no limit).
    public var requestsPerMinute = 1200
    /// Failed logins and join codes one client address may try per ten minutes.
    public var guessesPerTenMinutes = 20

    /// The defaults.
    public init() {}
}
