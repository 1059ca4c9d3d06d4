/// When and where a field value was written: a hybrid-logical-clock reading and the writing
/// replica. Stamps are totally ordered by timestamp, then replica id (SPEC.md §3.2).
public struct ChangeStamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The writer's clock reading.
    public var timestamp: HybridTimestamp
    /// The writer's replica id (a lowercase UUID).
    public var replicaID: String

    /// Creates a stamp.
    public init(timestamp: HybridTimestamp, replicaID: String) {
        self.timestamp = timestamp
        self.replicaID = replicaID
    }

    public static func < (lhs: ChangeStamp, rhs: ChangeStamp) -> Bool {
        if lhs.timestamp != rhs.timestamp { return lhs.timestamp < rhs.timestamp }
        return lhs.replicaID.utf8.lexicographicallyPrecedes(rhs.replicaID.utf8)
    }

    public var description: String { "\(timestamp)@\(replicaID)" }
}
