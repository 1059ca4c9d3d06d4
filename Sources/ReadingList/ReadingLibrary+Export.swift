public import ReadingListExport
public import ReadingListModel
public import ReadingListStorage

extension ReadingLibrary {
    /// Exports the library as `format`: every saved article, or only those that have every one
    /// of `tags` (normalized as tag names are, so `Swift` finds `swift`).
    ///
    /// The result holds the bytes; ``ExportResult/write(to:)`` writes them to a file (or, for
    /// markdown, into a folder). Equal libraries give byte-identical exports.
    ///
    /// - Throws: ``ReadingListError`` `invalidInput` when a tag name is empty, or when the
    ///   library cannot be read.
    public func export(as format: ExportFormat, tagged tags: [String] = []) throws(ReadingListError) -> ExportResult {
        try ArticleExporter.export(try exportArticles(tagged: tags), as: format)
    }
}
