import GRDB
public import ReadingListModel

extension ReadingLibrary {
    /// Full-text search over title, byline, site, excerpt, content and tags, best match first
    /// (BM25; title and tags weigh most). Any text is a valid query: see the CLI's help for the
    /// syntax (`"phrase"`, `word*`, `-word`, `OR`).
    public func search(_ text: String, limit: Int = 20) throws(ReadingListError) -> [SearchResult] {
        guard let pattern = SearchPattern.fts5(from: text), limit > 0 else { return [] }
        return try read { db in
            let ranked = try Self.rankedMatches(of: pattern, limit: limit, db)
            guard !ranked.isEmpty else { return [] }
            let keys = ranked.map { $0.searchID.description }.joined(separator: ",")
            // One match at a time: FTS5 seeks to a rowid given by `=`, but filters `IN` (...)
            // only after reading every match of the query.
            var snippets: [Int64: String] = [:]
            let snippet = try db.cachedStatement(sql: """
                SELECT snippet(article_search, -1, '[', ']', '…', 16) FROM article_search
                WHERE article_search MATCH ? AND rowid = ?
                """)
            for match in ranked {
                snippets[match.searchID] = try String.fetchOne(snippet, arguments: [pattern, match.searchID])
            }
            let fetched = try ArticleRows.fetch(db, where: "article.search_id IN (\(keys))")
            let articles = Dictionary(fetched.map { ($0.id.description, $0) }, uniquingKeysWith: { first, _ in first })
            return ranked.compactMap { match in
                articles[match.id].map { SearchResult(article: $0, snippet: snippets[match.searchID] ?? "", rank: match.rank) }
            }
        }
    }

    /// The best `limit` live articles matching `pattern`, best first (ties by id).
    ///
    /// Ranking every match in the full-text index alone, then looking up only the best few
    /// in `article` (deleted articles stay in the index), is faster than joining each match to
    /// its article: a common word matches thousands. The rank is BM25 (``BestMatchesBM25``),
    /// which skips the length lookup for matches that cannot be among the `window` best. The
    /// first look takes a few more than `limit`, and looks further whenever deleted articles,
    /// or ties with the last one taken, could hide a better live match.
    static func rankedMatches(of pattern: String, limit: Int, _ db: Database) throws -> [(searchID: Int64, id: String, rank: Double)] {
        var window = limit * 2 + 16
        while true {
            let matches = try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT rowid, \(BestMatchesBM25.name)(article_search, ?, 10.0, 2.0, 2.0, 3.0, 1.0, 5.0) AS rank
                    FROM article_search WHERE article_search MATCH ? ORDER BY rank LIMIT ?
                    """),
                arguments: [window, pattern, window]
            ).map { (searchID: $0[0] as Int64, rank: $0[1] as Double) }
            guard !matches.isEmpty else { return [] }
            let keys = matches.map { $0.searchID.description }.joined(separator: ",")
            var alive: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT search_id, id FROM article WHERE search_id IN (\(keys)) AND alive = 1") {
                alive[row[0]] = row[1]
            }
            let live = matches.compactMap { match in alive[match.searchID].map { (searchID: match.searchID, id: $0, rank: match.rank) } }
                .sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.id < $1.id }
            // Every match was seen, or the last one kept ranks strictly better than any unseen one.
            let seenAll = matches.count < window
            if seenAll || (live.count >= limit && live[limit - 1].rank < matches[matches.count - 1].rank) {
                return Array(live.prefix(limit))
            }
            window *= 4
        }
    }
}
