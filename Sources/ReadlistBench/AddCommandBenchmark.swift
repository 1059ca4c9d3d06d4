import Foundation

/// `readlist add <url>` as a whole process (start, open, save, print, exit) on a copy of a
/// prepared library, with a new URL each time: each run's figure is the median of
/// `processesPerRun` processes. `add` never fetches the page (the issue's `--offline`, which
/// the command does not need). Run at the largest size given: the target is at 100,000
/// articles; other sizes are measured without one. No baseline.
enum AddCommandBenchmark {
    static func run(articles: Int, context: BenchContext) throws -> Figure {
        let readlist = try context.readlistProgram()
        let library = try context.libraries.copy(articles: articles, bodies: false, named: "add.sqlite")
        let output = context.scratch.url.appendingPathComponent("add.txt").path
        var samples: [Double] = []
        for run in 0..<context.runs {
            samples.append(try ChildProcess.medianMilliseconds(readlist, count: context.processesPerRun, outputPath: output) { index in
                ["add", "https://bench.example/added/\(run)/\(index + 1)", "--offline", "--db", library]
            })
        }
        _ = context.scratch.freshPath("add.sqlite")
        return Figure(
            name: "readlist add <url> (process)", articles: articles, unit: "ms", samples: samples, baselineSamples: nil,
            target: articles == 100_000 ? .atMost(20) : nil)
    }
}
