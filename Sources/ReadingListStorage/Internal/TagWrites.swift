import GRDB
import ReadingListModel

/// Tag and membership writes, shared by saves and tag commands.
enum TagWrites {
    /// Adds `tags` to an article, creating tags that do not exist yet. Every membership named is
    /// written (stamped) even if present, so that this latest intent wins over a concurrent
    /// removal (SPEC.md §3.2).
    /// - Returns: the display names of tags that were newly added.
    /// With `restamping` false (an import), memberships already present are left alone. With
    /// `refreshingSearch` false, the article's search text is left for the caller to write.
    static func add(
        _ tags: [TagName], to article: ArticleID, restamping: Bool = true, refreshingSearch: Bool = true, writer: ChangeWriter
    ) throws -> [String] {
        var added: [String] = []
        for (tagID, name) in try ensureTags(tags, writer: writer) {
            let present = try Bool.fetchOne(
                writer.db.cachedStatement(sql: "SELECT alive FROM article_tag WHERE article_id = ? AND tag_id = ?"),
                arguments: [article.description, tagID])
            guard restamping || present != true else { continue }
            try writer.write(.articleTag, key: [article.description, tagID], values: [("alive", true.databaseValue)])
            guard present != true else { continue }
            added.append(name)
        }
        if refreshingSearch, !added.isEmpty { try refreshSearchText(of: article.description, writer.db) }
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

    /// Makes sure each of `tags` exists and is alive, keeping existing spellings.
    /// - Returns: the tags' ids and display names, each tag once.
    static func ensureTags(_ tags: [TagName], writer: ChangeWriter) throws -> [(id: String, name: String)] {
        try unique(tags).map { tag in
            let (found, alive) = try lookUp(tag, writer: writer)
            if !alive {
                try writer.write(.tag, key: [found.id], values: [("alive", true.databaseValue), ("name", tag.display.databaseValue)])
                writer.tagCache[tag.key] = found
            }
            return found
        }
    }

    /// The display names `tags` have or will have once ensured (existing spellings kept), each
    /// tag once; writes nothing.
    static func displayNames(_ tags: [TagName], writer: ChangeWriter) throws -> [String] {
        try unique(tags).map { try lookUp($0, writer: writer).tag.name }
    }

    private static func unique(_ tags: [TagName]) -> [TagName] {
        var seen = Set<String>()
        return tags.filter { seen.insert($0.key).inserted }
    }

    /// A tag's id and display name, and whether it is alive, from the transaction's cache or
    /// the tag table.
    private static func lookUp(_ tag: TagName, writer: ChangeWriter) throws -> (tag: (id: String, name: String), alive: Bool) {
        if let known = writer.tagCache[tag.key] { return (known, true) }
        let tagID = tag.rowID
        let stored = try Row.fetchOne(writer.db.cachedStatement(sql: "SELECT alive, name FROM tag WHERE id = ?"), arguments: [tagID])
        guard let stored, stored["alive"] == true else { return ((tagID, tag.display), false) }
        let found = (id: tagID, name: stored["name"] as String)
        writer.tagCache[tag.key] = found
        return (found, true)
    }

    static func displayName(_ tagID: String, _ db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM tag WHERE id = ?"), arguments: [tagID])
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
