/// Who a replica is: its id, and the incarnation of its change feed (which changes when the
/// feed's numbering can no longer be trusted, e.g. after a restore).
public struct ReplicaIdentity: Hashable, Sendable {
    /// The replica id (a lowercase UUID).
    public var replicaID: String
    /// The incarnation (a lowercase UUID).
    public var incarnation: String

    /// Creates an identity.
    public init(replicaID: String, incarnation: String) {
        self.replicaID = replicaID
        self.incarnation = incarnation
    }
}
