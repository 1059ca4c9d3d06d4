import Foundation
public import ReadingListModel

/// Reads Pocket's CSV export one record at a time (readitlater.md §2.1): columns found by
/// header name (`title`, `url`, `time_added`, `tags`, `status`; `cursor` and others ignored),
/// tags separated by `|`, `status` `unread` or `archive`, times in Unix seconds.
public struct PocketCSVReader: Sequence {
    private let path: String

    /// A reader of the file at `path`.
    /// - Throws: ``ImportProblem`` (line 1) when the file cannot be opened or has no `url` column.
    public init(path: String) throws(ImportProblem) {
        self.path = path
        _ = try CSVRecords(path: path, required: ["url"])
    }

    public func makeIterator() -> Iterator {
        // The file was opened once in init; a failure now (it went away) ends the sequence.
        Iterator(records: (try? CSVRecords(path: path, required: ["url"])) ?? CSVRecords())
    }

    /// The records: an article, or a problem with the record's line.
    public struct Iterator: IteratorProtocol {
        var records: CSVRecords

        public mutating func next() -> Result<ImportedArticle, ImportProblem>? {
            records.next().map { $0.flatMap(Self.article) }
        }

        private static func article(from record: CSVRecords.Record) -> Result<ImportedArticle, ImportProblem> {
            let fields = record.fields
            guard let url = fields["url"] else { return .failure(ImportProblem(line: record.line, reason: "the url is empty")) }
            var addedAt: Date?
            if let time = fields["time_added"] {
                guard let date = Date(unixSeconds: time) else {
                    return .failure(ImportProblem(line: record.line, reason: "time_added \"\(time)\" is not a Unix time in seconds"))
                }
                addedAt = date
            }
            let tags = (fields["tags"] ?? "").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
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
}
