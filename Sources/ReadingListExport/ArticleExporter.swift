public import ReadingListModel
import ReadingListWire

/// Turns articles into an export of any ``ExportFormat``: the one entry point behind
/// `readlist export`.
///
/// Equal articles always give byte-identical exports: json lists articles by id (SPEC.md §5);
/// html and csv list them in ``ordered(_:)`` order; markdown notes are named after each
/// article and listed by name. No export time is written.
public enum ArticleExporter {
    /// An export of `articles` (in any order) as `format`.
    /// - Throws: ``ReadingListError`` `storage` if an encoder fails (they write to memory).
    public static func export(_ articles: [Article], as format: ExportFormat) throws(ReadingListError) -> ExportResult {
        let ordered = ordered(articles)
        switch format {
        case .json:
            do {
                let data = try WireJSON.encode(LibraryExport(articles: articles))
                return ExportResult(format: format, output: .document(data), exportedCount: articles.count)
            } catch {
                throw ReadingListError(.storage, "Cannot encode the JSON export: \(error).")
            }
        case .html:
            let withURL = ordered.filter(hasURL)
            return ExportResult(
                format: format, output: .document(NetscapeBookmarkWriter.document(withURL)), exportedCount: withURL.count,
                withoutURLCount: articles.count - withURL.count)
        case .csv:
            let withURL = ordered.filter(hasURL)
            return ExportResult(
                format: format, output: .document(try PocketCSVWriter.document(withURL)), exportedCount: withURL.count,
                withoutURLCount: articles.count - withURL.count)
        case .markdown:
            return ExportResult(format: format, output: .files(MarkdownNotesWriter.files(ordered)), exportedCount: articles.count)
        }
    }

    /// The order of the html and csv exports: newest first (by save time), then by id, as
    /// `readlist list` shows them.
    public static func ordered(_ articles: [Article]) -> [Article] {
        articles.sorted { $0.addedAt != $1.addedAt ? $0.addedAt > $1.addedAt : $0.id < $1.id }
    }

    private static func hasURL(_ article: Article) -> Bool {
        article.url.map { !$0.isEmpty } ?? false
    }
}
