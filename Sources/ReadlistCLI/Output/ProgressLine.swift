import Foundation
import ReadingList

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress display on standard error, redrawn in place, only when standard error
/// is a terminal; at most ten redraws a second; erased when done.
final class ProgressLine {
    static let isAvailable = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"

    private var lastDraw = Date.distantPast
    private var drawn = false

    /// Shows `text`, unless the last redraw was under 0.1 s ago and `force` is false.
    func show(_ text: String, force: Bool = false) {
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        drawn = true
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    /// Erases the line.
    func finish() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }

    /// The line for a sync's progress.
    static func describe(_ progress: SyncProgress) -> String {
        let verb = progress.direction == .receiving ? "receiving" : "sending"
        let share = progress.fraction.map { String(format: " %3.0f%%", $0 * 100) } ?? ""
        let kilobytes = progress.bytes / 1_024
        return "sync: \(verb)\(share), \(pluralized(progress.changes, "change")) in \(pluralized(progress.pages, "page")), \(kilobytes) KiB"
    }

    /// The line for an import's progress: a bar when the share read is known.
    static func describe(_ progress: ImportProgress) -> String {
        let records = pluralized(progress.records, "record")
        guard let fraction = progress.fraction else { return "import: \(records) read" }
        let width = 30
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        return "import: [\(bar)] \(String(format: "%3.0f%%", fraction * 100)) \(records)"
    }
}
