import GRDB
public import ReadingListModel

extension ReadingLibrary {
    /// Articles per batch of ``forEachArticle(tagged:order:batchSize:_:)`` unless told otherwise.
    public static let articleBatchSize = 256

    /// Hands every saved article, with its content, tags and highlights, to `body` in batches of
    /// at most `batchSize`, in `order`: what an export holds, read in one transaction (a
    /// consistent snapshot) without holding more than one batch.
    ///
    /// - Parameters:
    ///   - tags: Only articles that have every one of these tags (normalized as tag names are,
    ///     SPEC.md §2.6, so `Swift` finds `swift`); empty for every article.
    ///   - body: Called with each batch, never an empty one. An error it throws ends the read
    ///     and is rethrown.
    /// - Throws: ``ReadingListError`` `invalidInput` when a tag name is empty (before `body` is
    ///   called), an error reading the library, or `body`'s error.
    public func forEachArticle(
        tagged tags: [String] = [], order: ArticleOrder = .id, batchSize: Int = articleBatchSize,
        _ body: ([Article]) throws(ReadingListError) -> Void
    ) throws(ReadingListError) {
        let tagged = try Self.taggedConditions(tags)
        let statements = ArticleRows.wholeLibrary(order: order, where: tagged.conditions)
        let size = max(1, batchSize)
        try read { db in
            var batch: [Article] = []
            batch.reserveCapacity(size)
            func hand() throws {
                try ArticleRows.attachRelations(db, to: &batch)
                try body(batch)
                batch.removeAll(keepingCapacity: true)
            }
            // One statement per part of the order, stepped row by row: SQLite reads the rows
            // in index order, so nothing sorts the whole library.
            for sql in statements {
                let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(tagged.arguments))
                while let row = try rows.next() {
                    batch.append(try ArticleRows.decode(row))
                    if batch.count == size { try hand() }
                }
            }
            if !batch.isEmpty { try hand() }
        }
    }

    /// Every saved article with its content, tags and highlights, in id order: what a json
    /// export holds, all at once (``forEachArticle(tagged:order:batchSize:_:)`` reads it a
    /// batch at a time).
    ///
    /// - Parameter tags: Only articles that have every one of these tags (normalized as tag
    ///   names are, SPEC.md §2.6, so `Swift` finds `swift`); empty for every article.
    /// - Throws: ``ReadingListError`` `invalidInput` when a tag name is empty.
    public func exportArticles(tagged tags: [String] = []) throws(ReadingListError) -> [Article] {
        var articles: [Article] = []
        try forEachArticle(tagged: tags, order: .id) { batch in articles += batch }
        return articles
    }
}
