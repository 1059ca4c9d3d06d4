import Foundation
import ReadingList

/// Synthetic libraries, library files of them and the baseline's timings, each made once per
/// run of `readlist-bench` and shared by the scenarios that only read them: a library file of N
/// articles is built once (through `importArticles`, the fastest way in), or taken over from the
/// save scenario, which builds the same library; scenarios that change a library work on a copy.
final class PreparedLibraries {
    /// Which library: its size, and whether its articles have 600-word bodies.
    struct Kind: Hashable {
        var articles: Int
        var bodies: Bool

        var fileName: String { "prepared-\(articles)\(bodies ? "-bodies" : "").sqlite" }
    }

    private let scratch: ScratchFolder
    private let runs: Int
    private let log: (String) -> Void
    private var synthetics: [Kind: SyntheticLibrary] = [:]
    private var files: [Kind: String] = [:]
    private var baselineSeconds: [Kind: [Double]] = [:]

    init(scratch: ScratchFolder, runs: Int, log: @escaping (String) -> Void) {
        self.scratch = scratch
        self.runs = runs
        self.log = log
    }

    /// The synthetic library of `articles` articles (fixed seed), generated on first use.
    func synthetic(articles: Int, bodies: Bool) -> SyntheticLibrary {
        let kind = Kind(articles: articles, bodies: bodies)
        if let synthetic = synthetics[kind] { return synthetic }
        let synthetic = SyntheticLibrary(count: articles, bodies: bodies)
        synthetics[kind] = synthetic
        return synthetic
    }

    /// The path of a library file holding the synthetic library, built on first use. Scenarios
    /// may open it and read it (a sync from it records a cursor there), never change its articles.
    func file(articles: Int, bodies: Bool) throws -> String {
        let kind = Kind(articles: articles, bodies: bodies)
        if let path = files[kind] { return path }
        let synthetic = synthetic(articles: articles, bodies: bodies)
        let path = scratch.freshPath(kind.fileName)
        var summary = ImportSummary()
        let seconds = try Stopwatch.seconds {
            let library = try ReadingLibrary(path: path)
            summary = try library.importArticles(synthetic.importRecords(bodies: bodies))
        }
        guard summary.imported == articles else {
            throw BenchError("The prepared library of \(articles) articles saved only \(summary.imported).")
        }
        let megabytes = Double(ScratchFolder.size(ofDatabase: path)) / 1_048_576
        log("  (prepared a library of \(articles) articles\(bodies ? " with bodies" : "") in \(Figure.format(seconds)) s, \(Figure.format(megabytes)) MiB)")
        files[kind] = path
        return path
    }

    /// Takes over a library file some scenario built from the synthetic library through
    /// `importArticles`, closed, as the prepared file of its kind (when there is none yet);
    /// otherwise removes it.
    func adopt(_ path: String, articles: Int, bodies: Bool) {
        let kind = Kind(articles: articles, bodies: bodies)
        guard files[kind] == nil else {
            _ = scratch.freshPath(URL(fileURLWithPath: path).lastPathComponent)
            return
        }
        let destination = scratch.freshPath(kind.fileName)
        do {
            // A rename keeps the file's inode, so the library keeps its replica identity.
            for suffix in ["", "-wal", "-served"] where FileManager.default.fileExists(atPath: path + suffix) {
                try FileManager.default.moveItem(atPath: path + suffix, toPath: destination + suffix)
            }
            files[kind] = destination
        } catch {
            _ = scratch.freshPath(URL(fileURLWithPath: path).lastPathComponent)
            _ = scratch.freshPath(kind.fileName)
        }
    }

    /// A copy of the prepared library at `name` in the scratch folder, for a scenario that
    /// changes it. Opened, the copy is a new replica of the same articles (SPEC.md §3.7).
    func copy(articles: Int, bodies: Bool, named name: String) throws -> String {
        let source = try file(articles: articles, bodies: bodies)
        // Everything into the main file first, so that the file alone is the whole library.
        try PlainSQLite(path: source).execute("PRAGMA wal_checkpoint(TRUNCATE)")
        let path = scratch.freshPath(name)
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: source + suffix) {
            try FileManager.default.copyItem(atPath: source + suffix, toPath: path + suffix)
        }
        return path
    }

    /// Keeps timings of the baseline inserting the synthetic library's rows with excerpts (what
    /// the save scenario measures) for ``baselineInsertSeconds(articles:bodies:)``, when it has
    /// none yet.
    func noteBaselineInsertSeconds(_ seconds: [Double], articles: Int, bodies: Bool) {
        let kind = Kind(articles: articles, bodies: bodies)
        if baselineSeconds[kind] == nil { baselineSeconds[kind] = seconds }
    }

    /// The baseline inserting the synthetic library's rows (with excerpts, and bodies if it has
    /// them) into a new file, timed `runs` times on first use (or as the save scenario timed
    /// it): the plain-SQLite cost of storing what a first sync or a merge stores.
    func baselineInsertSeconds(articles: Int, bodies: Bool) throws -> [Double] {
        let kind = Kind(articles: articles, bodies: bodies)
        if let seconds = baselineSeconds[kind] { return seconds }
        let rows = try PlainSQLiteBaseline.rows(synthetic(articles: articles, bodies: bodies).articles, excerpts: true, bodies: bodies)
        var seconds: [Double] = []
        for _ in 0..<runs {
            let plain = try PlainSQLiteBaseline.create(path: scratch.freshPath("insert-baseline.sqlite"))
            seconds.append(try Stopwatch.seconds { try PlainSQLiteBaseline.insert(rows, into: plain) })
        }
        _ = scratch.freshPath("insert-baseline.sqlite")
        baselineSeconds[kind] = seconds
        return seconds
    }
}
