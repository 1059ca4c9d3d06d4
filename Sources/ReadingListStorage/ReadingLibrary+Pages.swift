import Foundation
import GRDB
public import ReadingListModel

extension ReadingLibrary {
    /// The last attempt to fetch the page of the article named by `reference` on this replica,
    /// or `nil` when none was made here.
    public func lastFetch(of reference: String) throws(ReadingListError) -> FetchRecord? {
        try read { db in
            let id = try References.article(reference, in: db)
            return try Self.fetchRecord(id, db)
        }
    }

    /// Articles that have a web address but no text yet: saved offline, imported from a list of
    /// links, or whose fetch failed. Oldest saves first.
    public func articlesWithoutText() throws(ReadingListError) -> [ArticleID] {
        try read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT id FROM article
                    WHERE alive = 1 AND url IS NOT NULL AND coalesce(content, '') = ''
                    ORDER BY added_at, id
                    """
            ).compactMap(ArticleID.init)
        }
    }

    /// Records a fetch attempt that brought no new text (a failure, or a page without text),
    /// replacing the article's previous record. The article itself is not changed.
    public func recordFetch(_ record: FetchRecord, for id: ArticleID) throws(ReadingListError) {
        try change { writer in try Self.storeFetch(record, for: id, db: writer.db) }
    }

    /// Replaces an article's text and page metadata with a freshly fetched page, in one
    /// transaction: metadata the page has replaces what is stored (a title only when the
    /// stored one was derived from the URL: a title the user chose is kept), the text replaces
    /// the stored text, and every highlight is anchored again in the new text (SPEC.md §4.3),
    /// or left as it was, orphaned, when its quote is gone. `fetch` becomes the article's
    /// fetch record.
    ///
    /// - Parameters:
    ///   - id: The article.
    ///   - page: What the page holds: `headline`, `byline`, `siteName`, `excerpt`, `content`,
    ///     `language`, `publishedAt` (its source and tags are ignored). A `nil` or empty
    ///     `content` keeps the stored text.
    ///   - fetch: The attempt that brought the page.
    public func replacePage(of id: ArticleID, with page: ArticleDraft, fetch: FetchRecord) throws(ReadingListError) -> PageUpdate {
        let outcome: (replaced: Bool, anchored: Int, orphaned: Int) = try change { writer in
            let db = writer.db
            guard let row = try Row.fetchOne(
                db, sql: "SELECT url, canonical_url, title, byline, site, excerpt, content, language, published_at FROM article WHERE id = ? AND alive = 1",
                arguments: [id.description])
            else {
                throw ReadingListError(.notFound, "No article \(id.short). It may have been deleted; save it again with readlist add.")
            }
            var values: [(column: String, value: DatabaseValue)] = []
            func replace(_ column: String, _ value: (any DatabaseValueConvertible)?) {
                guard let value else { return }
                let new = value.databaseValue
                if (row[column] as DatabaseValue) != new { values.append((column, new)) }
            }
            let storedTitle: String? = row["title"]
            if let headline = page.headline?.collapsingWhitespace(), !headline.isEmpty,
               storedTitle == nil || storedTitle == ArticleIdentity.derivedTitle(canonicalURL: row["canonical_url"]) {
                replace("title", headline)
            }
            replace("byline", Self.nonEmpty(page.byline))
            replace("site", Self.nonEmpty(page.siteName))
            replace("excerpt", Self.nonEmpty(page.excerpt))
            replace("language", Self.nonEmpty(page.language))
            replace("published_at", page.publishedAt.map(ArticleRows.milliseconds))
            let newContent = page.content.flatMap { $0.isEmpty ? nil : $0 }
            let replacing = newContent != nil && newContent != (row["content"] as String?)
            if let newContent, replacing {
                values.append(("content", newContent.databaseValue))
                values.append(("word_count", ReadingTime.wordCount(of: newContent).databaseValue))
            }
            if !values.isEmpty { try writer.write(.article, key: [id.description], values: values) }
            var anchored = 0
            var orphaned = 0
            let text = newContent ?? (row["content"] as String?) ?? ""
            for highlight in try HighlightRows.fetch(db, where: "highlight.article_id = ?", arguments: [id.description]) {
                guard let anchor = QuoteAnchor.relocate(
                    quote: highlight.quote, prefix: highlight.prefix, suffix: highlight.suffix, start: highlight.start, in: text)
                else {
                    orphaned += 1
                    continue
                }
                anchored += 1
                let moved = anchor.start != highlight.start || anchor.end != highlight.end || anchor.quote != highlight.quote
                    || anchor.prefix != highlight.prefix || anchor.suffix != highlight.suffix
                guard moved else { continue }
                try writer.write(.highlight, key: [highlight.id.description], values: [
                    ("quote", anchor.quote.databaseValue), ("prefix", anchor.prefix.databaseValue),
                    ("suffix", anchor.suffix.databaseValue), ("start_offset", anchor.start.databaseValue),
                    ("end_offset", anchor.end.databaseValue),
                ])
            }
            try Self.storeFetch(fetch, for: id, db: db)
            return (replacing, anchored, orphaned)
        }
        return PageUpdate(
            article: try article(id, includingContent: false), contentReplaced: outcome.replaced,
            anchoredHighlights: outcome.anchored, orphanedHighlights: outcome.orphaned)
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.collapsingWhitespace(), !text.isEmpty else { return nil }
        return text
    }

    private static func storeFetch(_ record: FetchRecord, for id: ArticleID, db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO page_fetch (article_id, requested_url, resolved_url, status, media_type, error, attempted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id.description, record.requestedURL, record.resolvedURL, record.statusCode, record.mediaType, record.error,
                ArticleRows.milliseconds(record.attemptedAt),
            ])
    }

    static func fetchRecord(_ id: ArticleID, _ db: Database) throws -> FetchRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM page_fetch WHERE article_id = ?", arguments: [id.description]).map { row in
            FetchRecord(
                requestedURL: row["requested_url"], resolvedURL: row["resolved_url"], statusCode: row["status"],
                mediaType: row["media_type"], error: row["error"],
                attemptedAt: ArticleRows.date(row["attempted_at"]) ?? Date(timeIntervalSince1970: 0))
        }
    }
}
