import Foundation

/// Where and from what the figures were measured.
struct MachineDescription: Codable, Sendable {
    var cores: Int
    var cpu: String
    var system: String
    /// The commit checked out in the working folder (with "-dirty" for uncommitted changes).
    var commit: String
    /// "release" or "debug": debug figures are not comparable with the targets.
    var build: String
    var date: String

    static func current() -> MachineDescription {
        #if DEBUG
        let build = "debug"
        #else
        let build = "release"
        #endif
        return MachineDescription(
            cores: ProcessInfo.processInfo.activeProcessorCount, cpu: cpuModel(),
            system: ProcessInfo.processInfo.operatingSystemVersionString, commit: commit(), build: build,
            date: ISO8601DateFormatter().string(from: Date()))
    }

    private static func cpuModel() -> String {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
        let line = info.split(separator: "\n").first { $0.hasPrefix("model name") }
        return line.flatMap { $0.split(separator: ":", maxSplits: 1).last }.map { $0.trimmingCharacters(in: .whitespaces) }
            ?? "unknown"
    }

    private static func commit() -> String {
        guard let head = git(["rev-parse", "--short=12", "HEAD"]), !head.isEmpty else { return "unknown" }
        let dirty = git(["status", "--porcelain", "--untracked-files=no"]).map { !$0.isEmpty } ?? false
        return dirty ? head + "-dirty" : head
    }

    private static func git(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
