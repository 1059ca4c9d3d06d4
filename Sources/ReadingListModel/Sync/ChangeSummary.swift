/// What a sync did to what people see: rows added, updated and deleted, by kind.
///
/// A tag membership that changed counts as an update of its article.
public struct ChangeSummary: Hashable, Sendable, Codable {
    /// Rows that appeared, changed, or went away.
    public struct Counts: Hashable, Sendable, Codable {
        /// Rows that did not exist (or were deleted) and now exist.
        public var added: Int
        /// Rows that existed and still exist, with some value changed.
        public var updated: Int
        /// Rows that existed and are now deleted.
        public var deleted: Int

        /// Creates counts.
        public init(added: Int = 0, updated: Int = 0, deleted: Int = 0) {
            self.added = added
            self.updated = updated
            self.deleted = deleted
        }

        /// Whether nothing changed.
        public var isEmpty: Bool { added == 0 && updated == 0 && deleted == 0 }
    }

    /// Articles (including their tag memberships).
    public var articles: Counts
    /// Tags (their names).
    public var tags: Counts
    /// Highlights.
    public var highlights: Counts

    /// Creates a summary.
    public init(articles: Counts = Counts(), tags: Counts = Counts(), highlights: Counts = Counts()) {
        self.articles = articles
        self.tags = tags
        self.highlights = highlights
    }

    /// Whether nothing changed.
    public var isEmpty: Bool { articles.isEmpty && tags.isEmpty && highlights.isEmpty }
}
