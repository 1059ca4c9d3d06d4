import GRDB
public import ReadingListModel

extension ReadingLibrary {
    /// Full-text search over title, byline, site, excerpt, content and tags, best match first
    /// (BM25; title and tags weigh most). Any text is a valid query: see the CLI's help for the
    /// syntax (`"phrase"`, `word*`, `-word`, `OR`).
    public func search(_ text: String, limit: Int = 20) throws(ReadingListError) -> [SearchResult] {
        guard let pattern = SearchPattern.fts5(from: text), limit > 0 else { return [] }
        return try read { db in
            // Rank every match on the index alone (the search key's index covers `alive` and
            // `id`), then read rows and make snippets for the few shown: a snippet reads and
            // tokenizes its article's whole text.
            let ranked = try Row.fetchAll(
                db,
                sql: """
                    SELECT article_search.rowid AS search_id, article.id, bm25(article_search, 10.0, 2.0, 2.0, 3.0, 1.0, 5.0) AS rank
                    FROM article_search JOIN article ON article.search_id = article_search.rowid
                    WHERE article_search MATCH ? AND article.alive = 1
                    ORDER BY rank, article.id LIMIT ?
                    """,
                arguments: [pattern, limit]
            ).map { (searchID: $0["search_id"] as Int64, id: $0["id"] as String, rank: $0["rank"] as Double) }
            guard !ranked.isEmpty else { return [] }
            let keys = ranked.map { $0.searchID.description }.joined(separator: ",")
            var snippets: [Int64: String] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT rowid, snippet(article_search, -1, '[', ']', '…', 16) AS snippet FROM article_search
                    WHERE article_search MATCH ? AND rowid IN (\(keys))
                    """,
                arguments: [pattern])
            {
                snippets[row["rowid"]] = row["snippet"]
            }
            let fetched = try ArticleRows.fetch(db, where: "article.search_id IN (\(keys))")
            let articles = Dictionary(fetched.map { ($0.id.description, $0) }, uniquingKeysWith: { first, _ in first })
            return ranked.compactMap { match in
                articles[match.id].map { SearchResult(article: $0, snippet: snippets[match.searchID] ?? "", rank: match.rank) }
            }
        }
    }
}
