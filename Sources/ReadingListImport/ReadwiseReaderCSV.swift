import Foundation
public import ReadingListModel

/// Readwise Reader's documents CSV export (readitlater.md §2.3), read one record at a time:
/// `Title,URL,ID,Document tags,Saved date,Reading progress,Location,Seen`, columns found by name.
///
/// - `Document tags` is a Python list, `['a', 'b']` (a JSON list or names separated by commas
///   are read too).
/// - `Saved date` (`2026-03-14 23:55:23.291000+00:00`) is the save time.
/// - `Reading progress` is a fraction from 0 to 1 (a number above 1, up to 100, is read as a
///   percentage); progress only ever moves forward.
/// - `Location` `archive` marks the article read and archived; `shortlist` (Reader's starred
///   list) makes it a favourite; `new` and `later` leave it unread. `feed` records are items of
///   the feeds the user follows, which Reader fetched, not articles the user saved: they are
///   left out and counted as ignored (``ImportProblem/ignored(line:reason:file:)``), not
///   reported as problems, so `--strict` accepts an export that holds them.
/// - `ID` and `Seen` are ignored.
public enum ReadwiseReaderCSV {
    /// The records of the export file at `path`, read one at a time.
    /// - Throws: ``ImportProblem`` (line 1) when the file cannot be opened or has no URL column.
    public static func records(at path: String) throws(ImportProblem) -> CSVArticleReader {
        try CSVArticleReader(path: path, required: ["url"], article: article(from:))
    }

    static func article(from record: CSVRecords.Record) -> Result<ImportedArticle, ImportProblem> {
        let fields = record.fields
        func problem(_ reason: String) -> Result<ImportedArticle, ImportProblem> { .failure(ImportProblem(line: record.line, reason: reason)) }
        guard let url = fields["url"] else { return problem("the URL is empty") }
        let location = fields["location"]?.lowercased()
        guard location != "feed" else {
            return .failure(.ignored(
                line: record.line,
                reason: "a feed item (Location feed), which Reader fetched from a feed you follow and you did not save; not imported"))
        }
        let addedAt = fields["saved date"].flatMap(Date.init(exportedTime:))
        let tags = fields["document tags"].map(TagList.names(in:)) ?? []
        var progress: ReadingProgress?
        if let text = fields["reading progress"] {
            guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let value = Double(text), value.isFinite,
                value >= 0, value <= 100
            else {
                return problem("Reading progress \"\(text.prefix(40))\" is not a fraction from 0 to 1")
            }
            let percent = value <= 1 ? value * 100 : value
            if percent > 0 { progress = ReadingProgress(clamping: Int((percent * 100).rounded())) }
        }
        let archived = location == "archive"
        return .success(ImportedArticle(
            draft: ArticleDraft(source: .url(url), headline: fields["title"].flatMap { $0 == url ? nil : $0 }, tags: tags, addedAt: addedAt),
            isRead: archived, isArchived: archived, isFavorite: location == "shortlist", progress: progress, line: record.line))
    }
}
