import Foundation
import GRDB
public import ReadingListModel
import ReadingListSupport

extension ReadingLibrary {
    /// At most this many skipped records are listed in a summary (all are counted).
    public static let listedImportProblems = 1_000

    /// Imports articles read from another service's export, in one transaction: the import
    /// commits whole or not at all.
    ///
    /// An article already here is merged: tags are added (none removed), the earliest save time
    /// is kept, and read, archived and favourite states only ever move forward. Importing the same
    /// records again changes nothing. Records are read on a second thread, a bounded number
    /// ahead of the writes, so a file of any size is imported in bounded memory; the sequence
    /// is not used after this returns.
    ///
    /// - Parameters:
    ///   - records: Articles, or problems with records that could not be read (skipped and
    ///     reported, with their lines), or records left out on purpose (counted as ignored).
    ///   - strict: Refuse the whole import at the first problem.
    ///   - dryRun: Report what would happen, and change nothing.
    /// - Throws: ``ReadingListError`` `invalidInput` naming the line, with `strict`.
    public func importArticles(
        _ records: some Sequence<Result<ImportedArticle, ImportProblem>>, strict: Bool = false, dryRun: Bool = false
    ) throws(ReadingListError) -> ImportSummary {
        let importedAt = now()
        // The records are read, and their URLs and tags worked out, on a second thread while
        // this one writes.
        let prepared = BackgroundSequence(records) { record -> PreparedRecord in
            switch record {
            case .failure(let problem): .problem(problem)
            case .success(let item): .article(item, Result { () throws(ReadingListError) in try PreparedImport(item) })
            }
        }
        defer { prepared.finish() }
        return try change(rollingBack: dryRun) { writer in
            var summary = ImportSummary()
            for record in prepared {
                switch record {
                case .problem(let problem):
                    try summary.skip(problem, strict: strict)
                case .article(let item, let preparation):
                    do {
                        let (outcome, highlights) = try Self.importOne(item, try preparation.get(), importedAt: importedAt, writer: writer)
                        switch outcome {
                        case .created: summary.imported += 1
                        case .merged: summary.merged += 1
                        case .unchanged: summary.unchanged += 1
                        }
                        summary.highlights += highlights
                    } catch let error as ReadingListError where error.code == .invalidInput {
                        try summary.skip(ImportProblem(line: item.line, reason: error.message, file: item.file), strict: strict)
                    }
                }
            }
            return summary
        }
    }

    private enum ImportOutcome {
        case created, merged, unchanged
    }

    /// A record read, with its preparation when it is an article.
    private enum PreparedRecord: Sendable {
        case problem(ImportProblem)
        case article(ImportedArticle, Result<PreparedImport, ReadingListError>)
    }

    /// What an imported record needs worked out before it is written: everything that can be
    /// refused (the URL, the tags), checked before anything is written.
    private struct PreparedImport: Sendable {
        var identity: ArticleIdentity
        var tags: [TagName]

        init(_ item: ImportedArticle) throws(ReadingListError) {
            identity = try ArticleIdentity(item.draft.source)
            // An empty or blank tag name in an export is no tag, not a reason to skip the article.
            let names = item.draft.tags.filter { !$0.trimmingWhitespace().isEmpty }
            tags = names.isEmpty ? [] : try ReadingLibrary.tagNames(names)
        }
    }

    /// Saves one imported article, moves its state forward and adds its missing highlights.
    /// - Returns: what happened to the article, and how many highlights were added.
    private static func importOne(
        _ item: ImportedArticle, _ preparation: PreparedImport, importedAt: Date, writer: ChangeWriter
    ) throws -> (ImportOutcome, highlights: Int) {
        let identity = preparation.identity
        let tags = preparation.tags
        var draft = item.draft
        if let title = draft.title, title.collapsingWhitespace().isEmpty { draft.title = nil }
        let readAt = item.isRead ? item.readAt ?? draft.addedAt ?? importedAt : nil
        var state: [(column: String, value: DatabaseValue)] = []
        if let readAt { state.append(("read_at", ArticleRows.milliseconds(readAt).databaseValue)) }
        if item.isArchived { state.append(("archived", true.databaseValue)) }
        if item.isFavorite { state.append(("favorite", true.databaseValue)) }
        if let progress = item.progress, progress.basisPoints > 0 { state.append(("progress", progress.basisPoints.databaseValue)) }
        let saved = try save(
            draft, identity: identity, tags: tags, addedAt: draft.addedAt ?? importedAt, restampingTags: false,
            initialState: state, writer: writer)
        let movedForward = saved.outcome == .created ? false : try moveStateForward(
            of: identity.id.description, readAt: readAt, archived: item.isArchived, favorite: item.isFavorite,
            progress: item.progress, writer: writer)
        let highlights = try addImportedHighlights(item.highlights, to: identity.id, importedAt: importedAt, writer: writer)
        switch saved.outcome {
        case .created: return (.created, highlights)
        case .merged, .restored: return (saved.wrote || movedForward || highlights > 0 ? .merged : .unchanged, highlights)
        }
    }

