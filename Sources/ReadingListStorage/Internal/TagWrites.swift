import Foundation
import GRDB
import ReadingListModel

/// Tag and membership writes, shared by saves and tag commands.
enum TagWrites {
    /// When ``add(_:to:restamping:search:writer:)`` rewrites the article's search text (its
    /// local `tags` column).
    enum SearchRefresh {
        /// When a membership was added.
        case whenAdded
        /// When the article has live memberships besides those named: for a new article whose
        /// search text the caller wrote from the names, when a peer sent memberships first.
        case whenOthersLive
    }

    /// Adds `tags` to an article, creating tags that do not exist yet. Every membership named is
    /// written (stamped) even if present, so that this latest intent wins over a concurrent
    /// removal (SPEC.md §3.2).
    /// With `restamping` false (an import), memberships already present are left alone.
    /// - Returns: the display names of tags that were newly added.
    static func add(
        _ tags: [TagName], to article: ArticleID, restamping: Bool = true, search: SearchRefresh = .whenAdded,
        writer: ChangeWriter
    ) throws -> [String] {
        let articleID = article.description
        // The article's memberships in one read (a new article has none).
        var memberships: [String: Bool] = [:]
        try writer.statement("SELECT tag_id, alive FROM article_tag WHERE article_id = ?").forEach([articleID.databaseValue]) { row in
            if let tagID = String.fromDatabaseValue(row[0]) { memberships[tagID] = row[1] == true.databaseValue }
        }
        var added: [String] = []
        let ensured = try ensureTags(tags, writer: writer)
        for (tagID, name) in ensured {
            let present = memberships[tagID]
            let key = [articleID, tagID]
            switch present {
            case nil: try writer.create(.articleTag, key: key, values: [("alive", true.databaseValue)])
            case true: if restamping { try writer.write(.articleTag, key: key, values: [("alive", true.databaseValue)]) }
            case false: try writer.write(.articleTag, key: key, values: [("alive", true.databaseValue)])
            }
            if present != true { added.append(name) }
        }
        let refresh = switch search {
        case .whenAdded: !added.isEmpty
        case .whenOthersLive: memberships.contains { tagID, alive in alive && !ensured.contains { $0.id == tagID } }
        }
        if refresh { try refreshSearchText(of: articleID, writer.db) }
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
        // An article has a few tags: comparing them beats hashing them into a set.
        guard tags.count > 8 else {
            var unique: [TagName] = []
            unique.reserveCapacity(tags.count)
            for tag in tags where !unique.contains(where: { $0.key == tag.key }) { unique.append(tag) }
            return unique
        }
        var seen = Set<String>()
        return tags.filter { seen.insert($0.key).inserted }
    }

    /// A tag's id and display name, and whether it is alive, from the transaction's cache or
    /// the tag table.
    private static func lookUp(_ tag: TagName, writer: ChangeWriter) throws -> (tag: (id: String, name: String), alive: Bool) {
        if let known = writer.tagCache[tag.key] { return (known, true) }
        let tagID = tag.rowID
        let stored = try writer.statement("SELECT alive, name FROM tag WHERE id = ?").fetchOne([tagID.databaseValue])
        guard let stored, stored[0] == true.databaseValue, let name = String.fromDatabaseValue(stored[1]) else {
            return ((tagID, tag.display), false)
        }
        let found = (id: tagID, name: name)
        writer.tagCache[tag.key] = found
        return (found, true)
    }

    static func displayName(_ tagID: String, _ db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM tag WHERE id = ?"), arguments: [tagID])
    }

    /// Recomputes the local, search-only `tags` column of an article.
    static func refreshSearchText(of articleID: String, _ db: Database) throws {
        try db.cachedStatement(sql: "UPDATE article SET tags = \(searchTagsExpression) WHERE id = ?").execute(arguments: [articleID])
    }

    /// Recomputes the local, search-only `tags` column of several articles in one statement:
    /// the search index takes their new text in one go (FTS5 adds a segment per statement).
    static func refreshSearchText(of articleIDs: [String], _ db: Database) throws {
        guard !articleIDs.isEmpty else { return }
        let list = String(decoding: try JSONEncoder().encode(articleIDs), as: UTF8.self)
        try db.cachedStatement(sql: "UPDATE article SET tags = \(searchTagsExpression) WHERE id IN (SELECT value FROM json_each(?))")
            .execute(arguments: [list])
    }

    /// The SQL expression of an `article` row's search-only `tags`: its live tags' names.
    static let searchTagsExpression = searchTags(ofArticle: "article.id")

    /// The SQL expression of the search-only `tags` of the article whose id is `idExpression`
    /// (a column or a parameter): its live tags' names.
    static func searchTags(ofArticle idExpression: String) -> String {
        """
        coalesce((
            SELECT group_concat(tag.name, ' ') FROM article_tag m JOIN tag ON tag.id = m.tag_id
            WHERE m.article_id = \(idExpression) AND m.alive = 1), '')
        """
    }
}
