/// When a power iteration has converged: the change fell below the
/// tolerance, or rounding keeps it above the tolerance for ever and it has
/// stopped falling within the rounding noise.
///
/// A node with thousands of neighbours sums them with an error of about its
/// degree in units in the last place, so on a star of 100,000 people an
/// absolute tolerance of 1e-15 is never met and the iteration would run to its
/// cap. Where the change does fall below the tolerance, it does so before it
/// stalls, and the result is the same as with the tolerance alone.
struct Convergence {
    /// The change below which the iteration stops at once.
    let tolerance: Double
    /// The change within which a stalled iteration stops.
    let noise: Double
    /// Iterations without a new smallest change after which a change within `noise` stops.
    static let patience = 100
    private var best = Double.infinity
    private var stalled = 0

    /// - Parameter noise: the size of the rounding error in one change.
    init(tolerance: Double, noise: Double) {
        self.tolerance = tolerance
        self.noise = noise
    }

    /// Records one iteration's change; whether to stop.
    mutating func isDone(after change: Double) -> Bool {
        if change < tolerance { return true }
        if change < best {
            best = change
            stalled = 0
            return false
        }
        stalled += 1
        return stalled >= Self.patience && change < noise
    }
}
