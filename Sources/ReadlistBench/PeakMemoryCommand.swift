import ArgumentParser
import Foundation

/// `readlist-bench peak-memory --report PATH --output PATH -- PROGRAM ARGUMENTS…`: runs a program
/// and writes its peak resident memory, in bytes, to the report file.
///
/// The benchmark runs this from itself as a child, so that the measured program is spawned by a
/// small process. On Linux a child's `ru_maxrss` counts the memory of the process that spawned
/// it, up to its `exec` (`posix_spawn` shares the parent's pages until then); spawned straight
/// from a benchmark holding libraries of 100,000 articles, a program would be charged with
/// hundreds of MiB that were never its own.
struct PeakMemoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peak-memory", abstract: "Run a program and report its peak resident memory (used by the benchmark).",
        shouldDisplay: false)

    @Option(help: "Write the peak, in bytes, to this file.")
    var report: String

    @Option(help: "Send the program's output to this file.")
    var output: String

    @Argument(parsing: .captureForPassthrough, help: "The program and its arguments.")
    var command: [String]

    func run() throws {
        let words = command.first == "--" ? Array(command.dropFirst()) : command
        guard let program = words.first else { throw ValidationError("Name the program to run.") }
        let child = try ChildProcess.run(program, Array(words.dropFirst()), outputPath: output)
        try String(child.peakMemoryBytes).write(toFile: report, atomically: true, encoding: .utf8)
    }

    /// Runs `program` with `arguments` through this command (a child of this benchmark) and
    /// returns its peak resident memory, in bytes.
    static func measure(_ program: String, _ arguments: [String], outputPath: String, reportPath: String) throws -> Int {
        let bench = Bundle.main.executablePath ?? CommandLine.arguments[0]
        _ = try ChildProcess.run(
            bench, ["peak-memory", "--report", reportPath, "--output", outputPath, "--", program] + arguments,
            outputPath: outputPath + ".bench")
        guard let text = try? String(contentsOfFile: reportPath, encoding: .utf8), let bytes = Int(text) else {
            throw BenchError("readlist-bench peak-memory wrote no figure to \(reportPath).")
        }
        return bytes
    }
}
