import GRDB
import ReadingListModel

/// Tag and membership writes, shared by saves and tag commands.
enum TagWrites {
    /// Adds `tags` to an article, creating tags that do not exist yet. Every membership named is
    /// written (stamped) even if present, so that this latest intent wins over a concurrent
    /// removal (SPEC.md §3.2).
    /// - Returns: the display names of tags that were newly added.
    /// With `restamping` false (an import), memberships already present are left alone.
    static func add(_ tags: [TagName], to article: ArticleID, restamping: Bool = true, writer: ChangeWriter) throws -> [String] {
        var added: [String] = []
        var seen = Set<String>()
        for tag in tags where seen.insert(tag.key).inserted {
            let tagID = try ensureTag(tag, writer: writer)
            let present = try Bool.fetchOne(
                writer.db.cachedStatement(sql: "SELECT alive FROM article_tag WHERE article_id = ? AND tag_id = ?"),
                arguments: [article.description, tagID])
            guard restamping || present != true else { continue }
            try writer.write(.articleTag, key: [article.description, tagID], values: [("alive", true.databaseValue)])
            guard present != true else { continue }
            added.append(try displayName(tagID, writer.db) ?? tag.display)
        }
        if !added.isEmpty { try refreshSearchText(of: article.description, writer.db) }
        return added
    }

    /// Removes `tags` from an article. Every membership named is written (stamped) even if
    /// absent, so that this latest intent wins over a concurrent add.
    /// - Returns: the display names of tags that were removed.
    static func remove(_ tags: [TagName], from article: ArticleID, writer: ChangeWriter) throws -> [String] {
        var removed: [String] = []
        for tag in tags {
            let tagID = tag.rowID
            let present = try Bool.fetchOne(
                writer.db.cachedStatement(sql: "SELECT alive FROM article_tag WHERE article_id = ? AND tag_id = ?"),
                arguments: [article.description, tagID])
            try writer.write(.articleTag, key: [article.description, tagID], values: [("alive", false.databaseValue)])
            guard present == true else { continue }
            removed.append(try displayName(tagID, writer.db) ?? tag.display)
        }
        if !removed.isEmpty { try refreshSearchText(of: article.description, writer.db) }
        return removed
    }

    /// Makes sure the tag row exists and is alive; keeps the existing spelling if it does.
    /// - Returns: the tag id.
    @discardableResult
    static func ensureTag(_ tag: TagName, writer: ChangeWriter) throws -> String {
        let tagID = tag.rowID
        let alive = try Bool.fetchOne(writer.db.cachedStatement(sql: "SELECT alive FROM tag WHERE id = ?"), arguments: [tagID])
        if alive != true {
            try writer.write(.tag, key: [tagID], values: [("alive", true.databaseValue), ("name", tag.display.databaseValue)])
        }
        return tagID
    }

    static func displayName(_ tagID: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT name FROM tag WHERE id = ?", arguments: [tagID])
    }

    /// Recomputes the local, search-only `tags` column of an article.
    static func refreshSearchText(of articleID: String, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                UPDATE article SET tags = coalesce((
                    SELECT group_concat(tag.name, ' ') FROM article_tag m JOIN tag ON tag.id = m.tag_id
                    WHERE m.article_id = article.id AND m.alive = 1), '')
                WHERE id = ?
                """
        ).execute(arguments: [articleID])
    }
}
