import Foundation
import ReadingListModel
@testable import ReadingListStorage
import Testing

@Suite struct SaveTests {
    @Test func savingCreatesAnArticleWithIdentityFromTheCanonicalURL() throws {
        let temporary = try TemporaryLibrary()
        let result = try temporary.library.save(ArticleDraft(
            source: .url("HTTPS://Example.COM/posts/why-sync-is-hard/?utm_source=feed#comments"), tags: ["Swift"]))
        #expect(result.outcome == .created)
        #expect(result.article.canonicalURL == "https://example.com/posts/why-sync-is-hard")
        #expect(result.article.id == ArticleID(canonicalURL: try CanonicalURL(parsing: "https://example.com/posts/why-sync-is-hard")))
        #expect(result.article.url == "HTTPS://Example.COM/posts/why-sync-is-hard/?utm_source=feed#comments")
        #expect(result.article.title == "Why sync is hard")
        #expect(result.article.tags == ["Swift"])
        #expect(!result.article.isRead)
    }

    @Test func savingTheSamePageAgainMergesTagsAndKeepsTheEarliestAddTime() throws {
        let clock = ManualClock()
        let temporary = try TemporaryLibrary(now: { clock.now })
        let first = try temporary.library.save(ArticleDraft(source: .url("https://example.com/a"), title: "A", tags: ["one"]))
        clock.advance(seconds: 60)
        let second = try temporary.library.save(ArticleDraft(
            source: .url("https://example.com/a?fbclid=xyz"), tags: ["ONE", "two"]))
        #expect(second.outcome == .merged)
        #expect(second.article.id == first.article.id)
        #expect(second.addedTags == ["two"])
        #expect(second.article.tags == ["one", "two"])
        #expect(second.article.addedAt == first.article.addedAt)
        #expect(second.article.title == "A")

        let imported = try temporary.library.save(ArticleDraft(
            source: .url("https://example.com/a"), addedAt: Date(timeIntervalSince1970: 1_000_000)))
        #expect(imported.article.addedAt == Date(timeIntervalSince1970: 1_000_000))
        #expect(try temporary.library.articles(ArticleQuery(state: .all)).count == 1)
    }

    @Test func anExplicitTitleReplacesTheOldOne() throws {
        let temporary = try TemporaryLibrary()
        try temporary.library.save(ArticleDraft(source: .url("https://example.com/a")))
        let renamed = try temporary.library.save(ArticleDraft(source: .url("https://example.com/a"), title: "  Better   title "))
        #expect(renamed.article.title == "Better title")
    }

    @Test func anExtractedHeadlineNamesANewArticleButNeverReplacesATitle() throws {
        let temporary = try TemporaryLibrary()
        let bytes = Data("Page".utf8)
        let created = try temporary.library.save(ArticleDraft(source: .fileContents(bytes), headline: "Extracted  Headline"))
        #expect(created.article.title == "Extracted Headline")
        try temporary.library.save(ArticleDraft(source: .fileContents(bytes), title: "My own title"))
        let again = try temporary.library.save(ArticleDraft(source: .fileContents(bytes), headline: "Extracted Headline"))
        #expect(again.article.title == "My own title")
    }

    @Test func aHeadlineReplacesATitleDerivedFromTheURL() throws {
        let temporary = try TemporaryLibrary()
        let url = "https://example.com/news/us-ukraine-story-123"
        #expect(try temporary.library.save(ArticleDraft(source: .url(url))).article.title == "Us ukraine story 123")
        let upgraded = try temporary.library.save(ArticleDraft(source: .url(url), headline: "US and Ukraine", content: "Text."))
        #expect(upgraded.article.title == "US and Ukraine")
    }

    @Test func aTitleChosenBeforeTheTextArrivesIsKept() throws {
        let temporary = try TemporaryLibrary()
        let url = "https://example.com/news/chosen"
        try temporary.library.save(ArticleDraft(source: .url(url), title: "My own title"))
        let filled = try temporary.library.save(ArticleDraft(source: .url(url), headline: "The page's headline", content: "Text."))
        #expect(filled.article.title == "My own title")
        #expect(try temporary.library.article(url, includingContent: true).content == "Text.")
    }

