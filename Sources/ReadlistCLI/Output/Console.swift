import ArgumentParser
import Foundation
import ReadingList

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where output goes, and what the terminal can show.
enum Console {
    /// Whether standard output is a terminal.
    static let isTerminal = isatty(STDOUT_FILENO) == 1

    /// Colour only on a terminal, never with `NO_COLOR` set or `TERM=dumb`.
    static let usesColor: Bool = {
        let environment = ProcessInfo.processInfo.environment
        return isTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }()

    /// The width to fit: `$COLUMNS`, else the terminal's, else unlimited.
    static let width: Int? = {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 20 {
            return columns
        }
        guard isTerminal else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 else { return 80 }
        return Int(size.ws_col)
    }()

    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data(("readlist: " + text + "\n").utf8))
    }

    /// Prints `value` as JSON on standard output.
    static func printJSON(_ value: some Encodable) throws {
        FileHandle.standardOutput.write(try WireJSON.encode(value))
    }

    static func bold(_ text: String) -> String { usesColor ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    static func dim(_ text: String) -> String { usesColor ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
    static func yellow(_ text: String) -> String { usesColor ? "\u{1B}[33m\(text)\u{1B}[0m" : text }
}

/// Runs a command body, turning library errors into one line on standard error and the exit
/// status: 64 for invalid input, 1 for anything else.
func runReporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ReadingListError {
        throw exitCode(reporting: error)
    }
}

/// `n` and the noun, plural unless `n` is 1: "1 page", "3 pages".
func pluralized(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
}

/// ``runReporting(_:)`` for commands that wait on the network.
func runReportingAsync(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as ReadingListError {
        throw exitCode(reporting: error)
    }
}

/// Prints `error` on standard error; its exit status is 64 for invalid input, 1 for anything else.
private func exitCode(reporting error: ReadingListError) -> ExitCode {
    Console.printError(error.message)
    return ExitCode(error.code == .invalidInput ? 64 : 1)
}
