public import Foundation

/// A hybrid logical clock reading: 48 bits of Unix milliseconds and a 16-bit counter, packed
/// into 64 bits so that plain integer order is causal order.
///
/// Changes are totally ordered by `(timestamp, replica id)`. See `Protocol/SPEC.md`.
public struct HybridTimestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// `milliseconds << 16 | counter`.
    public let rawValue: UInt64

    /// The zero timestamp, older than every real one.
    public static let zero = HybridTimestamp(rawValue: 0)

    /// Wraps a packed value.
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// Packs a physical time and a counter.
    public init(milliseconds: UInt64, counter: UInt16) {
        self.rawValue = (milliseconds << 16) | UInt64(counter)
    }

    /// The physical part, Unix milliseconds.
    public var milliseconds: UInt64 { rawValue >> 16 }

    /// The logical counter.
    public var counter: UInt16 { UInt16(truncatingIfNeeded: rawValue) }

    /// The timestamp of the next local event: the wall clock if it is ahead, otherwise this one
    /// plus one (a counter overflow carries into the next millisecond).
    public func advanced(now: Date) -> HybridTimestamp {
        let physical = HybridTimestamp(milliseconds: Self.milliseconds(of: now), counter: 0)
        return physical > self ? physical : HybridTimestamp(rawValue: rawValue &+ 1)
    }

    /// Unix milliseconds of `date`, 0 for dates before 1970.
    public static func milliseconds(of date: Date) -> UInt64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded(.down)
        return value > 0 ? UInt64(value) : 0
    }

    /// Sixteen lowercase hex digits, as the timestamp travels on the wire.
    public var description: String {
        let hex = String(rawValue, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    public static func < (lhs: HybridTimestamp, rhs: HybridTimestamp) -> Bool { lhs.rawValue < rhs.rawValue }
}
