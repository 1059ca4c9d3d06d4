/// An article that matches a search, with a snippet around the match.
public struct SearchResult: Sendable, Hashable {
    /// The article.
    public var article: Article
    /// Text around the best match; matched words are wrapped in `[` and `]`.
    public var snippet: String
    /// BM25 relevance; lower is more relevant (SQLite's convention).
    public var rank: Double

    /// Creates a result.
    public init(article: Article, snippet: String, rank: Double) {
        self.article = article
        self.snippet = snippet
        self.rank = rank
    }
}
