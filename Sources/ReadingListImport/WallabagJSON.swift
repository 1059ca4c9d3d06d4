import Foundation
public import ReadingListModel
import ReadingListExtraction

/// wallabag's v2 JSON export (readitlater.md §2.5): a list of entries, streamed one at a time
/// after a first reading that checks the file's syntax (``JSONRecordReader``): a file cut short
/// (a download that stopped) is refused whole, and an entry that is valid JSON but cannot be
/// read is a problem on its line.
///
/// - `url` is required; `title` is the headline (never replacing a title chosen here).
/// - `is_archived` (archived in wallabag means read) marks the article read, at `archived_at`
///   when given, and archived; `is_starred` makes it a favourite. Both may be `true`/`false`
///   or `1`/`0`.
/// - `created_at` is the save time and `published_at` the publication time, in ISO 8601 with or
///   without a colon in the offset (`2016-09-08T11:55:58+0200`); unreadable times (PHP's zero
///   date `-0001-11-30…` among them) are left out, and the entry kept.
/// - `content` (HTML) becomes the article's text, through the same extraction as a saved page,
///   so highlights anchor in it; the excerpt is the start of its first paragraph. wallabag's
///   placeholder for pages it could not fetch is no content.
/// - `language`, `published_by` (the byline, names joined by commas) and `tags` (names, or
///   objects with a `label`, as wallabag's API writes them) are kept.
/// - Each annotation becomes a highlight: `quote` the quoted text, `text` the note,
///   `created_at` its time. Its `ranges` (XPath offsets into wallabag's HTML) are not used: the
///   quote is found in the text, and a quote that is not there is kept as an orphaned highlight.
/// - `domain_name`, `reading_time`, `preview_picture`, `mimetype`, `given_url`, `origin_url`,
///   `starred_at`, `updated_at`, `http_status` and `headers` are not read.
public enum WallabagJSON {
    /// The text wallabag stores as content when it could not fetch a page.
    static let placeholderPrefix = "wallabag can't retrieve contents for this article"

    /// The entries of the export file at `path`, read one at a time.
    /// - Throws: ``ImportProblem`` when the file cannot be opened, is not a JSON list, or is not
    ///   valid JSON (cut short, naming the line).
    public static func records(at path: String) throws(ImportProblem) -> JSONRecordReader<ImportedArticle> {
        try records(at: path, chunkSize: JSONElementScanner.defaultChunkSize)
    }

    static func records(at path: String, chunkSize: Int) throws(ImportProblem) -> JSONRecordReader<ImportedArticle> {
        try JSONRecordReader(path: path, chunkSize: chunkSize) { element in
            element.decode(WallabagEntry.self, record: "entry \(element.index + 1)").flatMap { entry in
                article(from: entry, line: element.line).mapError { problem in
                    let url = entry.url.trimmingWhitespace()
                    let name = "entry \(element.index + 1)" + (url.isEmpty ? "" : " (\(url.prefix(80)))")
                    return ImportProblem(line: problem.line, reason: "\(name): \(problem.reason)")
                }
            }
        }
    }

    static func article(from entry: WallabagEntry, line: Int) -> Result<ImportedArticle, ImportProblem> {
        func problem(_ reason: String) -> Result<ImportedArticle, ImportProblem> { .failure(ImportProblem(line: line, reason: reason)) }
        let url = entry.url.trimmingWhitespace()
        guard !url.isEmpty else { return problem("the url is empty") }
        var dates: [String: Date] = [:]
        for (name, text) in [("created_at", entry.createdAt), ("published_at", entry.publishedAt), ("archived_at", entry.archivedAt)] {
            // An unreadable time is left out: wallabag writes PHP's zero date (-0001-11-30…) for
            // unknown publication times; without created_at the article is saved at the time
            // of the import, without archived_at it is read at its save time.
            guard let text, let date = Date(exportedTime: text) else { continue }
            dates[name] = date
        }
        var highlights: [ImportedHighlight] = []
        for annotation in entry.annotations ?? [] {
            guard let quote = annotation.quote?.trimmingWhitespace(), !quote.isEmpty else { continue }
            // An unreadable time makes the highlight's time that of the import.
            let createdAt = annotation.createdAt.flatMap(Date.init(exportedTime:))
            let note = annotation.text?.trimmingWhitespace()
            highlights.append(ImportedHighlight(quote: quote, note: note?.isEmpty == false ? note : nil, createdAt: createdAt))
        }
        let text = entry.content.flatMap(Self.text(fromHTML:))
        let title = entry.title?.collapsingWhitespace()
        let byline = (entry.publishedBy?.names ?? []).map { $0.collapsingWhitespace() }.filter { !$0.isEmpty }
        let archived = entry.isArchived?.value ?? false
        var article = ImportedArticle(
            draft: ArticleDraft(
                source: .url(url), headline: title.flatMap { $0.isEmpty || $0 == url ? nil : $0 },
                byline: byline.isEmpty ? nil : byline.joined(separator: ", "), excerpt: text?.excerpt,
                content: text?.text, language: entry.language.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 },
                publishedAt: dates["published_at"], tags: entry.tags?.names ?? [], addedAt: dates["created_at"]),
            isRead: archived, isArchived: archived, isFavorite: entry.isStarred?.value ?? false, highlights: highlights,
            line: line)
        if archived { article.readAt = dates["archived_at"] }
        return .success(article)
    }

    /// The plain text of an entry's HTML content, with its excerpt; `nil` when it has no text
    /// or is wallabag's placeholder for a page it could not fetch.
    static func text(fromHTML html: String) -> (text: String, excerpt: String?)? {
        guard !html.trimmingWhitespace().isEmpty else { return nil }
        let extracted = ArticleExtractor.extract(html: Data(html.utf8), baseURL: nil)
        guard !extracted.text.isEmpty, !extracted.text.lowercased().hasPrefix(placeholderPrefix) else { return nil }
        return (extracted.text, extracted.excerpt)
    }
}
