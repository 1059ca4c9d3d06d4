public import ReadingListExport
public import ReadingListModel
public import ReadingListStorage

extension ReadingLibrary {
    /// Exports the library as `format` to `destination`: every saved article, or only those
    /// that have every one of `tags` (normalized as tag names are, so `Swift` finds `swift`).
    ///
    /// Articles are read from one snapshot of the library and written a batch at a time, so
    /// memory stays bounded whatever the library's size. A document file is replaced atomically
    /// (``ExportDestination``). Equal libraries give byte-identical exports.
    ///
    /// - Throws: ``ReadingListError`` `invalidInput` when a tag name is empty, or naming the
    ///   path and the fix when the destination cannot be written; an error reading the library.
    @discardableResult
    public func export(
        as format: ExportFormat, tagged tags: [String] = [], to destination: ExportDestination
    ) throws(ReadingListError) -> ExportSummary {
        try ArticleExporter.export(as: format, to: destination) { write throws(ReadingListError) in
            try forEachArticle(tagged: tags, order: format.articleOrder, write)
        }
    }
}
