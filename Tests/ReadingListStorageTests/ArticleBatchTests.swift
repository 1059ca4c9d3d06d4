import Foundation
import GRDB
import ReadingListModel
@testable import ReadingListStorage
import Testing

/// `forEachArticle`: every article once, in the order asked, a batch at a time, from one snapshot.
@Suite struct ArticleBatchTests {
    /// A library of 13 articles: runs of equal save times, times at and before 1970 and one
    /// missing, one saved from a file, tags, highlights, read, archived and favourite states,
    /// unicode.
    static func library() throws -> TemporaryLibrary {
        let temporary = try TemporaryLibrary(now: { Date(timeIntervalSince1970: 1_780_000_000) })
        let library = temporary.library
        let times: [Double?] = [1_700_000_000, 1_700_000_000, 1_700_000_000, 1_600_000_000, 1_800_000_000, nil, 0, -5_000, 1_600_000_000, 1_700_000_000.25]
        for (index, time) in times.enumerated() {
            try library.save(ArticleDraft(
                source: .url("https://example.com/\(index)"), title: "Article \(index) — café 日本語",
                content: "Text of \(index).\n\nSecond \"paragraph\".", tags: index % 3 == 0 ? ["Swift", "é"] : ["other"],
                addedAt: time.map { Date(timeIntervalSince1970: $0) }))
        }
        try library.save(ArticleDraft(source: .fileContents(Data("a file".utf8)), headline: "From a file", tags: ["Swift"], addedAt: Date(timeIntervalSince1970: 1_700_000_000)))
        try library.save(ArticleDraft(source: .url("https://example.com/gone"), title: "Deleted"))
        try library.delete("https://example.com/gone")
        try library.save(ArticleDraft(source: .url("https://example.com/late"), title: "Late"))
        try library.addHighlight(to: "https://example.com/1", quote: "Second", note: "a note", color: .yellow)
        try library.addHighlight(to: "https://example.com/1", quote: "Text")
        try library.setRead("https://example.com/2", true)
        try library.setArchived("https://example.com/3", true)
        try library.setFavorite("https://example.com/4", true)
        // A save time the library never writes itself, but a peer's change could leave.
        try library.pool.write { db in
            try db.execute(sql: "UPDATE article SET added_at = NULL WHERE url = ?", arguments: ["https://example.com/5"])
        }
        return temporary
    }

    /// The articles as a single query reads them, with relations: what an export held before
    /// it streamed.
    static func everyArticle(_ library: ReadingLibrary, tagged tag: String? = nil) throws -> [Article] {
        var articles = try library.pool.read { db in
            try ArticleRows.fetch(db, where: "article.alive = 1", orderBy: "article.id", includingContent: true)
        }
        if let tag { articles = articles.filter { $0.tags.contains(tag) } }
        return articles
    }

    static func batches(
        _ library: ReadingLibrary, tagged tags: [String] = [], order: ArticleOrder, batchSize: Int
    ) throws -> [[Article]] {
        var batches: [[Article]] = []
        try library.forEachArticle(tagged: tags, order: order, batchSize: batchSize) { batches.append($0) }
        return batches
    }

    @Test(arguments: [1, 2, 3, 256])
    func byIdEveryArticleComesOnceWithItsRelations(batchSize: Int) throws {
        let temporary = try Self.library()
        let batches = try Self.batches(temporary.library, order: .id, batchSize: batchSize)
        let expected = try Self.everyArticle(temporary.library)
        #expect(expected.count == 12)
        #expect(batches.allSatisfy { !$0.isEmpty && $0.count <= batchSize })
        #expect(batches.count == (expected.count + batchSize - 1) / batchSize)
        #expect(batches.flatMap { $0 } == expected)
        #expect(try temporary.library.exportArticles() == expected)
        #expect(expected.contains { $0.highlights.count == 2 } && expected.contains { $0.content?.contains("\"paragraph\"") == true })
    }

