import Dispatch
import Foundation

/// Runs independent work on all cores with a result that does not depend on
/// how many cores there are.
///
/// Work is split into a fixed number of stripes (item i goes to stripe
/// i % stripes); each stripe runs on one thread with its own accumulator, and
/// the stripes' results come back in stripe order, so a caller that combines
/// them in that order gets the same floating-point sums on any machine.
public enum Parallel {
    /// The number of stripes: enough for 16 cores, small enough that one
    /// accumulator per stripe costs little memory.
    public static let stripes = 16

    /// Calls `body(stripe)` for every stripe, in parallel, and returns the
    /// results in stripe order.
    public static func stripes<Result: Sendable>(
        count: Int = stripes, _ body: @Sendable (Int) -> Result
    ) -> [Result] {
        let box = ResultBox<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { stripe in
            box.set(stripe, body(stripe))
        }
        return box.values
    }
}

private final class ResultBox<Result: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result) { lock.withLock { slots[index] = value } }

    var values: [Result] { lock.withLock { slots.map { $0! } } }
}
