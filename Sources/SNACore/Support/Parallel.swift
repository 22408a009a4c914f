import Dispatch
import Foundation

/// Runs independent work on several threads with a result that does not
/// depend on how many threads there are.
///
/// Work is split into a fixed number of stripes (item i goes to stripe
/// i % stripes); each stripe runs on one thread with its own accumulator, and
/// the stripes' results come back in stripe order, so a caller that combines
/// them in that order gets the same floating-point sums with any number of
/// threads, on any machine.
public enum Parallel {
    /// The number of stripes: enough for 16 threads, small enough that one
    /// accumulator per stripe costs little memory.
    public static let stripes = 16

    /// The most threads striped work uses: the limit of the innermost
    /// ``withThreads(_:_:)`` around the caller, else all cores.
    public static var maximumThreads: Int { max(1, limit ?? ProcessInfo.processInfo.activeProcessorCount) }

    /// The thread limit of the running task; set only by ``withThreads(_:_:)``,
    /// so that one caller's limit never changes another's.
    @TaskLocal private static var limit: Int?

    /// Runs `body` with striped work limited to `threads` threads (`nil`: all
    /// cores), for this call only: concurrent callers keep their own limits.
    public static func withThreads<Value, Failure: Error>(_ threads: Int?, _ body: () throws(Failure) -> Value) throws(Failure) -> Value {
        guard let threads else { return try body() }
        let outcome: Swift.Result<Value, Failure> = $limit.withValue(max(1, threads)) { Swift.Result { () throws(Failure) -> Value in try body() } }
        return try outcome.get()
    }

    /// Calls `body(stripe)` for every stripe, on up to ``maximumThreads``
    /// threads, and returns the results in stripe order.
    public static func stripes<Result: Sendable>(
        count: Int = stripes, _ body: @Sendable (Int) -> Result
    ) -> [Result] {
        let workers = min(maximumThreads, count)
        if workers <= 1 { return (0..<count).map(body) }
        let box = ResultBox<Result>(count: count)
        let next = LockedInt(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let stripe = next.take(below: count) { box.set(stripe, body(stripe)) }
        }
        return box.values
    }
}

private final class LockedInt: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Int

    init(_ value: Int) { stored = value }

    var value: Int {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    /// The current value, then increments it; `nil` once it reaches `bound`.
    func take(below bound: Int) -> Int? {
        lock.withLock {
            guard stored < bound else { return nil }
            defer { stored += 1 }
            return stored
        }
    }
}

private final class ResultBox<Result: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result) { lock.withLock { slots[index] = value } }

    var values: [Result] { lock.withLock { slots.map { $0! } } }
}
