import CSV
public import Foundation
public import ReadingListModel

/// Writes Pocket's CSV export (its first variant: `title,url,time_added,tags,status`), which
/// other services' Pocket importers and `readlist import --format pocket-csv` read.
/// Protocol/SPEC.md §5.1 describes exactly what is written.
///
/// - `time_added`: the save time in Unix seconds (rounded down);
/// - `tags`: the tag names separated by `|` (a `|` inside a name becomes a space);
/// - `status`: `unread` for an article that is neither read nor archived, else `archive`.
///   Pocket has only these two states, and archiving is how Pocket marks an article done, so
///   an article that is read but not archived (or archived but unread) is written `archive`
///   and comes back from an import read and archived.
///
/// Fields are quoted as RFC 4180 says (by the CSV library) and records end with CRLF. Favourites,
/// excerpts, texts and highlights have no column. Articles without a URL (saved from a file)
/// are left out.
public enum PocketCSVWriter {
    /// The header row.
    public static let columns = ["title", "url", "time_added", "tags", "status"]

    /// The CSV file of the articles that have a URL, in the order given: the ``header()``, then
    /// the ``records(_:)`` of the articles.
    /// - Throws: ``ReadingListError`` `storage` if the CSV library fails to write (it writes to
    ///   memory, so it does not).
    public static func document(_ articles: [Article]) throws(ReadingListError) -> Data {
        try header() + records(articles)
    }

    /// The header record, with its CRLF.
    static func header() throws(ReadingListError) -> Data {
        try csv([columns])
    }

    /// The records of the articles that have a URL, in the order given, each ending with CRLF.
    static func records(_ articles: [Article]) throws(ReadingListError) -> Data {
        try csv(articles.compactMap(row))
    }

    /// `rows` as the CSV library quotes them, each ending with CRLF. The library writes one byte
    /// per call to its stream, so it writes to memory; it separates records, and the last one
    /// ends with a line break too.
    private static func csv(_ rows: [[String]]) throws(ReadingListError) -> Data {
        guard !rows.isEmpty else { return Data() }
        let stream = OutputStream.toMemory()
        do {
            let writer = try CSVWriter(stream: stream, newline: .crlf)
            for row in rows { try writer.write(row: row) }
            let lineEnd: [UInt8] = [13, 10]
            guard stream.write(lineEnd, maxLength: lineEnd.count) == lineEnd.count,
                let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data
            else { throw CSVError.cannotWriteStream }
            return data
        } catch {
            throw ReadingListError(.storage, "Cannot write the CSV export: \(error).")
        }
    }

    /// The fields of `article`; `nil` when it has no URL.
    static func row(_ article: Article) -> [String]? {
        guard let url = article.url, !url.isEmpty else { return nil }
        return [
            article.title,
            url,
            String(Int64(article.addedAt.timeIntervalSince1970.rounded(.down))),
            TagList.names(article.tags, separator: "|").joined(separator: "|"),
            !article.isRead && !article.isArchived ? "unread" : "archive",
        ]
    }
}
