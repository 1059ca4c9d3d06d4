import Foundation
import GRDB
import ReadingListModel
@testable import ReadingListStorage
import Testing

@Suite struct SearchTests {
    func library() throws -> TemporaryLibrary {
        let temporary = try TemporaryLibrary()
        let library = temporary.library
        try library.save(ArticleDraft(
            source: .url("https://example.com/war"), title: "Ukraine and negotiations",
            content: "The only way this war ends ultimately is through negotiation, officials said."))
        try library.save(ArticleDraft(
            source: .url("https://example.com/sqlite"), title: "SQLite internals", byline: "Richard",
            content: "B-trees, pages and the write-ahead log. Negotiating locks between processes."))
        try library.save(ArticleDraft(
            source: .url("https://example.com/gardening"), title: "Tomatoes", siteName: "Garden Weekly",
            excerpt: "Growing tomatoes on a balcony.", content: "Water them daily."))
        return temporary
    }

    @Test func resultsAreRankedWithTitleMatchesFirstAndCarryASnippet() throws {
        let temporary = try library()
        let results = try temporary.library.search("negotiation")
        #expect(results.map(\.article.title) == ["Ukraine and negotiations", "SQLite internals"])
        #expect(results[0].snippet.contains("["))
        #expect(results[0].rank <= results[1].rank)
    }

    @Test func deletedBestMatchesAndTiesDoNotHideLiveOnes() throws {
        let temporary = try TemporaryLibrary()
        let library = temporary.library
        // Thirty best matches (the word in the title), all deleted; twelve weaker ones that
        // tie with each other; more than the first look at the index takes.
        for number in 0..<30 {
            let saved = try library.save(ArticleDraft(source: .url("https://example.com/best/\(number)"), title: "Kestrel \(number)"))
            try library.delete(saved.article.id.description)
        }
        var weaker: [String] = []
        for number in 0..<12 {
            let saved = try library.save(ArticleDraft(
                source: .url("https://example.com/weaker/\(number)"), title: "Birds", content: "A kestrel hovers."))
            weaker.append(saved.article.id.description)
        }
        let results = try library.search("kestrel", limit: 5)
        // Equal ranks are ordered by id, so the five are the five smallest ids.
        #expect(results.map(\.article.id.description) == Array(weaker.sorted().prefix(5)))
        #expect(try library.search("kestrel", limit: 50).count == 12)
    }

    @Test func everyWordMustMatchAndPhrasesPrefixesExclusionsAndORWork() throws {
        let library = try library().library
        #expect(try library.search("negotiation war").map(\.article.title) == ["Ukraine and negotiations"])
        #expect(try library.search("\"write-ahead log\"").map(\.article.title) == ["SQLite internals"])
        #expect(try library.search("tomat*").map(\.article.title) == ["Tomatoes"])
        #expect(try library.search("negotiation -ukraine").map(\.article.title) == ["SQLite internals"])
        #expect(Set(try library.search("tomatoes OR sqlite").map(\.article.title)) == ["Tomatoes", "SQLite internals"])
        #expect(try library.search("garden weekly").map(\.article.title) == ["Tomatoes"])
        #expect(try library.search("richard").map(\.article.title) == ["SQLite internals"])
    }

    @Test(arguments: [
        "\"", "\"unbalanced", "-", "*", "**", "AND", "OR", "NOT", "a AND", "(", ")", "((war", "war)",
        "NEAR(war negotiation)", "title:war", "^war", "war +peace", "-war", "' OR 1=1 --", "col:", "{title}:x",
        "\u{0}", "   ", "", "🙂", "war*\"", "\"\"", "-\"war\"", "x OR OR y", "AND OR NOT",
    ])
    func anyTextIsAValidQuery(_ text: String) throws {
        let temporary = try library()
        _ = try temporary.library.search(text)
    }

    @Test func operatorWordsAreSearchedAsWords() throws {
        let temporary = try TemporaryLibrary()
        try temporary.library.save(ArticleDraft(source: .url("https://example.com/x"), title: "Cats AND dogs"))
        #expect(try temporary.library.search("AND").count == 1)
        #expect(try temporary.library.search("(dogs)").count == 1)
    }

    @Test func deletedArticlesAreNotFound() throws {
        let temporary = try library()
        try temporary.library.delete("https://example.com/gardening")
        #expect(try temporary.library.search("tomatoes").isEmpty)
    }

    @Test func vacuumDoesNotBreakTheIndex() throws {
        let temporary = try library()
        try temporary.library.save(ArticleDraft(source: .url("https://example.com/late"), title: "Late negotiation"))
        try DatabaseQueue(path: temporary.path).writeWithoutTransaction { db in
            try db.execute(sql: "VACUUM")
            try db.execute(sql: "INSERT INTO article_search (article_search, rank) VALUES ('integrity-check', 1)")
        }
        let results = try temporary.library.search("negotiation")
        #expect(Set(results.map(\.article.title)) == ["Ukraine and negotiations", "SQLite internals", "Late negotiation"])
        #expect(results.allSatisfy { $0.snippet.contains("[") })
    }

    @Test func theLimitIsHonoured() throws {
        let temporary = try library()
        #expect(try temporary.library.search("negotiation", limit: 1).count == 1)
    }
}

/// New articles enter the search index together, when a write ends; rows written again in the
/// same write must be indexed first, so that the index stays whole.
@Suite struct SearchIndexBatchTests {
    @Test func articlesInsertedAndUpdatedInOneImportAreFoundByTheirLatestText() throws {
        let temporary = try TemporaryLibrary()
        let library = temporary.library
        func record(_ url: String, _ title: String, tags: [String], line: Int) -> Result<ImportedArticle, ImportProblem> {
            .success(ImportedArticle(draft: ArticleDraft(source: .url(url), title: title, tags: tags), line: line))
        }
        let summary = try library.importArticles([
            record("https://example.com/a", "Aardvark habits", tags: ["zoo"], line: 1),
            record("https://example.com/b", "Badger setts", tags: [], line: 2),
            // The same article again: new tags, which rewrite its search text in the same write.
            record("https://example.com/a", "Aardvark habits", tags: ["burrow"], line: 3),
            record("https://example.com/c", "Capybara pools", tags: ["zoo"], line: 4),
        ])
        #expect(summary.imported == 3 && summary.merged == 1)
        #expect(try library.search("aardvark").map(\.article.title) == ["Aardvark habits"])
        #expect(try library.search("burrow").map(\.article.title) == ["Aardvark habits"])
        #expect(try library.search("zoo").count == 2)
        #expect(try library.search("capybara").map(\.article.title) == ["Capybara pools"])
        try expectWholeSearchIndex(temporary.path)
    }
}

/// The search index holds exactly one entry per article row and is consistent.
func expectWholeSearchIndex(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try DatabaseQueue(path: path).read { db in
        let articles = try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0
        let indexed = try Int.fetchOne(db, sql: "SELECT count(*) FROM article_search_docsize") ?? 0
        #expect(indexed == articles, "\(indexed) of \(articles) articles are in the search index", sourceLocation: sourceLocation)
        let missing = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM article WHERE search_id NOT IN (SELECT id FROM article_search_docsize)") ?? 0
        #expect(missing == 0, "\(missing) articles are missing from the search index", sourceLocation: sourceLocation)
    }
    try DatabaseQueue(path: path).write { db in
        try db.execute(sql: "INSERT INTO article_search (article_search) VALUES ('integrity-check')")
    }
}
