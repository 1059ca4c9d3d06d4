/// Which articles to list, and in what order.
public struct ArticleQuery: Sendable, Hashable {
    /// Which read states to include.
    public enum State: String, Sendable, Hashable, CaseIterable {
        /// Not read and not archived (the default).
        case unread
        /// Read and not archived.
        case read
        /// Archived.
        case archived
        /// Favourites, whatever their state.
        case favorites
        /// Everything that is not deleted.
        case all
    }

    /// The order of results.
    public enum Sort: String, Sendable, Hashable, CaseIterable {
        /// Newest first.
        case added
        /// By title, A to Z.
        case title
        /// By site name, then newest first.
        case site
        /// Shortest first.
        case length
    }

    /// Which states to include.
    public var state: State
    /// Tags that must all be on an article.
    public var tags: [String]
    /// The order.
    public var sort: Sort
    /// At most this many; `nil` for all.
    public var limit: Int?

    /// Creates a query; by default unread articles, newest first.
    public init(state: State = .unread, tags: [String] = [], sort: Sort = .added, limit: Int? = nil) {
        self.state = state
        self.tags = tags
        self.sort = sort
        self.limit = limit
    }
}
