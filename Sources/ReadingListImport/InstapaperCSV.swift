import Foundation
public import ReadingListModel

/// Instapaper's CSV export, read one record at a time (readitlater.md §2.2), old
/// (`URL,Title,Selection,Folder`) and new (`…,Timestamp,Tags`) headers, by column name.
/// `Folder` `Archive` marks the article read and archived, `Starred` makes it a favourite,
/// `Unread` is the default, and any other folder becomes a tag. `Selection` is kept as the
/// excerpt; `Tags` is a JSON array of names; `Timestamp` is in Unix seconds. An unreadable
/// time is left out and an unreadable tag list read leniently (``TagList/names(in:)``): the
/// article is never lost for them.
public enum InstapaperCSV {
    /// The articles of the export file at `path`, read one record at a time.
    /// - Throws: ``ImportProblem`` (line 1) when the file cannot be opened or has no URL column.
    public static func records(at path: String) throws(ImportProblem) -> CSVArticleReader {
        try CSVArticleReader(path: path, required: ["url"], article: article(from:))
    }

    static func article(from record: CSVRecords.Record) -> Result<ImportedArticle, ImportProblem> {
        let fields = record.fields
        guard let url = fields["url"] else { return .failure(ImportProblem(line: record.line, reason: "the URL is empty")) }
        let addedAt = fields["timestamp"].flatMap(Date.init(exportedTime:))
        var tags = fields["tags"].map(TagList.names(in:)) ?? []
        var item = ImportedArticle(draft: ArticleDraft(source: .url(url)), line: record.line)
        switch fields["folder"]?.lowercased() {
        case nil, "unread": break
        case "archive":
            item.isRead = true
            item.isArchived = true
        case "starred": item.isFavorite = true
        default: tags.append(fields["folder"] ?? "")
        }
        item.draft = ArticleDraft(
            source: .url(url), headline: fields["title"].flatMap { $0 == url ? nil : $0 }, excerpt: fields["selection"],
            tags: tags, addedAt: addedAt)
        return .success(item)
    }
}
