/// Wakes the live screens: a subscriber gets a stream for a topic (such as
/// `workshop:3` or `survey:5`) and receives `.update` whenever something under
/// it is committed, and `.heartbeat` every `heartbeatSeconds` so proxies keep
/// the connection open.
public actor Broadcaster {
    /// What a subscriber is told.
    public enum Signal: Sendable { case update, heartbeat }

    private var subscribers: [String: [Int: AsyncStream<Signal>.Continuation]] = [:]
    private var next = 0
    private let heartbeatSeconds: UInt64

    /// A broadcaster with the given heartbeat.
    public init(heartbeatSeconds: UInt64 = 20) { self.heartbeatSeconds = heartbeatSeconds }

    /// One subscriber's stream, and a way to end it from outside (at shutdown).
    public struct Subscription: Sendable {
        /// The signals.
        public let stream: AsyncStream<Signal>
        let continuation: AsyncStream<Signal>.Continuation
        /// Ends the stream: its loop finishes.
        public func end() { continuation.finish() }
    }

    /// A stream of signals for `topic`, ended when the subscriber goes away.
    public func subscribe(_ topic: String) -> Subscription {
        let (stream, continuation) = AsyncStream<Signal>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = next
        next += 1
        subscribers[topic, default: [:]][id] = continuation
        let heartbeat = heartbeatSeconds
        let beats = Task {
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: heartbeat * 1_000_000_000)
                continuation.yield(.heartbeat)
            }
        }
        continuation.onTermination = { [weak self] _ in
            beats.cancel()
            Task { await self?.remove(topic, id) }
        }
        return Subscription(stream: stream, continuation: continuation)
    }

    /// Tells every subscriber of `topic` that something changed.
    public func publish(_ topic: String) {
        for continuation in subscribers[topic, default: [:]].values { continuation.yield(.update) }
    }

    /// How many subscribers `topic` has.
    public func count(_ topic: String) -> Int { subscribers[topic]?.count ?? 0 }

    private func remove(_ topic: String, _ id: Int) {
        subscribers[topic]?[id] = nil
        if subscribers[topic]?.isEmpty == true { subscribers[topic] = nil }
    }
}
