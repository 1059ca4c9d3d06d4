import GRDB
public import ReadingListModel

extension ReadingLibrary {
    /// Full-text search over title, byline, site, excerpt, content and tags, best match first
    /// (BM25; title and tags weigh most). Any text is a valid query: see the CLI's help for the
    /// syntax (`"phrase"`, `word*`, `-word`, `OR`).
    public func search(_ text: String, limit: Int = 20) throws(ReadingListError) -> [SearchResult] {
        guard let pattern = SearchPattern.fts5(from: text) else { return [] }
        return try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(ArticleRows.columns),
                        snippet(article_search, -1, '[', ']', '…', 16) AS snippet,
                        bm25(article_search, 10.0, 2.0, 2.0, 3.0, 1.0, 5.0) AS rank
                    FROM article_search JOIN article ON article.search_id = article_search.rowid
                    WHERE article_search MATCH ? AND article.alive = 1
                    ORDER BY rank, article.id LIMIT ?
                    """,
                arguments: [pattern, max(0, limit)])
            var articles = try rows.map { try ArticleRows.decode($0) }
            try ArticleRows.attachRelations(db, to: &articles)
            return zip(articles, rows).map { article, row in
                SearchResult(article: article, snippet: (row["snippet"] as String?) ?? "", rank: row["rank"])
            }
        }
    }
}
