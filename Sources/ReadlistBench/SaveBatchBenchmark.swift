import Foundation
import ReadingList

/// Saving N articles through the library in one batch (`importArticles`), against the
/// baseline inserting the same rows.
enum SaveBatchBenchmark {
    static func run(_ synthetic: SyntheticLibrary, bodies: Bool, runs: Int, scratch: ScratchFolder) throws -> Figure {
        let records = synthetic.articles.enumerated().map { index, article in
            Result<ImportedArticle, ImportProblem>.success(ImportedArticle(
                draft: ArticleDraft(
                    source: .url(article.url), title: article.title, excerpt: article.excerpt,
                    content: bodies ? article.body : nil, tags: article.tags,
                    addedAt: Date(timeIntervalSince1970: TimeInterval(article.addedAt))),
                isRead: article.isRead, isArchived: article.isRead, line: index + 1))
        }
        let rows = try PlainSQLiteBaseline.rows(synthetic.articles, excerpts: true, bodies: bodies)
        var samples: [Double] = []
        var baseline: [Double] = []
        for _ in 0..<runs {
            let library = try ReadingLibrary(path: scratch.freshPath("save.sqlite"))
            var summary = ImportSummary()
            samples.append(try Stopwatch.seconds { summary = try library.importArticles(records) })
            guard summary.imported == records.count else {
                throw BenchError("The library saved \(summary.imported) of \(records.count) articles.")
            }
            let plain = try PlainSQLiteBaseline.create(path: scratch.freshPath("save-baseline.sqlite"))
            baseline.append(try Stopwatch.seconds { try PlainSQLiteBaseline.insert(rows, into: plain) })
        }
        _ = scratch.freshPath("save.sqlite")
        _ = scratch.freshPath("save-baseline.sqlite")
        return Figure(
            name: bodies ? "save in one batch (600-word bodies)" : "save in one batch", articles: synthetic.articles.count,
            unit: "s", samples: samples, baselineSamples: baseline, target: .ratioAtMost(1.5))
    }
}