    @Test func aRestoreWithNewTextTakesItsHeadline() throws {
        let temporary = try TemporaryLibrary()
        let url = "https://example.com/a"
        try temporary.library.save(ArticleDraft(source: .url(url), headline: "Old headline", content: "Old text."))
        try temporary.library.delete(url)
        let restored = try temporary.library.save(ArticleDraft(source: .url(url), headline: "New headline", content: "New text."))
        #expect(restored.outcome == .restored)
        #expect(restored.article.title == "New headline")
        #expect(try temporary.library.article(url, includingContent: true).content == "New text.")
    }

    @Test func credentialsAreNeverStored() throws {
        let temporary = try TemporaryLibrary()
        let saved = try temporary.library.save(ArticleDraft(source: .url("https://me:secret@example.com/private?x=1")))
        #expect(saved.article.url == "https://example.com/private?x=1")
        #expect(saved.article.canonicalURL == "https://example.com/private?x=1")
    }

    @Test func aFileSavedWithoutURLIsIdentifiedByItsBytes() throws {
        let temporary = try TemporaryLibrary()
        let bytes = Data("Headline\n\nSome text of the article.".utf8)
        let draft = ArticleDraft(source: .fileContents(bytes), title: "Headline", content: "Some text of the article.")
        let first = try temporary.library.save(draft)
        let second = try temporary.library.save(draft)
        #expect(first.outcome == .created)
        #expect(second.outcome == .merged)
        #expect(first.article.id == second.article.id)
        #expect(first.article.url == nil)
        #expect(first.article.wordCount == 5)
        #expect(try temporary.library.articles(ArticleQuery(state: .all)).count == 1)
    }

