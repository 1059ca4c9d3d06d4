import Foundation
import ReadingList

/// Merge throughput: field changes an empty replica applies per second. The pages of a prepared
/// library's feed (`changes(after:)`, as a session pulls them) are read before the clock starts;
/// only `apply(_:from:)` of every page, as the receiving side of a sync does it, is timed. The
/// baseline: the same field changes over the time plain SQLite takes to insert the same articles.
enum MergeThroughputBenchmark {
    static func run(articles: Int, context: BenchContext) throws -> Figure {
        let source = try ReadingLibrary(path: context.libraries.file(articles: articles, bodies: false))
        let sender = try source.identity()
        let options = SyncOptions()
        var pages: [ChangePage] = []
        var after: Int64 = 0
        var hasMore = true
        while hasMore {
            let page = try source.changes(after: after, limit: options.pageLimit, maxBytes: options.pageBytes)
            pages.append(page)
            after = page.toSequence
            hasMore = page.hasMore
        }
        let fieldChanges = pages.reduce(0) { $0 + $1.changes.count }
        var samples: [Double] = []
        for _ in 0..<context.runs {
            let receiver = try ReadingLibrary(path: context.scratch.freshPath("merge.sqlite"))
            var applied = 0
            let seconds = try Stopwatch.seconds {
                for page in pages { applied += try receiver.apply(page, from: sender).applied }
            }
            guard applied == fieldChanges else {
                throw BenchError("An empty library applied \(applied) of \(fieldChanges) field changes.")
            }
            samples.append(Double(fieldChanges) / seconds)
        }
        _ = context.scratch.freshPath("merge.sqlite")
        let baseline = try context.libraries.baselineInsertSeconds(articles: articles, bodies: false)
        return Figure(
            name: "merge throughput (\(Figure.format(Double(fieldChanges))) field changes)", articles: articles, unit: "changes/s",
            samples: samples, baselineSamples: baseline.map { Double(fieldChanges) / $0 }, target: .atLeast(100_000))
    }
}
