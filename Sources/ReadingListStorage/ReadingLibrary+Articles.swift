import Foundation
import GRDB
public import ReadingListModel

extension ReadingLibrary {
    /// Saves an article, or merges into the one already saved with the same identity: tags are
    /// added, the earliest save time is kept, missing metadata is filled in, and a title the
    /// user chose replaces the old one (an extracted headline does not). A deleted article
    /// comes back, with its tags and highlights.
    ///
    /// - Throws: ``ReadingListError`` for an invalid URL or an empty title; nothing is written.
    @discardableResult
    public func save(_ draft: ArticleDraft) throws(ReadingListError) -> SaveResult {
        let identity = try ArticleIdentity(draft.source)
        let tags = draft.tags.isEmpty ? [] : try Self.tagNames(draft.tags)
        if let title = draft.title, title.collapsingWhitespace().isEmpty {
            throw ReadingListError(.invalidInput, "The title is empty. Give a title with text in it, or leave --title out.")
        }
        let addedAt = draft.addedAt ?? now()
        let outcome = try change { writer in
            try Self.save(draft, identity: identity, tags: tags, addedAt: addedAt, restampingTags: true, writer: writer)
        }
        return SaveResult(article: try article(identity.id), outcome: outcome.outcome, addedTags: outcome.addedTags)
    }

    /// The write of ``save(_:)`` inside an open change (also used by imports). `initialState`
    /// (read, archived, favourite columns) is written only when the article is created.
    /// - Parameter restampingTags: stamp memberships already present too (a user's explicit
    ///   intent); an import only adds missing ones.
    /// - Returns: the outcome, the tags newly added, and whether anything was written.
    static func save(
        _ draft: ArticleDraft, identity: ArticleIdentity, tags: [TagName], addedAt: Date, restampingTags: Bool,
        initialState: [(column: String, value: DatabaseValue)] = [], writer: ChangeWriter
    ) throws -> (outcome: SaveResult.Outcome, addedTags: [String], wrote: Bool) {
        let id = identity.id.description
        let existing = try writer.statement(storedColumnsQuery)
            .fetchOne([id.databaseValue]).map { ColumnValues(columns: storedColumns, values: $0) }
        let wasAlive = (existing?["alive"] as Bool?) ?? false
        var values: [(column: String, value: DatabaseValue)] = []
        func fill(_ column: String, _ value: (any DatabaseValueConvertible)?) {
            guard let value else { return }
            if let existing, wasAlive, !(existing[column] as DatabaseValue).isNull { return }
            values.append((column, value.databaseValue))
        }
        if !wasAlive { values.append(("alive", true.databaseValue)) }
        if existing == nil {
            values.append(("url", identity.url.databaseValue))
            values.append(("canonical_url", identity.canonicalURL.databaseValue))
        }
        let storedContent: String? = existing?["content"]
        let writesContent = draft.content.map { storedContent == nil || (!wasAlive && $0 != storedContent) } ?? false
        let storedTitle: String? = existing?["title"]
        let headline = draft.headline?.collapsingWhitespace() ?? ""
        let title = draft.title?.collapsingWhitespace()
            ?? (headline.isEmpty ? nil : headline).flatMap { headline in
                // A headline names a new article, replaces a title derived from the URL, and
                // comes with new text on a restore; it never replaces a title the user chose on
                // a live article, even one that gets its first text now (saved by URL, then
                // imported or saved from a file).
                let replaceable = storedTitle == nil || storedTitle == identity.derivedTitle || (!wasAlive && writesContent)
                return replaceable ? headline : nil
            }
        if let title, title != storedTitle {
            values.append(("title", title.databaseValue))
        } else if storedTitle?.isEmpty ?? true {
            values.append(("title", identity.derivedTitle.databaseValue))
        }
        fill("byline", draft.byline)
        fill("site", draft.siteName)
        fill("excerpt", draft.excerpt)
        fill("language", draft.language)
        fill("published_at", draft.publishedAt.map(ArticleRows.milliseconds))
        if let content = draft.content, writesContent {
            values.append(("content", content.databaseValue))
            values.append(("word_count", ReadingTime.wordCount(of: content).databaseValue))
        }
        values.append(("added_at", ArticleRows.milliseconds(addedAt).databaseValue))
        if existing == nil { values += initialState }
        // A new article's search text (its tags) goes into its first write, so the search
        // index is written once.
        let searchText: [(column: String, value: DatabaseValue)] = existing == nil
            ? [("tags", try TagWrites.displayNames(tags, writer: writer).joined(separator: " ").databaseValue)] : []
        let wrote: Bool
        if existing == nil {
            try writer.create(.article, key: [id], values: values, local: searchText)
            wrote = true
        } else {
            wrote = try writer.write(.article, key: [id], values: values)
        }
        // A new article's search text already names `tags`; a peer may have sent others first.
        let added = try TagWrites.add(
            tags, to: identity.id, restamping: restampingTags, search: existing == nil ? .whenOthersLive : .whenAdded,
            writer: writer)
        let outcome: SaveResult.Outcome = existing == nil ? .created : (wasAlive ? .merged : .restored)
        return (outcome, added, wrote || !added.isEmpty)
    }

    /// The columns of an article that ``save(_:identity:tags:addedAt:restampingTags:initialState:writer:)``
    /// reads before writing, and the query that reads them.
    private static let storedColumns = ["alive", "title", "byline", "site", "excerpt", "content", "language", "published_at"]
    private static let storedColumnsQuery = "SELECT \(storedColumns.joined(separator: ", ")) FROM article WHERE id = ?"

