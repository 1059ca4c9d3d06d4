import Foundation
import GRDB
import ReadingListModel

/// Reading highlights out of rows, deciding which are orphaned.
enum HighlightRows {
    /// Live highlights of live articles matching `condition`, in text order.
    ///
    /// The highlight table drives the join (`CROSS JOIN` fixes SQLite's loop order): left to
    /// itself, the planner may walk every live article through `article_by_added` to find the
    /// highlights of a few, which reads the whole table of a large library.
    static func fetch(_ db: Database, where condition: String, arguments: StatementArguments = []) throws -> [Highlight] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT highlight.*, instr(coalesce(article.content, ''), highlight.quote) > 0 AS found
                FROM highlight CROSS JOIN article ON article.id = highlight.article_id
                WHERE highlight.alive = 1 AND article.alive = 1 AND \(condition)
                ORDER BY highlight.article_id, highlight.start_offset, highlight.id
                """,
            arguments: arguments)
        var contentCache: [String: String] = [:]
        return try rows.map { row in
            let articleID: String = row["article_id"]
            let quote: String = row["quote"]
            // An imported quote the text did not hold is stored unanchored (end = start = 0);
            // it stays orphaned, even if the text later holds it, until it is anchored again.
            let unanchored = (row["end_offset"] as Int) <= (row["start_offset"] as Int)
            var orphaned = unanchored || !(row["found"] as Bool)
            if orphaned, !unanchored {
                if contentCache[articleID] == nil {
                    contentCache[articleID] = try String.fetchOne(
                        db, sql: "SELECT coalesce(content, '') FROM article WHERE id = ?", arguments: [articleID]) ?? ""
                }
                orphaned = !QuoteAnchor.isPresent(
                    quote, start: row["start_offset"], end: row["end_offset"], in: contentCache[articleID] ?? "")
            }
            let id: String = row["id"]
            guard let highlightID = HighlightID(id) else { throw ArticleRows.damaged("a highlight id", id) }
            guard let article = ArticleID(articleID) else { throw ArticleRows.damaged("an article id", articleID) }
            let color: String? = row["color"]
            return Highlight(
                id: highlightID, articleID: article,
                quote: quote, prefix: row["prefix"], suffix: row["suffix"],
                start: row["start_offset"], end: row["end_offset"], note: row["note"],
                color: color.flatMap(HighlightColor.init(rawValue:)),
                createdAt: ArticleRows.date(row["created_at"]) ?? Date(timeIntervalSince1970: 0),
                isOrphaned: orphaned)
        }
    }
}
