import Foundation

/// `readlist list --limit 50` and `readlist search <word>` as whole processes on a prepared
/// library with 600-word bodies: each run's figure is the median of `processesPerRun`
/// processes. The word is the first of five letters or more in the first article's excerpt, so
/// it matches a share of the articles as a common word does. Run at the largest size given:
/// the targets are at 100,000 articles; other sizes are measured without them. No
/// baseline. Building a library with bodies of that size is the longest preparation of all
/// (several minutes at 100,000); only this scenario needs it.
enum BrowseCommandsBenchmark {
    static func run(articles: Int, context: BenchContext) throws -> [Figure] {
        let readlist = try context.readlistProgram()
        let library = try context.libraries.file(articles: articles, bodies: true)
        let synthetic = context.libraries.synthetic(articles: articles, bodies: true)
        let word = synthetic.articles.first.flatMap { article in
            article.excerpt.split(whereSeparator: { !$0.isLetter }).first { $0.count >= 5 }
        }.map(String.init) ?? "the"
        let output = context.scratch.url.appendingPathComponent("browse.txt").path
        let target: Figure.Target? = articles == 100_000 ? .atMost(30) : nil
        var list: [Double] = []
        var search: [Double] = []
        for _ in 0..<context.runs {
            list.append(try ChildProcess.medianMilliseconds(readlist, count: context.processesPerRun, outputPath: output) { _ in
                ["list", "--limit", "50", "--db", library]
            })
            search.append(try ChildProcess.medianMilliseconds(readlist, count: context.processesPerRun, outputPath: output) { _ in
                ["search", word, "--db", library]
            })
        }
        context.log("  (searched for \"\(word)\")")
        return [
            Figure(
                name: "readlist list --limit 50 (process, bodies)", articles: articles, unit: "ms", samples: list,
                baselineSamples: nil, target: target),
            Figure(
                name: "readlist search <word> (process, bodies)", articles: articles, unit: "ms", samples: search,
                baselineSamples: nil, target: target),
        ]
    }
}
