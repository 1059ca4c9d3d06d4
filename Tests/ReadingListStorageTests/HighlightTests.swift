import Foundation
import ReadingListModel
@testable import ReadingListStorage
import Testing

@Suite struct HighlightTests {
    static let text = """
        “That’s been our theory of the case throughout — the only way this war ends ultimately is through negotiation,” a spokesperson said.

        Second   paragraph with  odd spacing.
        """

    func libraryWithArticle() throws -> (TemporaryLibrary, String) {
        let temporary = try TemporaryLibrary()
        let id = try temporary.library.save(ArticleDraft(source: .url("https://example.com/a"), content: Self.text)).article.id
        return (temporary, id.description)
    }

    @Test func anExactQuoteIsAnchoredWithContextAndScalarOffsets() throws {
        let (temporary, id) = try libraryWithArticle()
        let highlight = try temporary.library.addHighlight(
            to: id, quote: "the only way this war ends ultimately is through negotiation", note: "key line", color: .green)
        #expect(highlight.quote == "the only way this war ends ultimately is through negotiation")
        #expect(highlight.start == 49)
        #expect(highlight.end == 49 + highlight.quote.unicodeScalars.count)
        #expect(highlight.prefix.hasSuffix("throughout — "))
        #expect(highlight.suffix.hasPrefix(",” a spokesperson"))
        #expect(highlight.note == "key line")
        #expect(highlight.color == .green)
        #expect(!highlight.isOrphaned)
    }

    @Test func aQuoteDifferingInCaseSpacingAndQuotesIsFoundAndStoredAsInTheText() throws {
        let (temporary, id) = try libraryWithArticle()
        let highlight = try temporary.library.addHighlight(to: id, quote: "SECOND paragraph with odd spacing")
        #expect(highlight.quote == "Second   paragraph with  odd spacing")
        let curly = try temporary.library.addHighlight(to: id, quote: "\"That's been our theory")
        #expect(curly.quote == "“That’s been our theory")
        #expect(curly.start == 0)
    }

    @Test func aQuoteNotInTheArticleIsRefusedAndNothingIsWritten() throws {
        let (temporary, id) = try libraryWithArticle()
        let error = #expect(throws: ReadingListError.self) {
            try temporary.library.addHighlight(to: id, quote: "peace is at hand")
        }
        #expect(error?.code == .quoteNotFound)
        #expect(error?.message.contains("peace is at hand") == true)
        #expect(try temporary.library.highlights().isEmpty)
    }

    @Test func anArticleWithoutTextCannotBeHighlighted() throws {
        let temporary = try TemporaryLibrary()
        try temporary.library.save(ArticleDraft(source: .url("https://example.com/empty")))
        let error = #expect(throws: ReadingListError.self) {
            try temporary.library.addHighlight(to: "https://example.com/empty", quote: "anything")
        }
        #expect(error?.code == .quoteNotFound)
    }

    @Test func replacedContentOrphansHighlightsWithoutDroppingThem() throws {
        let (temporary, id) = try libraryWithArticle()
        let library = temporary.library
        let kept = try library.addHighlight(to: id, quote: "odd spacing")
        let lost = try library.addHighlight(to: id, quote: "theory of the case")
        try library.replaceContent(of: id, with: "A new version. It still has odd spacing here.")
        let highlights = try library.highlights(of: id)
        #expect(highlights.count == 2)
        #expect(highlights.first { $0.id == kept.id }?.isOrphaned == false)
        #expect(highlights.first { $0.id == lost.id }?.isOrphaned == true)
        #expect(try library.article(id).highlights.count == 2)
    }

    @Test func notesCanBeSetClearedAndHighlightsDeleted() throws {
        let (temporary, id) = try libraryWithArticle()
        let library = temporary.library
        let highlight = try library.addHighlight(to: id, quote: "odd spacing")
        let prefix = String(highlight.id.description.prefix(6))
        #expect(try library.setHighlightNote(prefix, "worth quoting").note == "worth quoting")
        #expect(try library.setHighlightNote(prefix, "  ").note == nil)
        #expect(try library.setHighlightColor(prefix, .purple).color == .purple)
        let deleted = try library.deleteHighlight(prefix)
        #expect(deleted.id == highlight.id)
        #expect(try library.highlights().isEmpty)
        #expect(throws: ReadingListError.self) { try library.deleteHighlight(prefix) }
    }
}
