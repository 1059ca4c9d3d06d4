import GRDB
public import ReadingListModel

extension ReadingLibrary {
    /// The file, this replica, and counts of what is saved.
    public func status() throws(ReadingListError) -> LibraryStatus {
        try read { db in
            let counts = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*) AS articles,
                        coalesce(sum(read_at IS NULL AND archived = 0), 0) AS unread,
                        coalesce(sum(read_at IS NOT NULL), 0) AS read,
                        coalesce(sum(archived), 0) AS archived,
                        coalesce(sum(favorite), 0) AS favorites
                    FROM article WHERE alive = 1
                    """)
            let replicaID = try String.fetchOne(
                db, sql: "SELECT replica_id FROM replica JOIN library_state ON ordinal = replica_ordinal") ?? ""
            let highlights = try Int.fetchOne(
                db,
                sql: "SELECT count(*) FROM highlight JOIN article ON article.id = highlight.article_id WHERE highlight.alive = 1 AND article.alive = 1"
            ) ?? 0
            let tags = try Int.fetchOne(
                db,
                sql: """
                    SELECT count(DISTINCT m.tag_id) FROM article_tag m JOIN article ON article.id = m.article_id
                    WHERE m.alive = 1 AND article.alive = 1
                    """) ?? 0
            return LibraryStatus(
                path: path, replicaID: replicaID, schemaVersion: try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                articles: counts?["articles"] ?? 0, unread: counts?["unread"] ?? 0, read: counts?["read"] ?? 0,
                archived: counts?["archived"] ?? 0, favorites: counts?["favorites"] ?? 0, tags: tags,
                highlights: highlights, peers: try Self.peers(db))
        }
    }

    /// Every saved article with its content, tags and highlights, in id order: what an export holds.
    ///
    /// - Parameter tags: Only articles that have every one of these tags (normalized as tag
    ///   names are, SPEC.md §2.6, so `Swift` finds `swift`); empty for every article.
    /// - Throws: ``ReadingListError`` `invalidInput` when a tag name is empty.
    public func exportArticles(tagged tags: [String] = []) throws(ReadingListError) -> [Article] {
        let tagged = try Self.taggedConditions(tags)
        return try read { db in
            try ArticleRows.fetch(
                db, where: (["article.alive = 1"] + tagged.conditions).joined(separator: " AND "),
                arguments: StatementArguments(tagged.arguments),
                orderBy: "article.id", includingContent: true)
        }
    }
}
