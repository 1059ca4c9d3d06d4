import ArgumentParser
import Foundation
import ReadingList

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer a sync session on standard input and output (newline-delimited JSON).",
        discussion: "Used by the other side's readlist sync --exec '… readlist serve --stdio'.")

    @OptionGroup var library: LibraryOptions
    @Flag(help: "Speak the protocol on standard input and output.") var stdio = false
    @Option(help: "Field changes per page.") var pageSize = SyncOptions.defaultPageLimit
    @Option(help: "Bytes per page, about (a single large entry may exceed it).") var pageBytes = SyncOptions.defaultPageBytes
    @Option(help: "Refuse changes stamped more than this many hours ahead of this clock.") var maxClockSkew = 24.0

    func validate() throws {
        if !stdio { throw ValidationError("Only --stdio is supported: readlist serve --stdio.") }
        if !(1...100_000).contains(pageSize) { throw ValidationError("--page-size must be from 1 to 100000.") }
        if pageBytes < 1_024 { throw ValidationError("--page-bytes must be at least 1024.") }
        if !(maxClockSkew > 0) { throw ValidationError("--max-clock-skew must be more than 0 hours.") }
    }

    func run() throws {
        try runReporting {
            let responder = SyncResponder(library: try library.open(), options: SyncOptions(pageLimit: pageSize, pageBytes: pageBytes, maxClockSkew: maxClockSkew * 3600))
            let channel = LineChannel(input: .standardInput, output: .standardOutput)
            do {
                while let request = channel.readLine() {
                    guard !request.isEmpty else { continue }
                    try channel.write(responder.respond(to: request))
                }
            } catch {
                throw ReadingListError(.storage, "The sync connection failed: \(error.localizedDescription).")
            }
        }
    }
}
