import Foundation
import ReadingListModel
@testable import ReadingListStorage
import Testing

/// Highlights read from other services' exports: anchored when the text holds them, kept as
/// orphans otherwise, and never doubled by a second import.
@Suite struct ImportedHighlightTests {
    static let text = "The first paragraph says little.\n\nThe map is not the territory, and the menu is not the meal."

    static func record(_ highlights: [ImportedHighlight], content: String? = text, line: Int = 2) -> Result<ImportedArticle, ImportProblem> {
        .success(ImportedArticle(
            draft: ArticleDraft(source: .url("https://example.com/essay"), headline: "Essay", content: content),
            highlights: highlights, line: line))
    }

    @Test func aQuoteInTheTextIsAnchoredAndOneNotInItIsKeptOrphaned() throws {
        let temporary = try TemporaryLibrary()
        let made = Date(timeIntervalSince1970: 1_700_000_000)
        let summary = try temporary.library.importArticles([
            Self.record([
                ImportedHighlight(quote: "  the map is NOT the territory ", note: " key line\n", color: .blue, createdAt: made),
                ImportedHighlight(quote: "A sentence the text does not have", note: nil),
                ImportedHighlight(quote: "   "),
            ]),
        ])
        #expect(summary.imported == 1)
        #expect(summary.highlights == 2)
        let highlights = try temporary.library.highlights()
        let anchored = try #require(highlights.first { !$0.isOrphaned })
        #expect(anchored.quote == "The map is not the territory")
        #expect(anchored.start == 34)
        #expect(anchored.prefix.hasSuffix("little.\n\n"))
        #expect(anchored.note == "key line")
        #expect(anchored.color == .blue)
        #expect(anchored.createdAt == made)
        let article = try #require(highlights.first?.articleID)
        #expect(anchored.id.uuid == Identity.importedHighlightID(article: article.uuid, quote: "the map is NOT the territory"))
        let orphan = try #require(highlights.first { $0.isOrphaned })
        #expect(orphan.quote == "A sentence the text does not have")
    }

    @Test func importingAgainAddsNothingAndADeletedHighlightStaysDeleted() throws {
        let temporary = try TemporaryLibrary()
        let records = [Self.record([ImportedHighlight(quote: "the menu is not the meal"), ImportedHighlight(quote: "not in the text")])]
        #expect(try temporary.library.importArticles(records).highlights == 2)
        let again = try temporary.library.importArticles(records)
        #expect(again.highlights == 0)
        #expect(again.unchanged == 1)
        let orphan = try #require(try temporary.library.highlights().first { $0.isOrphaned })
        try temporary.library.deleteHighlight(orphan.id.description)
        let third = try temporary.library.importArticles(records)
        #expect(third.highlights == 0)
        #expect(try temporary.library.highlights().count == 1)
    }

    @Test func aQuoteHighlightedByHandIsNotAddedTwice() throws {
        let temporary = try TemporaryLibrary()
        let id = try temporary.library.save(ArticleDraft(source: .url("https://example.com/essay"), content: Self.text)).article.id
        try temporary.library.addHighlight(to: id.description, quote: "The first paragraph says little.")
        let summary = try temporary.library.importArticles([
            Self.record([ImportedHighlight(quote: "The first paragraph says little."), ImportedHighlight(quote: "the menu is not the meal")]),
        ])
        #expect(summary.merged == 1)
        #expect(summary.highlights == 1)
        #expect(try temporary.library.highlights(of: id.description).count == 2)
    }

    @Test func aDryRunCountsHighlightsAndWritesNone() throws {
        let temporary = try TemporaryLibrary()
        let summary = try temporary.library.importArticles([Self.record([ImportedHighlight(quote: "the menu is not the meal")])], dryRun: true)
        #expect(summary.highlights == 1)
        #expect(try temporary.library.highlights().isEmpty)
    }
}

/// Imported highlights that could not be anchored, and tags an export leaves blank.
@Suite struct UnanchoredImportTests {
    @Test func anUnanchoredHighlightStaysOrphanedWhenTextArrivesLater() throws {
        let temporary = try TemporaryLibrary()
        _ = try temporary.library.importArticles([
            ImportedHighlightTests.record([ImportedHighlight(quote: "the menu is not the meal")], content: nil),
        ])
        #expect(try temporary.library.highlights().map(\.isOrphaned) == [true])
        try temporary.library.save(ArticleDraft(source: .url("https://example.com/essay"), content: ImportedHighlightTests.text))
        let highlight = try #require(try temporary.library.highlights().first)
        #expect(highlight.isOrphaned, "offsets 0..0 would claim the quote starts the text")
        #expect((highlight.start, highlight.end) == (0, 0))
    }

    @Test func aBlankTagInAnExportIsDroppedAndTheArticleKept() throws {
        let temporary = try TemporaryLibrary()
        let summary = try temporary.library.importArticles([
            .success(ImportedArticle(
                draft: ArticleDraft(source: .url("https://example.com/tagged"), tags: ["", "  ", "essays"]), line: 2)),
        ])
        #expect(summary.imported == 1)
        #expect(summary.skippedCount == 0)
        #expect(try temporary.library.articles().first?.tags == ["essays"])
    }
}
