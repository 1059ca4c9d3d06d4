/// What replacing an article's page did: the article after it, and its highlights' fate.
public struct PageUpdate: Sendable, Hashable {
    /// The article after the update.
    public var article: Article
    /// Whether the text changed.
    public var contentReplaced: Bool
    /// Highlights found again in the new text (moved or not).
    public var anchoredHighlights: Int
    /// Highlights whose quote the new text does not hold; kept, shown as orphaned.
    public var orphanedHighlights: Int

    /// Creates a value.
    public init(article: Article, contentReplaced: Bool, anchoredHighlights: Int, orphanedHighlights: Int) {
        self.article = article
        self.contentReplaced = contentReplaced
        self.anchoredHighlights = anchoredHighlights
        self.orphanedHighlights = orphanedHighlights
    }
}
