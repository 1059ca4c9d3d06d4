import Foundation
import GRDB
public import ReadingListModel

extension ReadingLibrary {
    /// Highlights a quote of an article's text. The quote is found exactly first, then ignoring
    /// differences of case, whitespace, typographic quotes and dashes (SPEC.md §4.1); the stored
    /// quote is the text as it stands in the article.
    ///
    /// - Throws: ``ReadingListError`` `quoteNotFound` when the article's text does not contain it.
    @discardableResult
    public func addHighlight(
        to reference: String, quote: String, note: String? = nil, color: HighlightColor? = nil
    ) throws(ReadingListError) -> Highlight {
        let wanted = quote.trimmingWhitespace()
        guard !wanted.isEmpty else {
            throw ReadingListError(.invalidInput, "The quote is empty. Give the words to highlight, in quotes.")
        }
        let createdAt = now()
        let highlightID = HighlightID.random()
        try change { writer in
            let db = writer.db
            let id = try References.article(reference, in: db)
            let content = try String.fetchOne(db, sql: "SELECT content FROM article WHERE id = ?", arguments: [id.description])
            guard let content, !content.isEmpty else {
                throw ReadingListError(
                    .quoteNotFound,
                    "Article \(id.short) has no text to highlight. Save it from a page or file (readlist add <url> --file page.html) first.")
            }
            guard let anchor = QuoteAnchor.locate(wanted, in: content) else {
                let shown = wanted.count > 60 ? wanted.prefix(57) + "…" : Substring(wanted)
                throw ReadingListError(
                    .quoteNotFound,
                    "The quote \"\(shown)\" is not in article \(id.short). Copy the words exactly from 'readlist show \(id.short) --content'.")
            }
            try writer.write(
                .highlight, key: [highlightID.description],
                values: [
                    ("alive", true.databaseValue), ("article_id", id.description.databaseValue),
                    ("quote", anchor.quote.databaseValue), ("prefix", anchor.prefix.databaseValue),
                    ("suffix", anchor.suffix.databaseValue), ("start_offset", anchor.start.databaseValue),
                    ("end_offset", anchor.end.databaseValue), ("note", Self.cleanNote(note).databaseValue),
                    ("color", color?.rawValue.databaseValue ?? .null),
                    ("created_at", ArticleRows.milliseconds(createdAt).databaseValue),
                ])
        }
        return try highlight(highlightID)
    }

    /// Highlights of one article, or of every article when `reference` is `nil`.
    public func highlights(of reference: String? = nil) throws(ReadingListError) -> [Highlight] {
        try read { db in
            guard let reference else { return try HighlightRows.fetch(db, where: "1") }
            let id = try References.article(reference, in: db)
            return try HighlightRows.fetch(db, where: "highlight.article_id = ?", arguments: [id.description])
        }
    }

    /// Sets (or, with `nil` or empty text, clears) a highlight's note.
    @discardableResult
    public func setHighlightNote(_ reference: String, _ note: String?) throws(ReadingListError) -> Highlight {
        try updateHighlight(reference) { [("note", Self.cleanNote(note).databaseValue)] }
    }

    /// Sets a highlight's colour.
    @discardableResult
    public func setHighlightColor(_ reference: String, _ color: HighlightColor) throws(ReadingListError) -> Highlight {
        try updateHighlight(reference) { [("color", color.rawValue.databaseValue)] }
    }

    /// Deletes a highlight.
    /// - Returns: the highlight as it was.
    @discardableResult
    public func deleteHighlight(_ reference: String) throws(ReadingListError) -> Highlight {
        let before: Highlight = try read { db in
            let id = try References.highlight(reference, in: db)
            guard let highlight = try HighlightRows.fetch(db, where: "highlight.id = ?", arguments: [id.description]).first
            else { throw ReadingListError(.notFound, "No highlight has id \(id).") }
            return highlight
        }
        try change { writer in
            _ = try References.highlight(before.id.description, in: writer.db)
            try writer.write(.highlight, key: [before.id.description], values: [("alive", false.databaseValue)])
        }
        return before
    }

    private func updateHighlight(
        _ reference: String, _ values: () -> [(column: String, value: DatabaseValue)]
    ) throws(ReadingListError) -> Highlight {
        let id: HighlightID = try change { writer in
            let id = try References.highlight(reference, in: writer.db)
            try writer.write(.highlight, key: [id.description], values: values())
            return id
        }
        return try highlight(id)
    }

    private func highlight(_ id: HighlightID) throws(ReadingListError) -> Highlight {
        try read { db in
            guard let highlight = try HighlightRows.fetch(db, where: "highlight.id = ?", arguments: [id.description]).first
            else { throw ReadingListError(.notFound, "No highlight has id \(id).") }
            return highlight
        }
    }

    private static func cleanNote(_ note: String?) -> String? {
        guard let note = note?.trimmingWhitespace(), !note.isEmpty else { return nil }
        return note
    }
}