    @Test(arguments: ["ftp://example.com/file", "not a url", "", "javascript:alert(1)", "mailto:me@example.com"])
    func anInvalidURLIsRefusedAndNothingIsWritten(_ url: String) throws {
        let temporary = try TemporaryLibrary()
        #expect(throws: ReadingListError.self) {
            try temporary.library.save(ArticleDraft(source: .url(url), tags: ["x"]))
        }
        #expect(try temporary.library.status().articles == 0)
        #expect(try temporary.library.tags().isEmpty)
    }

    @Test func anEmptyTitleIsRefused() throws {
        let temporary = try TemporaryLibrary()
        let error = #expect(throws: ReadingListError.self) {
            try temporary.library.save(ArticleDraft(source: .url("https://example.com/a"), title: "   "))
        }
        #expect(error?.code == .invalidInput)
        #expect(try temporary.library.status().articles == 0)
    }

    @Test func deletingHidesAndSavingAgainBringsBackTagsAndHighlights() throws {
        let temporary = try TemporaryLibrary()
        let library = temporary.library
        let saved = try library.save(ArticleDraft(
            source: .url("https://example.com/a"), content: "The quick brown fox jumps.", tags: ["animals"]))
        try library.addHighlight(to: saved.article.id.description, quote: "brown fox")
        try library.delete("https://example.com/a")
        #expect(try library.articles(ArticleQuery(state: .all)).isEmpty)
        #expect(try library.tags().isEmpty)
        #expect(try library.highlights().isEmpty)
        #expect(throws: ReadingListError.self) { try library.article(saved.article.id.description) }

        let back = try library.save(ArticleDraft(source: .url("https://example.com/a")))
        #expect(back.outcome == .restored)
        #expect(back.article.tags == ["animals"])
        #expect(back.article.highlights.map(\.quote) == ["brown fox"])
    }

    @Test func stateFieldsAreIndependent() throws {
        let temporary = try TemporaryLibrary()
        let library = temporary.library
        try library.save(ArticleDraft(source: .url("https://example.com/a")))
        let url = "https://example.com/a"
        try library.setRead(url, true)
        try library.setFavorite(url, true)
        try library.setProgress(url, try ReadingProgress(parsingPercent: "62.5"))
        var article = try library.article(url)
        #expect(article.isRead && article.isFavorite && !article.isArchived)
        #expect(article.progress.basisPoints == 6250)
        let readAt = article.readAt
        try library.setRead(url, true)
        #expect(try library.article(url).readAt == readAt)
        try library.setArchived(url, true)
        try library.setRead(url, false)
        article = try library.article(url)
        #expect(!article.isRead && article.isArchived && article.isFavorite && article.progress.basisPoints == 6250)
    }

    @Test func listFiltersByStateAndTagsAndSorts() throws {
        let clock = ManualClock()
        let temporary = try TemporaryLibrary(now: { clock.now })
        let library = temporary.library
        for (index, name) in ["charlie", "alpha", "bravo"].enumerated() {
            clock.advance(seconds: 10)
            try library.save(ArticleDraft(
                source: .url("https://example.com/\(name)"), title: name.capitalized,
                content: String(repeating: "word ", count: (index + 1) * 10), tags: index == 0 ? ["x", "y"] : ["x"]))
        }
        try library.setRead("https://example.com/alpha", true)
        try library.setArchived("https://example.com/bravo", true)
        #expect(try library.articles().map(\.title) == ["Charlie"])
        #expect(try library.articles(ArticleQuery(state: .read)).map(\.title) == ["Alpha"])
        #expect(try library.articles(ArticleQuery(state: .archived)).map(\.title) == ["Bravo"])
        #expect(try library.articles(ArticleQuery(state: .all)).map(\.title) == ["Bravo", "Alpha", "Charlie"])
        #expect(try library.articles(ArticleQuery(state: .all, sort: .title)).map(\.title) == ["Alpha", "Bravo", "Charlie"])
        #expect(try library.articles(ArticleQuery(state: .all, sort: .length)).map(\.title) == ["Charlie", "Alpha", "Bravo"])
        #expect(try library.articles(ArticleQuery(state: .all, tags: ["X", "y"])).map(\.title) == ["Charlie"])
        #expect(try library.articles(ArticleQuery(state: .all, limit: 2)).count == 2)
    }

    @Test func referencesResolveByIdPrefixAndURL() throws {
        let temporary = try TemporaryLibrary()
        let library = temporary.library
        let saved = try library.save(ArticleDraft(source: .url("https://example.com/a"))).article
        #expect(try library.article(saved.id.description).id == saved.id)
        #expect(try library.article(String(saved.id.description.prefix(4))).id == saved.id)
        #expect(try library.article(saved.id.description.uppercased()).id == saved.id)
        #expect(try library.article("https://example.com/a?utm_medium=x").id == saved.id)
        let short = #expect(throws: ReadingListError.self) { try library.article(String(saved.id.description.prefix(3))) }
        #expect(short?.message.contains("too short") == true)
        let unknown = #expect(throws: ReadingListError.self) { try library.article("https://example.com/nope") }
        #expect(unknown?.code == .notFound)
    }

    @Test func anAmbiguousPrefixNamesTheCandidates() throws {
        let temporary = try TemporaryLibrary()
        let library = temporary.library
        var byPrefix: [String: ArticleID] = [:]
        var index = 0
        var pair: (ArticleID, ArticleID)?
        while pair == nil {
            let id = try library.save(ArticleDraft(source: .url("https://example.com/\(index)"))).article.id
            let prefix = String(id.description.prefix(4))
            if let other = byPrefix[prefix] { pair = (other, id) }
            byPrefix[prefix] = id
            index += 1
        }
        let prefix = String(pair!.0.description.prefix(4))
        let error = #expect(throws: ReadingListError.self) { try library.article(prefix) }
        #expect(error?.code == .ambiguous)
        #expect(error?.message.contains(String(pair!.1.description.prefix(8))) == true)
    }
}
