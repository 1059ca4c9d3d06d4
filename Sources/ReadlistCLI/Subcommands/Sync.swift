import ArgumentParser
import Foundation
import ReadingList

struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sync this library with another replica: a pull each way, then a checksum check.",
        discussion: """
            readlist sync other.sqlite            another library file on this machine
            readlist sync --exec 'ssh host readlist serve --stdio'
            Either way every message goes through the protocol's JSON codec (Protocol/SPEC.md §6). \
            A sync cut short resumes where it stopped.
            """)

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The other library file.") var other: String?
    @Option(help: ArgumentHelp("Sync with the readlist serve --stdio at the end of this shell command.", valueName: "command"))
    var exec: String?
    @Option(help: "Field changes per page.") var pageSize = 2_000
    @Option(help: "Refuse changes stamped more than this many hours ahead of this clock.") var maxClockSkew = 24.0

    func validate() throws {
        if (other == nil) == (exec == nil) { throw ValidationError("Give either another library file or --exec '<command>'.") }
        if !(1...100_000).contains(pageSize) { throw ValidationError("--page-size must be from 1 to 100000.") }
        if !(maxClockSkew > 0) { throw ValidationError("--max-clock-skew must be more than 0 hours.") }
    }

    func run() throws {
        try runReporting {
            let here = try library.open()
            let skew = maxClockSkew * 3600
            var report: SyncReport
            do {
                if let other {
                    let responder = SyncResponder(library: try ReadingLibrary(path: other), pageLimit: pageSize, maxClockSkew: skew)
                    report = try SyncSession.run(here, over: LocalTransport(responder: responder), pageLimit: pageSize, maxClockSkew: skew)
                    report.changesAppliedByPeer = responder.changesApplied
                } else {
                    report = try SyncSession.run(
                        here, over: try ProcessTransport(command: exec ?? ""), pageLimit: pageSize, maxClockSkew: skew)
                }
            } catch let failure as SyncFailure {
                throw ReadingListError(failure.code == .clockSkew ? .clockSkew : .storage, "Sync failed (\(failure.code.rawValue)): \(failure.message)")
            }
            if output.json { return try Console.printJSON(report) }
            Console.print("Synced with \(report.peer) (protocol v\(report.version)) in \(String(format: "%.2f", report.seconds)) s")
            Console.print("  received \(report.changesReceived) changes in \(report.pagesReceived) pages (\(report.bytesReceived) bytes); \(report.changesApplied) applied here")
            let there = report.changesAppliedByPeer.map { "; \($0) applied there" } ?? ""
            Console.print("  sent \(report.changesSent) changes in \(report.pagesSent) pages (\(report.bytesSent) bytes)\(there)")
            Console.print("  checksum \(report.checksum) on both sides\(report.repaired ? " (after a full re-exchange)" : "")")
        }
    }
}
