public import ReadingListModel

/// Turns articles into an export of any ``ExportFormat``: the one entry point behind
/// `readlist export`.
///
/// Equal articles always give byte-identical exports: json lists articles by id (SPEC.md §5);
/// html and csv list them in ``ordered(_:)`` order; markdown notes are named after each
/// article and listed by name. No export time is written.
public enum ArticleExporter {
    /// A batch of articles handed to an export.
    public typealias Write = ([Article]) throws(ReadingListError) -> Void

    /// Exports as `format` to `destination` the articles that `articles` hands, a batch at a
    /// time, to the function it is given. Only the batch being written is held.
    ///
    /// The batches must come in `format.articleOrder`, as `ReadingLibrary.forEachArticle`
    /// gives them. A document file is written atomically (``ExportDestination/path(_:)``):
    /// when the export fails, whether `articles` throws or a write does, the file is not
    /// made and an earlier one is left as it was.
    ///
    /// - Throws: ``ReadingListError`` `invalidInput` naming the path and the fix when the
    ///   destination cannot be written, or for markdown to standard output; `storage` when the
    ///   articles come out of order; the error `articles` throws.
    @discardableResult
    public static func export(
        as format: ExportFormat, to destination: ExportDestination, articles: (_ write: Write) throws(ReadingListError) -> Void
    ) throws(ReadingListError) -> ExportSummary {
        switch destination {
        case .standardOutput:
            guard !format.writesFolder else {
                throw ReadingListError(
                    .invalidInput, "A \(format) export is one file per article: give a folder to write it into, not standard output.")
            }
            return try export(as: format, to: StandardOutputSink(), articles: articles)
        case .path(let path):
            if format.writesFolder {
                return try exportNotes(to: FolderNoteSink(path: path, format: format), articles: articles)
            }
            return try export(as: format, to: AtomicFileSink(path: path, format: format), articles: articles)
        }
    }

    /// An export of `articles` (in any order) as `format`, in memory, written as
    /// ``export(as:to:articles:)`` writes to a file.
    /// - Throws: ``ReadingListError`` `storage` if an encoder fails (they write to memory).
    public static func export(_ articles: [Article], as format: ExportFormat) throws(ReadingListError) -> ExportResult {
        let sorted = articles.sorted { precedes($0, $1, in: format.articleOrder) }
        let sink = MemorySink()
        let summary: ExportSummary
        let output: ExportResult.Output
        if format.writesFolder {
            summary = try exportNotes(to: sink) { write throws(ReadingListError) in try write(sorted) }
            output = .files(sink.notes.sorted { $0.name < $1.name })
        } else {
            summary = try export(as: format, to: sink) { write throws(ReadingListError) in try write(sorted) }
            output = .document(sink.document)
        }
        return ExportResult(
            format: format, output: output, exportedCount: summary.exportedCount, withoutURLCount: summary.withoutURLCount)
    }

    /// The order of the html and csv exports: newest first (by save time), then by id, as
    /// `readlist list` shows them.
    public static func ordered(_ articles: [Article]) -> [Article] {
        articles.sorted { precedes($0, $1, in: .newestFirst) }
    }

    /// Whether `first` comes before `second` in `order`.
    public static func precedes(_ first: Article, _ second: Article, in order: ArticleOrder) -> Bool {
        switch order {
        case .id: first.id < second.id
        case .newestFirst: first.addedAt != second.addedAt ? first.addedAt > second.addedAt : first.id < second.id
        }
    }

    /// Writes a document: its header at the first batch (or at the end), each batch's entries,
    /// its trailer; on failure, discards what was written.
    static func export(
        as format: ExportFormat, to sink: some DocumentSink, articles: (_ write: Write) throws(ReadingListError) -> Void
    ) throws(ReadingListError) -> ExportSummary {
        var formatter = DocumentFormatter(format)
        var summary = ExportSummary(format: format)
        var check = OrderCheck(format.articleOrder)
        var started = false
        do {
            try articles { (batch: [Article]) throws(ReadingListError) in
                try check.next(batch)
                if !started {
                    try sink.write(formatter.header())
                    started = true
                }
                let withURL = format.needsURL ? batch.count(where: hasURL) : batch.count
                summary.exportedCount += withURL
                summary.withoutURLCount += batch.count - withURL
                try sink.write(formatter.entries(batch))
            }
            if !started { try sink.write(formatter.header()) }
            try sink.write(formatter.trailer())
            try sink.commit()
        } catch {
            sink.discard()
            throw error
        }
        return summary
    }

    /// Writes markdown notes, each as soon as its name is sure.
    static func exportNotes(
        to sink: some NoteSink, articles: (_ write: Write) throws(ReadingListError) -> Void
    ) throws(ReadingListError) -> ExportSummary {
        var summary = ExportSummary(format: .markdown)
        var check = OrderCheck(ExportFormat.markdown.articleOrder)
        var stream = MarkdownNotesStream()
        try articles { (batch: [Article]) throws(ReadingListError) in
            try check.next(batch)
            summary.exportedCount += batch.count
            try stream.add(batch, to: sink.write)
        }
        try stream.finish(to: sink.write)
        try sink.commit()
        return summary
    }

    private static func hasURL(_ article: Article) -> Bool {
        article.url.map { !$0.isEmpty } ?? false
    }

    /// Refuses articles out of order, which would make an export that differs from the one of
    /// the same articles in order.
    private struct OrderCheck {
        let order: ArticleOrder
        var last: Article?

        init(_ order: ArticleOrder) { self.order = order }

        mutating func next(_ batch: [Article]) throws(ReadingListError) {
            for article in batch {
                if let last, !precedes(last, article, in: order) {
                    throw ReadingListError(.storage, "The articles to export came out of order: \(article.id) after \(last.id).")
                }
                last = article
            }
        }
    }
}
