import Foundation
import ReadingList

/// Importing a Pocket CSV export (`readlist import` through the library), against the baseline
/// inserting the same rows.
enum PocketImportBenchmark {
    static func run(_ synthetic: SyntheticLibrary, runs: Int, scratch: ScratchFolder) throws -> Figure {
        let csv = scratch.url.appendingPathComponent("pocket.csv").path
        try write(synthetic, toPocketCSV: csv)
        defer { try? FileManager.default.removeItem(atPath: csv) }
        let rows = try PlainSQLiteBaseline.rows(synthetic.articles, excerpts: false, bodies: false)
        var samples: [Double] = []
        var baseline: [Double] = []
        for _ in 0..<runs {
            let library = try ReadingLibrary(path: scratch.freshPath("import.sqlite"))
            var summary = ImportSummary()
            samples.append(try Stopwatch.seconds { summary = try library.importFile(at: csv) })
            guard summary.imported == rows.count, summary.skippedCount == 0 else {
                throw BenchError("The import of \(csv) saved \(summary.imported) of \(rows.count) articles, skipped \(summary.skippedCount).")
            }
            let plain = try PlainSQLiteBaseline.create(path: scratch.freshPath("import-baseline.sqlite"))
            baseline.append(try Stopwatch.seconds { try PlainSQLiteBaseline.insert(rows, into: plain) })
        }
        _ = scratch.freshPath("import.sqlite")
        _ = scratch.freshPath("import-baseline.sqlite")
        return Figure(
            name: "import a Pocket CSV", articles: synthetic.articles.count, unit: "s", samples: samples,
            baselineSamples: baseline, target: .ratioAtMost(2))
    }

    /// Writes the articles as Pocket's export does: `title,url,time_added,tags,status`, tags
    /// separated by `|`, read articles in status `archive`.
    static func write(_ synthetic: SyntheticLibrary, toPocketCSV path: String) throws {
        var text = "title,url,time_added,tags,status\n"
        for article in synthetic.articles {
            text += "\(quoted(article.title)),\(quoted(article.url)),\(article.addedAt),"
            text += "\(quoted(article.tags.joined(separator: "|"))),\(article.isRead ? "archive" : "unread")\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    private static func quoted(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
