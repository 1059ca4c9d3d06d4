import ArgumentParser
import Foundation
import ReadingList

struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sync this library with another replica: a pull each way, then a checksum check.",
        discussion: """
            readlist sync other.sqlite            another library file on this machine
            readlist sync --exec 'ssh host readlist serve --stdio'
            Either way every message goes through the protocol's JSON codec (Protocol/SPEC.md §6). \
            A sync cut short resumes where it stopped. --dry-run shows what each side would \
            change and changes nothing.
            """)

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The other library file.") var other: String?
    @Option(help: ArgumentHelp("Sync with the readlist serve --stdio at the end of this shell command.", valueName: "command"))
    var exec: String?
    @Flag(help: "Report what each side would change, and change nothing.") var dryRun = false
    @Option(help: "Field changes per page.") var pageSize = SyncOptions.defaultPageLimit
    @Option(help: "Bytes per page, about (a single large entry may exceed it).") var pageBytes = SyncOptions.defaultPageBytes
    @Option(help: "Refuse changes stamped more than this many hours ahead of this clock.") var maxClockSkew = 24.0

    func validate() throws {
        if (other == nil) == (exec == nil) { throw ValidationError("Give either another library file or --exec '<command>'.") }
        if !(1...100_000).contains(pageSize) { throw ValidationError("--page-size must be from 1 to 100000.") }
        if pageBytes < 1_024 { throw ValidationError("--page-bytes must be at least 1024.") }
        if !(maxClockSkew > 0) { throw ValidationError("--max-clock-skew must be more than 0 hours.") }
    }

    func run() throws {
        try runReporting {
            let here = try library.open()
            let line = ProgressLine()
            var options = SyncOptions(pageLimit: pageSize, pageBytes: pageBytes, maxClockSkew: maxClockSkew * 3600, dryRun: dryRun)
            if ProgressLine.isAvailable { options.progress = { line.show(ProgressLine.describe($0)) } }
            defer { line.finish() }
            let report: SyncReport
            do {
                if let other {
                    guard FileManager.default.fileExists(atPath: other) else {
                        throw ReadingListError(
                            .libraryUnavailable,
                            "There is no library at \(other). Check the path; to make a new replica there, run readlist clone <this library> \(other).")
                    }
                    let responder = SyncResponder(library: try ReadingLibrary(path: other), options: options)
                    report = try SyncSession.run(here, over: LocalTransport(responder: responder), options: options)
                } else {
                    report = try SyncSession.run(here, over: try ProcessTransport(command: exec ?? ""), options: options)
                }
            } catch let failure as SyncFailure {
                throw ReadingListError(failure.code == .clockSkew ? .clockSkew : .storage, "Sync failed (\(failure.code.rawValue)): \(failure.message)")
            }
            line.finish()
            if output.json { return try Console.printJSON(report) }
            render(report)
        }
    }

    private func render(_ report: SyncReport) {
        let would = report.dryRun ? "would change" : "changed"
        let seconds = String(format: "%.2f", report.seconds)
        if report.dryRun {
            Console.print("Dry run with \(report.peer) (protocol v\(report.version)) in \(seconds) s: nothing was changed.")
        } else {
            Console.print("Synced with \(report.peer) (protocol v\(report.version)) in \(seconds) s")
        }
        Console.print("  here:  \(Self.describe(report.here)) (\(would); \(report.changesApplied) of \(pluralized(report.changesReceived, "change")) received in \(pluralized(report.pagesReceived, "page")), \(report.bytesReceived) bytes)")
        let there = report.there.map(Self.describe) ?? "not reported"
        let applied = report.changesAppliedByPeer.map { "\($0) of " } ?? ""
        Console.print("  there: \(there) (\(would); \(applied)\(pluralized(report.changesSent, "change")) sent in \(pluralized(report.pagesSent, "page")), \(report.bytesSent) bytes)")
        if report.dryRun {
            Console.print("  checksum \(report.checksum) here")
        } else {
            Console.print("  checksum \(report.checksum) on both sides\(report.repaired ? " (after a full re-exchange)" : "")")
        }
    }

    private static func describe(_ summary: ChangeSummary) -> String {
        guard !summary.isEmpty else { return "nothing" }
        func part(_ name: String, _ counts: ChangeSummary.Counts) -> String? {
            guard !counts.isEmpty else { return nil }
            let pieces = [("added", counts.added), ("updated", counts.updated), ("deleted", counts.deleted)]
                .filter { $0.1 > 0 }.map { "\($0.1) \($0.0)" }
            return "\(name): \(pieces.joined(separator: ", "))"
        }
        return [part("articles", summary.articles), part("tags", summary.tags), part("highlights", summary.highlights)]
            .compactMap { $0 }.joined(separator: "; ")
    }
}
