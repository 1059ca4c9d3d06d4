import Foundation
public import ReadingListModel

/// Pocket's CSV export, read one record at a time (readitlater.md §2.1): columns found by
/// header name (`title`, `url`, `time_added`, `tags`, `status`; `cursor` and others ignored),
/// tags separated by `|`, `status` `unread` or `archive`, times in Unix seconds (an
/// unreadable or zero time is left out: the article is saved at the time of the import).
public enum PocketCSV {
    /// The articles of the export file at `path`, read one record at a time.
    /// - Throws: ``ImportProblem`` (line 1) when the file cannot be opened or has no URL column.
    public static func records(at path: String) throws(ImportProblem) -> CSVArticleReader {
        try CSVArticleReader(path: path, required: ["url"], article: article(from:))
    }

    static func article(from record: CSVRecords.Record) -> Result<ImportedArticle, ImportProblem> {
        let fields = record.fields
        guard let url = fields["url"] else { return .failure(ImportProblem(line: record.line, reason: "the url is empty")) }
        let addedAt = fields["time_added"].flatMap(Date.init(exportedTime:))
        let tags = (fields["tags"] ?? "").split(separator: "|").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        let status = fields["status"]?.lowercased()
        guard status == nil || status == "unread" || status == "archive" || status == "read" else {
            return .failure(ImportProblem(line: record.line, reason: "status \"\(fields["status"] ?? "")\" is neither unread nor archive"))
        }
        let archived = status == "archive" || status == "read"
        let title = fields["title"].flatMap { $0 == url ? nil : $0 }
        return .success(ImportedArticle(
            draft: ArticleDraft(source: .url(url), headline: title, tags: tags, addedAt: addedAt),
            isRead: archived, isArchived: archived, line: record.line))
    }
}
