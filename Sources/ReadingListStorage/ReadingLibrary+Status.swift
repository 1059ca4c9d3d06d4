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
}
