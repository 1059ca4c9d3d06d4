/// Facts about a library file.
public struct LibraryStatus: Sendable, Hashable {
    /// The file's path.
    public var path: String
    /// This replica's id.
    public var replicaID: String
    /// The schema version the file is at.
    public var schemaVersion: Int
    /// Saved articles (not deleted).
    public var articles: Int
    /// Articles neither read nor archived.
    public var unread: Int
    /// Articles read.
    public var read: Int
    /// Articles archived.
    public var archived: Int
    /// Favourites.
    public var favorites: Int
    /// Tags in use.
    public var tags: Int
    /// Highlights on saved articles.
    public var highlights: Int
    /// Replicas this one has pulled from, with how far and when.
    public var peers: [PeerCursor]

    /// Creates a status value.
    public init(
        path: String, replicaID: String, schemaVersion: Int, articles: Int, unread: Int, read: Int,
        archived: Int, favorites: Int, tags: Int, highlights: Int, peers: [PeerCursor] = []
    ) {
        self.path = path
        self.replicaID = replicaID
        self.schemaVersion = schemaVersion
        self.articles = articles
        self.unread = unread
        self.read = read
        self.archived = archived
        self.favorites = favorites
        self.tags = tags
        self.highlights = highlights
        self.peers = peers
    }
}
