import Foundation
import ReadingListModel
import Testing
@testable import ReadingListImport

/// Pocket's legacy `ril_export.html` read by ``PocketHTML``.
@Suite struct PocketHTMLTests {
    @Test func sectionsDecideReadStateAndTagsAndTimesAreRead() throws {
        let result = ReadResult(try PocketHTML.records(at: Fixtures.path("pocket-legacy.html")))
        #expect(result.articles.count == 6)
        let unread = try #require(result.article("https://example.com/pocket/unread"))
        #expect(!unread.isRead && !unread.isArchived)
        #expect(unread.draft.tags == ["ifttt", "new_entry_simple"])
        #expect(unread.draft.headline == "An unread article")
        #expect(unread.draft.addedAt == Date(timeIntervalSince1970: 1_688_628_695))
        #expect(unread.line == 11)
        #expect(result.article("https://example.com/pocket/no-title")?.draft.headline == nil)
        let accents = try #require(result.article("https://example.com/pocket/accents"))
        #expect(accents.draft.headline == "Crème brûlée & other desserts")
        #expect(accents.draft.tags == ["café", "naïve"])
        for url in ["https://example.com/pocket/archived", "https://example.com/pocket/archived-two"] {
            let archived = try #require(result.article(url))
            #expect(archived.isRead && archived.isArchived)
        }
        #expect(result.problems.isEmpty)
        let badTime = try #require(result.article("https://example.com/pocket/bad-time"), "an unreadable time_added does not skip the link")
        #expect(badTime.draft.addedAt == nil && badTime.draft.headline == "A bad time" && badTime.line == 13)
    }

    @Test func anExportWithoutLinksIsRefused() throws {
        #expect(throws: ImportProblem(line: 0, reason: "the file holds no saved links (no <a href=…> items)")) {
            try PocketHTML.records(at: Fixtures.path("pocket-empty.html"))
        }
    }
}
