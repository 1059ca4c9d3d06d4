import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A program run to its end as a child process, with what it cost as a whole process: the wall
/// time from spawning it to reaping it, and its peak resident memory (`wait4`'s `ru_maxrss`).
struct ChildProcess {
    /// Wall-clock seconds from `posix_spawn` to `wait4`.
    var seconds: Double
    /// The child's peak resident set size, in bytes.
    var peakMemoryBytes: Int

    /// Runs `program` with `arguments`, standard input from /dev/null and standard output and
    /// error to the file at `outputPath`, and waits for it.
    /// - Throws: ``BenchError`` when it cannot start, or exits otherwise than with status 0
    ///   (with its output).
    static func run(_ program: String, _ arguments: [String], outputPath: String) throws -> ChildProcess {
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var environment = ProcessInfo.processInfo.environment
        environment["READLIST_DB"] = nil
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }

        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchError("Cannot run \(program): \(String(cString: strerror(spawned))).") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 {
            guard errno == EINTR else { throw BenchError("Cannot wait for \(program): \(String(cString: strerror(errno))).") }
        }
        let elapsed = clock.now - start
        // WIFEXITED and WEXITSTATUS, which Swift does not import.
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            throw BenchError("\(([program] + arguments).joined(separator: " ")) failed (wait status \(status)):\n\(output)")
        }
        #if canImport(Darwin)
        let peak = Int(usage.ru_maxrss)  // bytes
        #else
        let peak = Int(usage.ru_maxrss) * 1_024  // kilobytes
        #endif
        return ChildProcess(
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, peakMemoryBytes: peak)
    }

    /// The median wall time, in milliseconds, of `count` runs of `program`, the arguments of
    /// each from `arguments(run)`, after one untimed run (`arguments(-1)`) that warms the
    /// caches.
    static func medianMilliseconds(
        _ program: String, count: Int, outputPath: String, arguments: (Int) -> [String]
    ) throws -> Double {
        _ = try run(program, arguments(-1), outputPath: outputPath)
        let times = try (0..<count).map { index in try run(program, arguments(index), outputPath: outputPath).seconds * 1_000 }
        return Figure.median(times)
    }
}
