import ArgumentParser
import Foundation

/// `readlist-bench hot-paths`, the default subcommand: measures the library's hot paths on
/// deterministic synthetic libraries, each against a plain-SQLite baseline doing the same work
/// in the same run.
struct HotPathsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hot-paths",
        abstract: "Measure readlist's hot paths against plain SQLite doing the same work.",
        discussion: """
            Generates synthetic libraries (fixed seed) of each --sizes, runs every scenario --runs \
            times, and prints a table of medians with the baseline and ratio where a figure has one. \
            Libraries are prepared once, outside the timed parts, and shared by the scenarios that \
            read them. Scenarios that time whole readlist processes run the readlist built beside \
            this program. Build both in release mode: swift build -c release, then \
            .build/release/readlist-bench. --quick is a smoke test (tiny libraries, one run); its \
            figures mean nothing.
            """)

    @Option(name: .long, parsing: .upToNextOption, help: "Library sizes in articles.")
    var sizes: [Int] = [10_000, 100_000]

    @Option(name: .long, help: "Runs per figure; the table shows medians.")
    var runs = 3

    @Option(name: .long, parsing: .upToNextOption, help: "Scenarios to run (default: all): \(Scenario.allCases.map(\.rawValue).joined(separator: ", ")).")
    var only: [Scenario] = []

    @Option(name: .long, help: "Also write every figure, the machine and the commit to this JSON file.")
    var json: String?

    @Option(name: .long, help: "Write the libraries and files into this folder and keep them (default: a temporary folder, removed).")
    var scratch: String?

    @Flag(name: .long, help: "A smoke test: 150 and 300 articles, one run, 3 processes per command. Never fails on timing.")
    var quick = false

    mutating func validate() throws {
        guard runs > 0 else { throw ValidationError("--runs must be at least 1.") }
        guard !sizes.isEmpty else { throw ValidationError("--sizes needs at least one size.") }
        guard sizes.allSatisfy({ $0 > 0 }) else { throw ValidationError("--sizes must be positive numbers of articles.") }
    }

    func run() throws {
        let started = ContinuousClock.now
        let sizes = quick ? [150, 300] : Array(Set(self.sizes)).sorted()
        let runs = quick ? 1 : self.runs
        let scenarios = only.isEmpty ? Scenario.allCases : Scenario.allCases.filter(only.contains)
        var report = BenchReport(machine: .current(), runs: runs, scenarios: scenarios.map(\.rawValue))
        if report.machine.build == "debug", !quick {
            printError("readlist-bench: this is a debug build; its figures are not comparable. Use swift build -c release.")
        }
        let scratch = try ScratchFolder(kept: self.scratch)
        let context = BenchContext(sizes: sizes, runs: runs, quick: quick, scratch: scratch, log: printError)
        for scenario in scenarios {
            printError("\(scenario.rawValue):")
            let scenarioStarted = ContinuousClock.now
            for figure in try scenario.run(context) {
                report.figures.append(figure)
                printError("  \(figure.name), \(figure.articles) articles: \(Figure.format(figure.median)) \(figure.unit)"
                    + (figure.ratio.map { " (\(Figure.format($0))× baseline)" } ?? ""))
            }
            printError("  (\(scenario.rawValue) took \((ContinuousClock.now - scenarioStarted).components.seconds) s)")
        }
        print(report.table)
        print()
        print(report.machineLine)
        let elapsed = (ContinuousClock.now - started).components.seconds
        printError("readlist-bench took \(elapsed / 60) min \(elapsed % 60) s.")
        if let json {
            try report.json().write(to: URL(fileURLWithPath: json))
        }
    }
}
