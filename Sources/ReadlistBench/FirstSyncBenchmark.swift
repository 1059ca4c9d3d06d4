import Foundation
import ReadingList

/// The first sync of a prepared library of N articles into an empty library file, in one
/// process: the empty side runs `SyncSession` over a `LocalTransport` to a `SyncResponder` on
/// the full one, as `readlist sync <full> --db <empty>` does; every message goes through the
/// wire codec. Only the session is timed. The baseline: plain SQLite inserting the same articles.
///
/// The issue's targets: at most 5 s at 100,000 articles without bodies, at most 3 s at 10,000
/// with 600-word bodies (`Scenario` runs that one at the smallest size given); other sizes are
/// measured without a target.
enum FirstSyncBenchmark {
    static func run(articles: Int, bodies: Bool, context: BenchContext) throws -> Figure {
        let sourcePath = try context.libraries.file(articles: articles, bodies: bodies)
        var samples: [Double] = []
        for _ in 0..<context.runs {
            let source = try ReadingLibrary(path: sourcePath)
            let receiver = try ReadingLibrary(path: context.scratch.freshPath("first-sync.sqlite"))
            var report = SyncReport()
            samples.append(try Stopwatch.seconds {
                report = try SyncSession.run(receiver, over: LocalTransport(responder: SyncResponder(library: source)))
            })
            try check(report)
        }
        _ = context.scratch.freshPath("first-sync.sqlite")
        let target: Figure.Target? = bodies
            ? (articles == 10_000 ? .atMost(3) : nil)
            : (articles == 100_000 ? .atMost(5) : nil)
        return Figure(
            name: bodies ? "first sync (600-word bodies)" : "first sync", articles: articles, unit: "s", samples: samples,
            baselineSamples: try context.libraries.baselineInsertSeconds(articles: articles, bodies: bodies), target: target)
    }

    /// Fails unless the receiver took every change it was sent and both sides agree.
    static func check(_ report: SyncReport) throws {
        guard report.changesReceived > 0, report.changesApplied == report.changesReceived, !report.repaired else {
            throw BenchError(
                "The first sync applied \(report.changesApplied) of \(report.changesReceived) changes received\(report.repaired ? ", after a repair" : "").")
        }
    }
}
