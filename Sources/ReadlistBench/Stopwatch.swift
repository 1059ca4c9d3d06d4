import Foundation

/// Wall-clock timing on the monotonic clock.
enum Stopwatch {
    /// Runs `body` and returns how long it took, in seconds.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let elapsed = try clock.measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
