import GRDB
public import ReadingListModel

extension ReadingLibrary {
    /// Adds tags to an article.
    /// - Returns: the article and the tags that were not on it before.
    @discardableResult
    public func addTags(_ names: [String], to reference: String) throws(ReadingListError) -> (article: Article, added: [String]) {
        let tags = try Self.tagNames(names)
        let (id, added): (ArticleID, [String]) = try change { writer in
            let id = try References.article(reference, in: writer.db)
            return (id, try TagWrites.add(tags, to: id, writer: writer))
        }
        return (try article(id), added)
    }

    /// Removes tags from an article.
    /// - Returns: the article and the tags that were on it and are now removed.
    @discardableResult
    public func removeTags(_ names: [String], from reference: String) throws(ReadingListError) -> (article: Article, removed: [String]) {
        let tags = try Self.tagNames(names)
        let (id, removed): (ArticleID, [String]) = try change { writer in
            let id = try References.article(reference, in: writer.db)
            return (id, try TagWrites.remove(tags, from: id, writer: writer))
        }
        return (try article(id), removed)
    }

    /// Tags in use on saved articles, with counts, sorted by key.
    public func tags() throws(ReadingListError) -> [TagSummary] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT tag.name, count(*) AS uses FROM tag
                    JOIN article_tag m ON m.tag_id = tag.id AND m.alive = 1
                    JOIN article ON article.id = m.article_id AND article.alive = 1
                    WHERE tag.alive = 1 GROUP BY tag.id
                    """
            ).compactMap { row -> TagSummary? in
                guard let name = TagName(row["name"]) else { return nil }
                return TagSummary(name: name.display, key: name.key, count: row["uses"])
            }.sorted { $0.key < $1.key }
        }
    }

    /// Renames a tag on every article. If `new` names another existing tag (ignoring case), the
    /// two merge and that tag's spelling is kept; if it differs only in case or spacing, the
    /// spelling changes.
    /// - Returns: the number of (not deleted) articles whose tag changed.
    @discardableResult
    public func renameTag(_ old: String, to new: String) throws(ReadingListError) -> Int {
        let from = try Self.tagNames([old])[0]
        let to = try Self.tagNames([new])[0]
        return try change { writer in
            let db = writer.db
            let fromID = from.rowID
            // Every membership moves, including those of deleted articles (hidden, not lost):
            // an article saved again comes back with the renamed tag.
            let memberships = try Row.fetchAll(
                db,
                sql: """
                    SELECT m.article_id, coalesce(article.alive, 0) AS visible
                    FROM article_tag m LEFT JOIN article ON article.id = m.article_id
                    WHERE m.tag_id = ? AND m.alive = 1 ORDER BY m.article_id
                    """,
                arguments: [fromID])
            let visible = memberships.filter { $0["visible"] == true }.count
            guard try Bool.fetchOne(db, sql: "SELECT alive FROM tag WHERE id = ?", arguments: [fromID]) == true, visible > 0
            else {
                throw ReadingListError(.notFound, "No article has the tag \"\(from.display)\". See 'readlist tag list' for the tags in use.")
            }
            let articles = memberships.map { $0["article_id"] as String }
            if from.key == to.key {
                try writer.write(.tag, key: [fromID], values: [("name", to.display.databaseValue)])
                try TagWrites.refreshSearchText(of: articles, db)
                return visible
            }
            for article in articles {
                guard let id = ArticleID(article) else { continue }
                _ = try TagWrites.remove([from], from: id, writer: writer)
                _ = try TagWrites.add([to], to: id, writer: writer)
            }
            return visible
        }
    }

    static func tagNames(_ names: [String]) throws(ReadingListError) -> [TagName] {
        var tags: [TagName] = []
        for name in names {
            guard let tag = TagName(name) else {
                throw ReadingListError(.invalidInput, "A tag name is empty. Give tags with at least one visible character.")
            }
            tags.append(tag)
        }
        guard !tags.isEmpty else {
            throw ReadingListError(.invalidInput, "No tag given. Name at least one tag.")
        }
        return tags
    }
}
