public import ReadingListModel

/// The articles of a CSV export file, one record at a time: each record is mapped to an article
/// or to a problem with its line, by the format's rules.
public struct CSVArticleReader: Sequence {
    private let path: String
    private let required: [String]
    private let article: @Sendable (CSVRecords.Record) -> Result<ImportedArticle, ImportProblem>

    /// A reader of the file at `path`, whose header must name every column in `required`.
    /// - Throws: ``ImportProblem`` (line 1) when the file cannot be opened or lacks a column.
    init(
        path: String, required: [String], article: @escaping @Sendable (CSVRecords.Record) -> Result<ImportedArticle, ImportProblem>
    ) throws(ImportProblem) {
        self.path = path
        self.required = required
        self.article = article
        _ = try CSVRecords(path: path, required: required)
    }

    public func makeIterator() -> Iterator {
        // The file was opened once in init; a failure now (it went away) ends the sequence.
        Iterator(records: (try? CSVRecords(path: path, required: required)) ?? CSVRecords(), article: article)
    }

    /// The records: an article, or a problem with the record's line.
    public struct Iterator: IteratorProtocol {
        var records: CSVRecords
        let article: @Sendable (CSVRecords.Record) -> Result<ImportedArticle, ImportProblem>

        public mutating func next() -> Result<ImportedArticle, ImportProblem>? {
            records.next().map { $0.flatMap(article) }
        }
    }
}
