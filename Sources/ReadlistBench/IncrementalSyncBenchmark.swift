import Foundation
import ReadingList

/// An incremental sync of 100 changed fields, in one process: a copy of the prepared library
/// and a clone of it (the state after a first sync: each holds the other's feed), then, before
/// each timed session, 50 articles marked read and 50 tagged on the copy. The session runs from
/// the copy to the clone as in `FirstSyncBenchmark`. Its cost should follow the change, not the
/// library: with two sizes or more, a second figure compares the largest with the smallest, run
/// by run. No baseline.
enum IncrementalSyncBenchmark {
    /// Articles marked read, and articles tagged, before each session: one field each.
    static let changesPerKind = 50

    static func run(context: BenchContext) throws -> [Figure] {
        var figures: [Figure] = []
        for articles in context.sizes {
            figures.append(try run(articles: articles, context: context))
        }
        if let smallest = figures.first, let largest = figures.last, figures.count > 1 {
            figures.append(Figure(
                name: "incremental sync at \(Figure.format(Double(largest.articles))) vs at \(Figure.format(Double(smallest.articles)))",
                articles: largest.articles, unit: "×", samples: zip(largest.samples, smallest.samples).map { $0 / $1 },
                baselineSamples: nil, target: .atMost(1.5)))
        }
        return figures
    }

    static func run(articles: Int, context: BenchContext) throws -> Figure {
        let synthetic = context.libraries.synthetic(articles: articles, bodies: false)
        let changed = try library(articles: articles, context: context)
        let other = try changed.clone(to: context.scratch.freshPath("incremental-clone.sqlite"))
        var report = try SyncSession.run(changed, over: LocalTransport(responder: SyncResponder(library: other)))
        guard report.changesReceived == 0, report.changesSent == 0, !report.repaired else {
            throw BenchError("The sync of a clone with its library exchanged \(report.changesReceived + report.changesSent) changes.")
        }
        var samples: [Double] = []
        var next = 0
        for _ in 0..<context.runs {
            next = try changeFields(in: changed, synthetic: synthetic, from: next)
            samples.append(try Stopwatch.seconds {
                report = try SyncSession.run(changed, over: LocalTransport(responder: SyncResponder(library: other)))
            } * 1_000)
            guard report.changesSent == 2 * changesPerKind, report.changesAppliedByPeer == 2 * changesPerKind, !report.repaired else {
                throw BenchError(
                    "The incremental sync sent \(report.changesSent) changes and the clone applied \(report.changesAppliedByPeer ?? 0), not \(2 * changesPerKind).")
            }
        }
        return Figure(
            name: "incremental sync of \(2 * changesPerKind) changed fields", articles: articles, unit: "ms", samples: samples,
            baselineSamples: nil, target: .atMost(20))
    }

    /// The library whose fields change: a copy of the prepared one.
    private static func library(articles: Int, context: BenchContext) throws -> ReadingLibrary {
        _ = context.scratch.freshPath("incremental-clone.sqlite")
        return try ReadingLibrary(path: context.libraries.copy(articles: articles, bodies: false, named: "incremental.sqlite"))
    }

    /// Marks 50 unread articles read and adds a tag to 50 others, each in its own transaction,
    /// going through the synthetic articles from `start`; returns where the next run starts, so
    /// that every run changes other articles.
    private static func changeFields(in library: ReadingLibrary, synthetic: SyntheticLibrary, from start: Int) throws -> Int {
        var read = 0
        var tagged = 0
        var index = start
        while read < changesPerKind || tagged < changesPerKind {
            guard index < synthetic.articles.count else {
                throw BenchError("A library of \(synthetic.articles.count) articles is too small for this many runs of the incremental sync.")
            }
            let article = synthetic.articles[index]
            index += 1
            if read < changesPerKind, !article.isRead {
                try library.setRead(article.url, true)
                read += 1
            } else if tagged < changesPerKind, let tag = synthetic.tagPool.first(where: { !$0.contains(" ") && !article.tags.contains($0) }) {
                try library.addTags([tag], to: article.url)
                tagged += 1
            }
        }
        return index
    }
}
