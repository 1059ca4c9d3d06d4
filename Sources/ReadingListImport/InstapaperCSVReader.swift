import Foundation
public import ReadingListModel

/// Reads Instapaper's CSV export one record at a time (readitlater.md §2.2), old
/// (`URL,Title,Selection,Folder`) and new (`…,Timestamp,Tags`) headers, by column name.
/// `Folder` `Archive` marks the article read and archived, `Starred` makes it a favourite,
/// `Unread` is the default, and any other folder becomes a tag. `Selection` is kept as the
/// excerpt; `Tags` is a JSON array of names; `Timestamp` is in Unix seconds.
public struct InstapaperCSVReader: Sequence {
    private let path: String

    /// A reader of the file at `path`.
    /// - Throws: ``ImportProblem`` (line 1) when the file cannot be opened or has no `url` column.
    public init(path: String) throws(ImportProblem) {
        self.path = path
        _ = try CSVRecords(path: path, required: ["url"])
    }

    public func makeIterator() -> Iterator {
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
            guard let url = fields["url"] else { return .failure(ImportProblem(line: record.line, reason: "the URL is empty")) }
            var addedAt: Date?
            if let time = fields["timestamp"] {
                guard let date = Date(unixSeconds: time) else {
                    return .failure(ImportProblem(line: record.line, reason: "Timestamp \"\(time)\" is not a Unix time in seconds"))
                }
                addedAt = date
            }
            var tags: [String] = []
            if let list = fields["tags"] {
                guard let names = try? JSONDecoder().decode([String].self, from: Data(list.utf8)) else {
                    return .failure(ImportProblem(line: record.line, reason: "Tags \(list) is not a JSON list of names"))
                }
                tags = names
            }
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
}
