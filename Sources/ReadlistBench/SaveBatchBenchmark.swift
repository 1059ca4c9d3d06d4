import Foundation
import ReadingList

/// Saving N articles through the library in one batch (`importArticles`), against the
/// baseline inserting the same rows. The last run's library becomes the prepared library of
/// its size, which later scenarios read, and the baseline's timings theirs.
enum SaveBatchBenchmark {
    static func run(_ synthetic: SyntheticLibrary, bodies: Bool, context: BenchContext) throws -> Figure {
        let records = synthetic.importRecords(bodies: bodies)
        let rows = try PlainSQLiteBaseline.rows(synthetic.articles, excerpts: true, bodies: bodies)
        let scratch = context.scratch
        var samples: [Double] = []
        var baseline: [Double] = []
        for _ in 0..<context.runs {
            let library = try ReadingLibrary(path: scratch.freshPath("save.sqlite"))
            var summary = ImportSummary()
            samples.append(try Stopwatch.seconds { summary = try library.importArticles(records) })
            guard summary.imported == records.count else {
                throw BenchError("The library saved \(summary.imported) of \(records.count) articles.")
            }
            let plain = try PlainSQLiteBaseline.create(path: scratch.freshPath("save-baseline.sqlite"))
            baseline.append(try Stopwatch.seconds { try PlainSQLiteBaseline.insert(rows, into: plain) })
        }
        let articles = synthetic.articles.count
        context.libraries.adopt(scratch.url.appendingPathComponent("save.sqlite").path, articles: articles, bodies: bodies)
        context.libraries.noteBaselineInsertSeconds(baseline, articles: articles, bodies: bodies)
        _ = scratch.freshPath("save-baseline.sqlite")
        return Figure(
            name: bodies ? "save in one batch (600-word bodies)" : "save in one batch", articles: articles,
            unit: "s", samples: samples, baselineSamples: baseline, target: .ratioAtMost(1.5))
    }
}
