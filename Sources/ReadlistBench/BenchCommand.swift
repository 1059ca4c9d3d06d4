import ArgumentParser
import Foundation

/// `readlist-bench`: measures the library's hot paths on deterministic synthetic libraries,
/// each against a plain-SQLite baseline doing the same work in the same run.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readlist-bench",
        abstract: "Measure readlist's hot paths against plain SQLite doing the same work.",
        discussion: """
            Generates synthetic libraries (fixed seed) of each --sizes, runs every scenario --runs \
            times, and prints a table of medians with the baseline and ratio where a figure has one. \
            Build in release mode: swift run -c release readlist-bench. --quick is a smoke test \
            (tiny libraries, one run); its figures mean nothing.
            """)

    @Option(name: .long, parsing: .upToNextOption, help: "Library sizes in articles.")
    var sizes: [Int] = [10_000, 100_000]

    @Option(name: .long, help: "Runs per figure; the table shows medians.")
    var runs = 3

    @Option(name: .long, parsing: .upToNextOption, help: "Scenarios to run (default: all): \(Scenario.allCases.map(\.rawValue).joined(separator: ", ")).")
    var only: [Scenario] = []

    @Option(name: .long, help: "Also write every figure, the machine and the commit to this JSON file.")
    var json: String?

    @Flag(name: .long, help: "A smoke test: 300 and 600 articles, one run. Never fails on timing.")
    var quick = false

    mutating func validate() throws {
        guard runs > 0 else { throw ValidationError("--runs must be at least 1.") }
        guard sizes.allSatisfy({ $0 > 0 }) else { throw ValidationError("--sizes must be positive numbers of articles.") }
    }

    func run() throws {
        let sizes = quick ? [300, 600] : self.sizes.sorted()
        let runs = quick ? 1 : self.runs
        var report = BenchReport(machine: .current(), runs: runs)
        if report.machine.build == "debug", !quick {
            printError("readlist-bench: this is a debug build; its figures are not comparable. Use swift run -c release readlist-bench.")
        }
        let scenarios = only.isEmpty ? Scenario.allCases : only
        let scratch = try ScratchFolder()
        for scenario in scenarios {
            for figure in try scenario.run(sizes: sizes, runs: runs, scratch: scratch) {
                report.figures.append(figure)
                printError("  \(figure.name), \(figure.articles) articles: \(Figure.format(figure.median)) \(figure.unit)"
                    + (figure.ratio.map { " (\(Figure.format($0))× baseline)" } ?? ""))
            }
        }
        print(report.table)
        print()
        print(report.machineLine)
        if let json {
            try report.json().write(to: URL(fileURLWithPath: json))
        }
    }

    private func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
