import Foundation

/// The outcome of one run of a built program.
struct ProcessResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "exit \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }

    /// Standard output parsed as JSON.
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8), options: [.fragmentsAllowed]) }

    /// The lines written to standard error.
    var errorLines: [Substring] { stderr.split(separator: "\n") }
}

/// Runs the built `readlist` (and sibling programs) as real processes.
enum CommandRunner {
    /// The repository's root folder.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder holding the built products: where the test binary itself lives (or above it).
    static let productsFolder: URL = {
        if let override = ProcessInfo.processInfo.environment["READLIST_PRODUCTS"] {
            return URL(fileURLWithPath: override)
        }
        var folder = Bundle.main.executableURL?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<5 {
            if FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("readlist").path) { return folder }
            folder.deleteLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug")
    }()

    /// Runs the built `program` with `arguments`, the given environment additions, and
    /// `READLIST_DB`, `NO_COLOR` and `COLUMNS` unset. `READLIST_OFFLINE=1` keeps `add <url>`
    /// from reaching for the network unless a test's environment sets it to "0".
    /// A `launcher` (such as `setpriv …`) goes first.
    static func run(
        _ arguments: [String], program: String = "readlist", environment: [String: String] = [:],
        removingEnvironment: [String] = [], launcher: [String] = []
    ) throws -> ProcessResult {
        let executable = productsFolder.appendingPathComponent(program).path
        let command = launcher + [executable] + arguments
        var processEnvironment = ProcessInfo.processInfo.environment
        for name in ["READLIST_DB", "NO_COLOR", "COLUMNS"] + removingEnvironment { processEnvironment[name] = nil }
        processEnvironment["READLIST_OFFLINE"] = "1"
        processEnvironment.merge(environment) { _, new in new }
        return try execute(command, environment: processEnvironment)
    }

    /// Runs `command` (a path and its arguments) in the repository root, capturing its output.
    static func execute(_ command: [String], environment: [String: String]? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        if let environment { process.environment = environment }
        process.currentDirectoryURL = repositoryRoot
        let outputFolder = FileManager.default.temporaryDirectory.appendingPathComponent("readlist-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outputFolder) }
        let outURL = outputFolder.appendingPathComponent("out")
        let errURL = outputFolder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return ProcessResult(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// A temporary folder with a library path in it, removed at the end.
final class Workspace: @unchecked Sendable {
    let folder: URL
    let db: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("readlist-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        db = folder.appendingPathComponent("library.sqlite").path
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Runs `readlist --db <this library> arguments…`.
    @discardableResult
    func readlist(_ arguments: String..., environment: [String: String] = [:]) throws -> ProcessResult {
        try CommandRunner.run(arguments + ["--db", db], environment: environment)
    }

    /// Runs `readlist` and fails unless it exits 0.
    @discardableResult
    func succeed(_ arguments: String...) throws -> ProcessResult {
        let result = try CommandRunner.run(arguments + ["--db", db])
        guard result.status == 0 else { throw CommandFailure(arguments: arguments, result: result) }
        return result
    }

    /// The library's JSON export, as text.
    func export() throws -> String { try succeed("export", "--format", "json").stdout }

    func write(_ text: String, to name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

struct CommandFailure: Error, CustomStringConvertible {
    var arguments: [String]
    var result: ProcessResult
    var description: String { "readlist \(arguments.joined(separator: " ")) failed: \(result)" }
}

extension Dictionary where Key == String, Value == Any {
    func string(_ key: String) -> String? { self[key] as? String }
}
