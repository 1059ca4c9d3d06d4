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
    }
}
