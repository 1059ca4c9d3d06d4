import Foundation
import ReadingListModel
import ReadingListWire

/// The bytes of a document export (json, html, csv), a batch of articles at a time: the
/// ``header()``, the ``entries(_:)`` of every batch in the format's ``ExportFormat/articleOrder``,
/// then the ``trailer()``.
struct DocumentFormatter {
    let format: ExportFormat
    private var json = LibraryExportWriter()

    /// A formatter for `format`, which must not be markdown.
    init(_ format: ExportFormat) {
        precondition(!format.writesFolder, "\(format) is not a document")
        self.format = format
    }

    func header() throws(ReadingListError) -> Data {
        switch format {
        case .json: LibraryExportWriter.header
        case .html: Data(NetscapeBookmarkWriter.preamble.utf8)
        case .csv: try PocketCSVWriter.header()
        case .markdown: Data()
        }
    }

    /// The bytes of `articles`; those of html and csv leave out the articles without a URL.
    mutating func entries(_ articles: [Article]) throws(ReadingListError) -> Data {
        switch format {
        case .json:
            do {
                return try json.entries(articles)
            } catch {
                throw ReadingListError(.storage, "Cannot encode the JSON export: \(error).")
            }
        case .html: return NetscapeBookmarkWriter.entries(articles)
        case .csv: return try PocketCSVWriter.records(articles)
        case .markdown: return Data()
        }
    }

    func trailer() -> Data {
        switch format {
        case .json: LibraryExportWriter.trailer
        case .html: Data(NetscapeBookmarkWriter.closing.utf8)
        case .csv, .markdown: Data()
        }
    }
}
