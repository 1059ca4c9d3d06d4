import GRDB
import ReadingListModel
@testable import ReadingListStorage
import Testing

/// `readlist_bm25` ranks as FTS5's `bm25()` does, and skips only rows that cannot be among the
/// best it was asked to keep.
@Suite struct BestMatchesBM25Tests {
    static let weights = "10.0, 2.0, 2.0, 3.0, 1.0, 5.0"

    /// 240 articles where "kestrel" and "hawk" appear in titles, excerpts and bodies of many
    /// lengths, a few times or many, so that scores spread and many rows tie.
    func library() throws -> TemporaryLibrary {
        let temporary = try TemporaryLibrary()
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let filler = ["river", "stone", "morning", "field", "wind", "over", "the", "small", "village", "light"]
        var records: [Result<ImportedArticle, ImportProblem>] = []
        for number in 0..<240 {
            var body: [String] = []
            for _ in 0..<(5 + next(400)) {
                let roll = next(100)
                body.append(roll < 2 ? "kestrel" : roll < 4 ? "hawk" : filler[next(filler.count)])
            }
            let title = next(10) == 0 ? "The kestrel \(number)" : next(10) == 0 ? "Hawk and kestrel \(number)" : "Notes \(number)"
            let excerpt = next(4) == 0 ? "A kestrel hovers over the field" : "Birds of the morning"
            let draft = ArticleDraft(
                source: .url("https://example.com/birds/\(number)"), title: title, excerpt: excerpt,
                content: body.joined(separator: " "))
            records.append(.success(ImportedArticle(draft: draft, line: number + 1)))
        }
        _ = try temporary.library.importArticles(records)
        return temporary
    }

    func ranks(_ db: Database, _ function: String, _ query: String, limit: Int) throws -> [(rowid: Int64, rank: Double)] {
        try Row.fetchAll(
            db,
            sql: "SELECT rowid, \(function) AS rank FROM article_search WHERE article_search MATCH ? ORDER BY rank, rowid LIMIT ?",
            arguments: [query, limit]
        ).map { ($0[0], $0[1]) }
    }

    @Test(arguments: ["kestrel", "hawk", "kestrel hawk", "kestrel OR hawk", "\"the kestrel\"", "kestrel NOT hawk", "kest*"])
    func keepsTheSameBestRowsWithTheSameRanksAsBM25(_ query: String) throws {
        let temporary = try library()
        try temporary.library.read { db in
            let all = try ranks(db, "bm25(article_search, \(Self.weights))", query, limit: 1_000)
            #expect(all.count > 12, "the query matches more rows than the most it keeps")
            let exact = Dictionary(uniqueKeysWithValues: all.map { ($0.rowid, $0.rank) })

            // Kept wide enough for every row: every rank is bm25's, to the bit.
            let everyRow = try ranks(db, "\(BestMatchesBM25.name)(article_search, 1000, \(Self.weights))", query, limit: 1_000)
            #expect(everyRow.map(\.rowid) == all.map(\.rowid))
            #expect(everyRow.map(\.rank) == all.map(\.rank))

            for keep in [1, 5, 12] {
                let kept = try ranks(db, "\(BestMatchesBM25.name)(article_search, \(keep), \(Self.weights))", query, limit: 1_000)
                #expect(kept.count == all.count, "every match is still a row")
                // The best `keep` are bm25's best `keep`: same ranks in the same order (rows
                // that tie may differ only at the last rank).
                #expect(kept.prefix(keep).map(\.rank) == all.prefix(keep).map(\.rank))
                for row in kept.prefix(keep) { #expect(row.rank == exact[row.rowid]) }
                // Every other row is bm25's rank, or skipped (infinity) as unable to be kept.
                let skipped = kept.filter { $0.rank == .infinity }
                for row in kept where row.rank != .infinity { #expect(row.rank == exact[row.rowid]) }
                for row in skipped { #expect(exact[row.rowid]! >= all[keep - 1].rank) }
                if query == "kestrel" {
                    #expect(skipped.count > all.count / 2, "most rows need no length lookup (\(skipped.count) of \(all.count) skipped)")
                }
            }
        }
    }
}