    @Test(arguments: [1, 2, 3, 256])
    func newestFirstSortsEqualTimesByIdAndMissingTimesAs1970(batchSize: Int) throws {
        let temporary = try Self.library()
        let articles = try Self.batches(temporary.library, order: .newestFirst, batchSize: batchSize).flatMap { $0 }
        let expected = try Self.everyArticle(temporary.library).sorted {
            $0.addedAt != $1.addedAt ? $0.addedAt > $1.addedAt : $0.id < $1.id
        }
        #expect(articles == expected)
        // The run of four equal times, and 1970 (0 and the missing time) before -5 000 s.
        let equal = articles.filter { $0.addedAt == Date(timeIntervalSince1970: 1_700_000_000) }
        #expect(equal.count == 4 && equal.map(\.id) == equal.map(\.id).sorted())
        #expect(articles.suffix(3).map(\.addedAt.timeIntervalSince1970) == [0, 0, -5_000])
    }

    @Test(arguments: ArticleOrder.allCases)
    func tagsSelectTheSameArticlesInBatches(order: ArticleOrder) throws {
        let temporary = try Self.library()
        let tagged = try Self.batches(temporary.library, tagged: ["SWIFT", "é"], order: order, batchSize: 2).flatMap { $0 }
        let expected = try Self.everyArticle(temporary.library).filter { $0.tags.contains("Swift") && $0.tags.contains("é") }
        #expect(tagged.count == 4)
        #expect(Set(tagged) == Set(expected))
        #expect(try temporary.library.exportArticles(tagged: ["swift", "é"]) == expected)
        #expect(throws: ReadingListError.self) { try temporary.library.forEachArticle(tagged: [" "]) { _ in Issue.record("no batch") } }
    }

    @Test func theReadIsOneSnapshotWhateverIsWrittenMeanwhile() throws {
        let temporary = try Self.library()
        let before = try Self.everyArticle(temporary.library)
        let other = try ReadingLibrary(path: temporary.path)
        var seen: [Article] = []
        try temporary.library.forEachArticle(order: .id, batchSize: 2) { batch throws(ReadingListError) in
            if seen.isEmpty {
                try other.save(ArticleDraft(source: .url("https://example.com/meanwhile"), title: "Meanwhile"))
                try other.delete(before.last!.id.description)
                try other.setFavorite(before[5].id.description, true)
            }
            seen += batch
        }
        #expect(seen == before)
        #expect(try temporary.library.exportArticles().count == before.count)
        #expect(try temporary.library.exportArticles() != before)
    }

    @Test func anErrorFromTheBodyEndsTheRead() throws {
        let temporary = try Self.library()
        var calls = 0
        let failure = ReadingListError(.invalidInput, "stop")
        #expect(throws: failure) {
            try temporary.library.forEachArticle(order: .newestFirst, batchSize: 2) { _ throws(ReadingListError) in
                calls += 1
                throw failure
            }
        }
        #expect(calls == 1)
    }

    /// The statements never sort the whole table: by id they walk the primary key, newest
    /// first `article_by_added` backwards, sorting only runs of equal times (and, in the second
    /// statement, the few articles saved before 1970 or without a time).
    @Test(arguments: ArticleOrder.allCases, [[], ["x"], ["x", "y"]])
    func queryPlansWalkAnIndexInsteadOfSortingEveryArticle(order: ArticleOrder, tags: [String]) throws {
        let temporary = try Self.library()
        let tagged = try ReadingLibrary.taggedConditions(tags)
        let statements = ArticleRows.wholeLibrary(order: order, where: tagged.conditions)
        let plans = try temporary.library.pool.read { db in
            try statements.map { sql in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: StatementArguments(tagged.arguments))
                    .map { $0["detail"] as String }
            }
        }
        let main = plans[0]
        #expect(!main.contains("USE TEMP B-TREE FOR ORDER BY"), "\(main)")
        switch order {
        case .id:
            #expect(main.contains { $0.hasPrefix("SCAN article USING INDEX sqlite_autoindex_article_1") }, "\(main)")
        case .newestFirst:
            #expect(main.contains { $0.hasPrefix("SEARCH article USING INDEX article_by_added (alive=? AND added_at>?)") }, "\(main)")
            #expect(main.contains("USE TEMP B-TREE FOR RIGHT PART OF ORDER BY"), "\(main)")
            #expect(plans[1].contains { $0.hasPrefix("SEARCH article USING INDEX article_by_added") }, "\(plans[1])")
        }
    }
}
