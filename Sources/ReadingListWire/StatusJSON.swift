public import ReadingListModel

/// `readlist status --json`.
public struct StatusJSON: Codable, Sendable, Hashable {
    public var path: String
    public var replicaId: String
    public var schemaVersion: Int
    public var articles: Int
    public var unread: Int
    public var read: Int
    public var archived: Int
    public var favorites: Int
    public var tags: Int
    public var highlights: Int
    public var peers: [PeerJSON]

    /// A replica this one pulls from.
    public struct PeerJSON: Codable, Sendable, Hashable {
        public var replicaId: String
        public var incarnation: String
        /// The last sequence of the peer's feed applied here (a decimal string).
        public var cursor: String
        public var syncedAt: String
    }

    /// The JSON form of `status`.
    public init(_ status: LibraryStatus) {
        path = status.path
        replicaId = status.replicaID
        schemaVersion = status.schemaVersion
        articles = status.articles
        unread = status.unread
        read = status.read
        archived = status.archived
        favorites = status.favorites
        tags = status.tags
        highlights = status.highlights
        peers = status.peers.map {
            PeerJSON(replicaId: $0.replicaID, incarnation: $0.incarnation, cursor: String($0.sequence), syncedAt: RFC3339.string(from: $0.syncedAt))
        }
    }
}