    /// Adds the imported highlights an article does not have yet. Each has the id SPEC.md §2.1
    /// derives from the article and the quote, so importing it again (here or on another replica)
    /// finds it, and a highlight deleted here stays deleted; a quote the article already has
    /// highlighted by hand is not added twice. The quote is anchored in the article's text when
    /// the text holds it; otherwise it is kept as an orphaned highlight.
    /// - Returns: how many were added.
    private static func addImportedHighlights(
        _ highlights: [ImportedHighlight], to article: ArticleID, importedAt: Date, writer: ChangeWriter
    ) throws -> Int {
        guard !highlights.isEmpty else { return 0 }
        let articleID = article.description
        let content = try String.fetchOne(
            writer.db.cachedStatement(sql: "SELECT coalesce(content, '') FROM article WHERE id = ?"), arguments: [articleID]) ?? ""
        var added = 0
        for highlight in highlights {
            let quote = highlight.quote.trimmingWhitespace()
            guard !quote.isEmpty else { continue }
            let id = Identity.importedHighlightID(article: article.uuid, quote: quote).lowercaseText
            let known = try Bool.fetchOne(
                writer.db.cachedStatement(
                    sql: "SELECT 1 FROM highlight WHERE id = ? OR (article_id = ? AND alive = 1 AND quote = ?)"),
                arguments: [id, articleID, quote])
            guard known == nil else { continue }
            let anchor = QuoteAnchor.locate(quote, in: content)
                ?? QuoteAnchor(quote: quote, prefix: "", suffix: "", start: 0, end: 0)
            let note = highlight.note?.trimmingWhitespace()
            try writer.write(
                .highlight, key: [id],
                values: [
                    ("alive", true.databaseValue), ("article_id", articleID.databaseValue),
                    ("quote", anchor.quote.databaseValue), ("prefix", anchor.prefix.databaseValue),
                    ("suffix", anchor.suffix.databaseValue), ("start_offset", anchor.start.databaseValue),
                    ("end_offset", anchor.end.databaseValue), ("note", (note?.isEmpty == false ? note : nil).databaseValue),
                    ("color", highlight.color?.rawValue.databaseValue ?? .null),
                    ("created_at", ArticleRows.milliseconds(highlight.createdAt ?? importedAt).databaseValue),
                ])
            added += 1
        }
        return added
    }

    /// Moves an article's state forward and never back: read (at `readAt`) if it is unread,
    /// archived, a favourite, further `progress`; `addedAt` if earlier (the earliest save
    /// time wins anyway).
    /// - Returns: whether anything was written.
    static func moveStateForward(
        of id: String, readAt: Date?, archived: Bool, favorite: Bool, progress: ReadingProgress? = nil, addedAt: Date? = nil,
        writer: ChangeWriter
    ) throws -> Bool {
        guard let state = try Row.fetchOne(
            writer.db.cachedStatement(sql: "SELECT read_at, archived, favorite, progress FROM article WHERE id = ?"), arguments: [id])
        else { return false }
        var forward: [(column: String, value: DatabaseValue)] = []
        if let addedAt { forward.append(("added_at", ArticleRows.milliseconds(addedAt).databaseValue)) }
        if let readAt, (state["read_at"] as DatabaseValue).isNull {
            forward.append(("read_at", ArticleRows.milliseconds(readAt).databaseValue))
        }
        if archived, state["archived"] != true { forward.append(("archived", true.databaseValue)) }
        if favorite, state["favorite"] != true { forward.append(("favorite", true.databaseValue)) }
        if let progress, progress.basisPoints > state["progress"] as Int {
            forward.append(("progress", progress.basisPoints.databaseValue))
        }
        guard !forward.isEmpty else { return false }
        return try writer.write(.article, key: [id], values: forward)
    }
}

extension ImportSummary {
    /// Counts a skipped record and lists the first ones; with `strict`, refuses the import. A
    /// record left out on purpose (``ImportProblem/isIgnored``) is only counted as ignored.
    mutating func skip(_ problem: ImportProblem, strict: Bool) throws(ReadingListError) {
        if problem.isIgnored {
            ignored += 1
            return
        }
        if strict {
            // "Line 7: …" reads as a sentence; a file name (part_000001.csv) keeps its case.
            let reason = problem.file == nil ? problem.description.prefix(1).uppercased() + problem.description.dropFirst() : problem.description
            throw ReadingListError(.invalidInput, "\(reason.hasSuffix(".") ? String(reason.dropLast()) : reason). Nothing was imported (--strict).")
        }
        skippedCount += 1
        if skipped.count < ReadingLibrary.listedImportProblems { skipped.append(problem) }
    }
}
