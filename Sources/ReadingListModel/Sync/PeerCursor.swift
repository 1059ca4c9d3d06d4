public import Foundation

/// How far this replica has applied another replica's change feed.
public struct PeerCursor: Hashable, Sendable {
    /// The peer's replica id.
    public var replicaID: String
    /// The peer's incarnation the sequence belongs to; a new incarnation starts from 0.
    public var incarnation: String
    /// The last sequence of the peer's feed applied here.
    public var sequence: Int64
    /// When this replica last synced with the peer.
    public var syncedAt: Date

    /// Creates a cursor.
    public init(replicaID: String, incarnation: String, sequence: Int64, syncedAt: Date) {
        self.replicaID = replicaID
        self.incarnation = incarnation
        self.sequence = sequence
        self.syncedAt = syncedAt
    }
}