    /// The live article named by `reference`: an id, a unique id prefix of 4+ characters, or a URL.
    public func article(_ reference: String, includingContent: Bool = false) throws(ReadingListError) -> Article {
        try read { db in
            let id = try References.article(reference, in: db)
            return try Self.fetchArticle(id, db, includingContent: includingContent)
        }
    }

    /// The article with `id`, deleted or not.
    /// - Throws: ``ReadingListError`` `notFound` when no article has this id.
    public func article(_ id: ArticleID, includingContent: Bool = false) throws(ReadingListError) -> Article {
        try read { db in try Self.fetchArticle(id, db, includingContent: includingContent) }
    }

    static func fetchArticle(_ id: ArticleID, _ db: Database, includingContent: Bool) throws -> Article {
        guard let article = try ArticleRows.fetch(
            db, where: "article.id = ?", arguments: [id.description], includingContent: includingContent
        ).first else {
            throw ReadingListError(.notFound, "No article has id \(id).")
        }
        return article
    }

    /// Articles matching `query`, with tags and highlights (content not loaded).
    public func articles(_ query: ArticleQuery = ArticleQuery()) throws(ReadingListError) -> [Article] {
        var conditions = ["article.alive = 1"]
        switch query.state {
        case .unread: conditions.append("article.read_at IS NULL AND article.archived = 0")
        case .read: conditions.append("article.read_at IS NOT NULL AND article.archived = 0")
        case .archived: conditions.append("article.archived = 1")
        case .favorites: conditions.append("article.favorite = 1")
        case .all: break
        }
        let tagged = try Self.taggedConditions(query.tags)
        conditions += tagged.conditions
        let arguments = tagged.arguments
        let order: String
        switch query.sort {
        case .added: order = "article.added_at DESC, article.id"
        case .title: order = "article.title COLLATE NOCASE, article.id"
        case .site: order = "article.site IS NULL, article.site COLLATE NOCASE, article.added_at DESC, article.id"
        case .length: order = "article.word_count, article.added_at DESC, article.id"
        }
        return try read { db in
            try ArticleRows.fetch(
                db, where: conditions.joined(separator: " AND "), arguments: StatementArguments(arguments),
                orderBy: order, limit: query.limit)
        }
    }

    /// SQL conditions on `article`, with their arguments, that keep the articles having every
    /// one of `tags` (normalized as tag names are); none for no tags.
    static func taggedConditions(_ tags: [String]) throws(ReadingListError) -> (conditions: [String], arguments: [String]) {
        guard !tags.isEmpty else { return ([], []) }
        let names = try tagNames(tags)
        let condition = "EXISTS (SELECT 1 FROM article_tag m WHERE m.article_id = article.id AND m.tag_id = ? AND m.alive = 1)"
        return (Array(repeating: condition, count: names.count), names.map(\.rowID))
    }

    /// Marks an article read (keeping the first read time) or unread.
    @discardableResult
    public func setRead(_ reference: String, _ read: Bool) throws(ReadingListError) -> Article {
        try updateArticle(reference) { db, id in
            guard read else { return [("read_at", .null)] }
            let readAt = try Int64.fetchOne(db, sql: "SELECT read_at FROM article WHERE id = ?", arguments: [id])
            return [("read_at", (readAt ?? ArticleRows.milliseconds(now())).databaseValue)]
        }
    }

    /// Archives or unarchives an article.
    @discardableResult
    public func setArchived(_ reference: String, _ archived: Bool) throws(ReadingListError) -> Article {
        try updateArticle(reference) { _, _ in [("archived", archived.databaseValue)] }
    }

    /// Marks or unmarks an article as a favourite.
    @discardableResult
    public func setFavorite(_ reference: String, _ favorite: Bool) throws(ReadingListError) -> Article {
        try updateArticle(reference) { _, _ in [("favorite", favorite.databaseValue)] }
    }

    /// Records how far the reader got.
    @discardableResult
    public func setProgress(_ reference: String, _ progress: ReadingProgress) throws(ReadingListError) -> Article {
        try updateArticle(reference) { _, _ in [("progress", progress.basisPoints.databaseValue)] }
    }

    /// Replaces an article's text (after a re-fetch, say). Highlights are kept; those whose quote
    /// is no longer in the text show as orphaned.
    @discardableResult
    public func replaceContent(of reference: String, with content: String) throws(ReadingListError) -> Article {
        try updateArticle(reference) { _, _ in
            [("content", content.databaseValue), ("word_count", ReadingTime.wordCount(of: content).databaseValue)]
        }
    }

    /// Deletes an article. Its tags and highlights are hidden, not lost: saving the same URL
    /// again brings them back.
    /// - Returns: the article as it was.
    @discardableResult
    public func delete(_ reference: String) throws(ReadingListError) -> Article {
        let id: ArticleID = try change { writer in
            let id = try References.article(reference, in: writer.db)
            try writer.write(.article, key: [id.description], values: [("alive", false.databaseValue)])
            return id
        }
        return try article(id)
    }

    private func updateArticle(
        _ reference: String, _ values: (Database, String) throws -> [(column: String, value: DatabaseValue)]
    ) throws(ReadingListError) -> Article {
        let id: ArticleID = try change { writer in
            let id = try References.article(reference, in: writer.db)
            try writer.write(.article, key: [id.description], values: try values(writer.db, id.description))
            return id
        }
        return try article(id)
    }
}
