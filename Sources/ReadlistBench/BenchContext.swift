import Foundation

/// What every scenario runs with: the library sizes, the runs per figure, the scratch folder,
/// the libraries prepared in it once and shared, and the `readlist` program beside this one.
final class BenchContext {
    /// Library sizes in articles, smallest first.
    let sizes: [Int]
    /// Runs per figure.
    let runs: Int
    /// A smoke test: tiny sizes, one run, few processes; the figures mean nothing.
    let quick: Bool
    let scratch: ScratchFolder
    let libraries: PreparedLibraries
    /// Writes a line of progress or detail to standard error.
    let log: (String) -> Void

    init(sizes: [Int], runs: Int, quick: Bool, scratch: ScratchFolder, log: @escaping (String) -> Void) {
        self.sizes = sizes
        self.runs = runs
        self.quick = quick
        self.scratch = scratch
        self.log = log
        libraries = PreparedLibraries(scratch: scratch, runs: runs, log: log)
    }

    /// Whole `readlist` processes timed per run, for figures of a command's latency.
    var processesPerRun: Int { quick ? 3 : 20 }

    /// The built `readlist` beside this program (both are products of the same package).
    func readlistProgram() throws -> String {
        let folder = Bundle.main.executableURL?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let path = folder.appendingPathComponent("readlist").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw BenchError("There is no readlist program at \(path). Build it beside readlist-bench: swift build -c release --product readlist.")
        }
        return path
    }
}
