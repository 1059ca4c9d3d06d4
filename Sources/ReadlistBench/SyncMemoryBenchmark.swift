import Foundation

/// Peak memory of a first sync: `readlist sync <prepared library> --db <empty file>` run as a
/// child process, its peak resident set size read from `wait4` by a small process that spawns
/// it (``PeakMemoryCommand``). Run at the largest size given:
/// the target is at 100,000 articles (no bodies); other sizes are measured without
/// one. Peak memory hardly varies between runs, and a first sync is long: measured once. No
/// baseline.
enum SyncMemoryBenchmark {
    static func run(articles: Int, context: BenchContext) throws -> Figure {
        let readlist = try context.readlistProgram()
        let source = try context.libraries.file(articles: articles, bodies: false)
        let output = context.scratch.url.appendingPathComponent("sync-memory.txt").path
        let receiver = context.scratch.freshPath("sync-memory.sqlite")
        let peak = try PeakMemoryCommand.measure(
            readlist, ["sync", source, "--db", receiver], outputPath: output,
            reportPath: context.scratch.url.appendingPathComponent("sync-memory.peak").path)
        _ = context.scratch.freshPath("sync-memory.sqlite")
        return Figure(
            name: "peak memory of a first sync (readlist sync)", articles: articles, unit: "MiB",
            samples: [Double(peak) / 1_048_576],
            baselineSamples: nil, target: articles == 100_000 ? .atMost(200) : nil)
    }
}
