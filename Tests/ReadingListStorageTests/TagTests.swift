import Foundation
import ReadingListModel
@testable import ReadingListStorage
import Testing

@Suite struct TagTests {
    @Test func tagsIgnoreCaseAndSpacingAndKeepTheFirstSpelling() throws {
        let temporary = try TemporaryLibrary()
        let library = temporary.library
        try library.save(ArticleDraft(source: .url("https://example.com/a"), tags: ["Machine  Learning"]))
        try library.save(ArticleDraft(source: .url("https://example.com/b"), tags: [" machine learning "]))
        let tags = try library.tags()
        #expect(tags.map(\.name) == ["Machine Learning"])
        #expect(tags.map(\.count) == [2])
    }

    /// A tag named twice in one save (in any spelling) is one tag, whether the article names
    /// a few tags or many.
    @Test(arguments: [3, 20])
    func aTagNamedTwiceInOneSaveIsOneTag(distinct: Int) throws {
        let temporary = try TemporaryLibrary()
        let library = temporary.library
        let names = (0..<distinct).map { "Topic \($0)" }
        let spelledTwice = names + names.map { $0.uppercased() } + [" topic  0 "]
        let saved = try library.save(ArticleDraft(source: .url("https://example.com/a"), content: "Text.", tags: spelledTwice)).article
        #expect(saved.tags.count == distinct)
        #expect(Set(saved.tags) == Set(names))
        #expect(try library.tags().map(\.count) == Array(repeating: 1, count: distinct))
        #expect(try library.search("topic").count == 1)
    }

    @Test func addingAndRemovingTagsReportsWhatChanged() throws {
        let temporary = try TemporaryLibrary()
        let library = temporary.library
        try library.save(ArticleDraft(source: .url("https://example.com/a"), tags: ["one"]))
        let added = try library.addTags(["ONE", "two", "three"], to: "https://example.com/a")
        #expect(added.added == ["two", "three"])
        #expect(added.article.tags == ["one", "three", "two"])
        let removed = try library.removeTags(["Two", "missing"], from: "https://example.com/a")
        #expect(removed.removed == ["two"])
        #expect(removed.article.tags == ["one", "three"])
        #expect(throws: ReadingListError.self) { try library.addTags(["  "], to: "https://example.com/a") }
    }

    @Test func renamingOntoAnExistingTagMerges() throws {
        let temporary = try TemporaryLibrary()
        let library = temporary.library
        try library.save(ArticleDraft(source: .url("https://example.com/a"), tags: ["ml"]))
        try library.save(ArticleDraft(source: .url("https://example.com/b"), tags: ["ML", "Machine Learning"]))
        try library.save(ArticleDraft(source: .url("https://example.com/c"), tags: ["machine learning"]))
        let count = try library.renameTag("ml", to: "machine LEARNING")
        #expect(count == 2)
        let tags = try library.tags()
        #expect(tags.map(\.name) == ["Machine Learning"])
        #expect(tags.map(\.count) == [3])
        #expect(try library.article("https://example.com/b").tags == ["Machine Learning"])
    }

    @Test func renamingToADifferentCaseChangesTheSpelling() throws {
        let temporary = try TemporaryLibrary()
        let library = temporary.library
        try library.save(ArticleDraft(source: .url("https://example.com/a"), tags: ["swift"]))
        try library.renameTag("SWIFT", to: "Swift")
        #expect(try library.tags().map(\.name) == ["Swift"])
        #expect(try library.search("Swift").count == 1)
    }

    @Test func renamingReachesTagsOfDeletedArticles() throws {
        let temporary = try TemporaryLibrary()
        let library = temporary.library
        try library.save(ArticleDraft(source: .url("https://example.com/a"), tags: ["ml"]))
        try library.save(ArticleDraft(source: .url("https://example.com/b"), tags: ["ml"]))
        try library.delete("https://example.com/b")
        #expect(try library.renameTag("ml", to: "machine learning") == 1)
        try library.save(ArticleDraft(source: .url("https://example.com/b")))
        #expect(try library.article("https://example.com/b").tags == ["machine learning"])
        #expect(try library.tags().map(\.name) == ["machine learning"])
    }

    @Test func anEmptyTagFilterIsRefused() throws {
        let temporary = try TemporaryLibrary()
        let error = #expect(throws: ReadingListError.self) { try temporary.library.articles(ArticleQuery(tags: ["  "])) }
        #expect(error?.code == .invalidInput)
    }

    @Test func renamingAnUnknownTagFails() throws {
        let temporary = try TemporaryLibrary()
        let error = #expect(throws: ReadingListError.self) { try temporary.library.renameTag("nope", to: "other") }
        #expect(error?.code == .notFound)
    }

    @Test func tagsAreSearchable() throws {
        let temporary = try TemporaryLibrary()
        let library = temporary.library
        try library.save(ArticleDraft(source: .url("https://example.com/a"), title: "Plain", tags: ["zeitgeist"]))
        #expect(try library.search("zeitgeist").map(\.article.title) == ["Plain"])
        try library.removeTags(["zeitgeist"], from: "https://example.com/a")
        #expect(try library.search("zeitgeist").isEmpty)
    }
}
