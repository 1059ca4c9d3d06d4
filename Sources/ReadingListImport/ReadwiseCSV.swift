import Foundation
public import ReadingListModel

/// Readwise's highlights CSV export (readitlater.md §2.3), read one record at a time:
/// `Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,
/// Highlighted at,Document tags`, and Readwise's bulk-import template (`Highlight,Title,Author,
/// URL,Note,Location,Date`), columns found by name.
///
/// Each record is one highlight, and is imported as its article carrying that one highlight, so
/// the file streams whatever its size and however its rows are ordered: the library merges the
/// records of one article (the first creates it, the next ones add their highlights), and a
/// highlight's id derives from its article and quote, so importing the file again adds nothing.
/// The summary therefore counts records: a book of five highlights is one article imported and
/// four merged.
///
/// - The article is the `URL` when the record has one. A book without one (Kindle books: the
///   export has no URL column) has no web address to stand for it, so it is saved as an article
///   without a URL whose id is that of a file holding `readwise-book:`, the title, a line feed
///   and the author (SPEC §2.5): the same book gets the same article on every import and every
///   replica. Its highlights are kept orphaned, as it has no text.
/// - `Book Title` (or `Title`) is the headline, `Book Author` (or `Author`) the byline.
/// - `Note` is the highlight's note; `Color` its colour when readlist has it (yellow, green,
///   blue, pink, purple; others, such as orange, are left out); `Highlighted at` (or `Date`) its
///   time, which also serves as the article's save time (the earliest one wins).
/// - `Document tags` and `Tags` become the article's tags (names separated by commas, or a list
///   `['a', 'b']`).
/// - `Location Type`, `Location` and `Amazon Book ID` are ignored.
public enum ReadwiseCSV {
    /// The start of the name an article of a book without a URL is identified by.
    public static let bookIdentityPrefix = "readwise-book:"

    /// The records of the export file at `path`, read one at a time.
    /// - Throws: ``ImportProblem`` (line 1) when the file cannot be opened or has no Highlight column.
    public static func records(at path: String) throws(ImportProblem) -> CSVArticleReader {
        try CSVArticleReader(path: path, required: ["highlight"], article: article(from:))
    }

    /// The identity of a book without a URL: the bytes of `readwise-book:<title>\n<author>`,
    /// each trimmed.
    public static func bookSource(title: String, author: String?) -> ArticleDraft.Source {
        .fileContents(Data((bookIdentityPrefix + title.trimmingWhitespace() + "\n" + (author ?? "").trimmingWhitespace()).utf8))
    }

    static func article(from record: CSVRecords.Record) -> Result<ImportedArticle, ImportProblem> {
        let fields = record.fields
        func problem(_ reason: String) -> Result<ImportedArticle, ImportProblem> { .failure(ImportProblem(line: record.line, reason: reason)) }
        guard let quote = fields["highlight"] else { return problem("the highlight is empty") }
        let title = fields["book title"] ?? fields["title"]
        let author = fields["book author"] ?? fields["author"]
        let source: ArticleDraft.Source
        if let url = fields["url"] {
            source = .url(url)
        } else if let title {
            source = bookSource(title: title, author: author)
        } else {
            return problem("the record names neither a URL nor a Book Title, so the highlight belongs to no article")
        }
        let createdAt = (fields["highlighted at"] ?? fields["date"]).flatMap(Date.init(exportedTime:))
        let tags = ["document tags", "tags"].flatMap { fields[$0].map(TagList.names(in:)) ?? [] }
        let color = fields["color"].flatMap { HighlightColor(rawValue: $0.trimmingWhitespace().lowercased()) }
        let highlight = ImportedHighlight(quote: quote, note: fields["note"], color: color, createdAt: createdAt)
        return .success(ImportedArticle(
            draft: ArticleDraft(source: source, headline: title, byline: author, tags: tags, addedAt: createdAt),
            highlights: [highlight], line: record.line))
    }
}
