import Foundation
import ReadingList

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Syncs over the pipes of a command run by the shell (`sync --exec 'ssh host readlist serve --stdio'`).
final class ProcessTransport: SyncTransport {
    private let process = Process()
    private let channel: LineChannel
    private let command: String
    private let errors = Pipe()
    private let requests: FileHandle

    init(command: String) throws(ReadingListError) {
        self.command = command
        // A peer that exits must be an error to report, not a signal that kills us.
        signal(SIGPIPE, SIG_IGN)
        let toChild = Pipe()
        let fromChild = Pipe()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardInput = toChild
        process.standardOutput = fromChild
        process.standardError = errors
        requests = toChild.fileHandleForWriting
        channel = LineChannel(input: fromChild.fileHandleForReading, output: requests)
        do {
            try process.run()
        } catch {
            throw ReadingListError(.libraryUnavailable, "Cannot run \"\(command)\": \(error.localizedDescription).")
        }
    }

    func exchange(_ request: Data) throws -> Data {
        do {
            try channel.write(request)
            if let line = channel.readLine() { return line }
        } catch {}
        process.waitUntilExit()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").last.map { String($0.hasSuffix(".") ? $0.dropLast() : $0) } ?? "no output"
        throw ReadingListError(
            .libraryUnavailable,
            "The peer command \"\(command)\" ended (status \(process.terminationStatus)) before answering: \(said). Check that it runs 'readlist serve --stdio'.")
    }

    /// Ends the session: the server sees the end of its input and exits; one that does not
    /// within two seconds is terminated.
    deinit {
        try? requests.close()
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
    }
}
