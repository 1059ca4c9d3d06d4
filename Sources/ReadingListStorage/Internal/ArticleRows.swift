import Foundation
import GRDB
import ReadingListModel

/// Reading articles, with their tags and highlights, out of rows.
enum ArticleRows {
    static let columns = """
        article.id, article.url, article.canonical_url, article.title, article.byline, article.site,
        article.excerpt, article.language, article.published_at, article.word_count, article.added_at,
        article.read_at, article.archived, article.favorite, article.progress
        """

    static func columns(includingContent: Bool) -> String {
        includingContent ? columns + ", article.content" : columns
    }

    static func decode(_ row: Row) throws -> Article {
        let id: String = row["id"]
        guard let articleID = ArticleID(id) else { throw damaged("an article id", id) }
        return Article(
            id: articleID,
            url: row["url"], canonicalURL: row["canonical_url"], title: row["title"],
            byline: row["byline"], siteName: row["site"], excerpt: row["excerpt"],
            content: row.hasColumn("content") ? row["content"] : nil,
            language: row["language"], publishedAt: date(row["published_at"]),
            wordCount: row["word_count"], addedAt: date(row["added_at"]) ?? Date(timeIntervalSince1970: 0),
            readAt: date(row["read_at"]), isArchived: row["archived"], isFavorite: row["favorite"],
            progress: ReadingProgress(clamping: row["progress"]))
    }

    /// Fetches articles matching `condition`, with tags and highlights attached.
    static func fetch(
        _ db: Database, where condition: String, arguments: StatementArguments = [],
        orderBy order: String = "article.id", limit: Int? = nil, includingContent: Bool = false
    ) throws -> [Article] {
        var sql = "SELECT \(columns(includingContent: includingContent)) FROM article WHERE \(condition) ORDER BY \(order)"
        if let limit { sql += " LIMIT \(max(0, limit))" }
        var articles = try Row.fetchAll(db, sql: sql, arguments: arguments).map { try decode($0) }
        try attachRelations(db, to: &articles)
        return articles
    }

    /// The statements that read every live article matching `conditions` (with content) in
    /// `order`, one after the other, so that SQLite never sorts the whole table.
    ///
    /// By id: the primary key's index (`+` keeps SQLite from reading `article_by_added` and
    /// sorting all it finds). Newest first: `article_by_added` backwards; it holds equal save
    /// times in rowid order, so SQLite sorts each run of equal times by id (a few rows). A
    /// missing save time counts as 1970 (`decode`, `ArticleExporter.ordered`), so articles saved
    /// before 1970 or without a time come last, from a second statement that sorts them (a few
    /// at most: times an import or a peer gave).
    static func wholeLibrary(order: ArticleOrder, where conditions: [String]) -> [String] {
        func select(_ condition: String, orderBy: String) -> String {
            let condition = ([condition] + conditions).joined(separator: " AND ")
            return "SELECT \(columns(includingContent: true)) FROM article WHERE \(condition) ORDER BY \(orderBy)"
        }
        switch order {
        case .id:
            return [select("+article.alive = 1", orderBy: "article.id")]
        case .newestFirst:
            return [
                select("article.alive = 1 AND article.added_at > 0", orderBy: "article.added_at DESC, article.id"),
                select(
                    "article.alive = 1 AND (article.added_at <= 0 OR article.added_at IS NULL)",
                    orderBy: "coalesce(article.added_at, 0) DESC, article.id"),
            ]
        }
    }

    /// Fills `tags` and `highlights` of `articles`.
    static func attachRelations(_ db: Database, to articles: inout [Article]) throws {
        guard !articles.isEmpty else { return }
        var tagsByArticle: [String: [TagName]] = [:]
        var highlightsByArticle: [String: [Highlight]] = [:]
        for chunk in stride(from: 0, to: articles.count, by: 500) {
            let ids = articles[chunk..<min(chunk + 500, articles.count)].map(\.id.description)
            let list = Array(repeating: "?", count: ids.count).joined(separator: ",")
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT m.article_id, tag.name FROM article_tag m JOIN tag ON tag.id = m.tag_id
                    WHERE m.alive = 1 AND m.article_id IN (\(list))
                    """,
                arguments: StatementArguments(ids))
            {
                if let name = TagName(row["name"]) { tagsByArticle[row["article_id"], default: []].append(name) }
            }
            for highlight in try HighlightRows.fetch(db, where: "highlight.article_id IN (\(list))", arguments: StatementArguments(ids)) {
                highlightsByArticle[highlight.articleID.description, default: []].append(highlight)
            }
        }
        for index in articles.indices {
            let key = articles[index].id.description
            articles[index].tags = (tagsByArticle[key] ?? []).sorted { $0.key < $1.key }.map(\.display)
            articles[index].highlights = highlightsByArticle[key] ?? []
        }
    }

    /// The error for a value that cannot have been written by readlist.
    static func damaged(_ what: String, _ value: String) -> ReadingListError {
        ReadingListError(.storage, "The library holds \(what) that is not valid (\"\(value)\"); the file may be damaged. Restore it from a backup or export.")
    }

    static func date(_ milliseconds: Int64?) -> Date? {
        milliseconds.map { Date(timeIntervalSince1970: Double($0) / 1000) }
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }
}
