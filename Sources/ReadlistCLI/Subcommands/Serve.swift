import ArgumentParser
import Foundation
import ReadingList

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answer a sync session on standard input and output (newline-delimited JSON).",
        discussion: "Used by the other side's readlist sync --exec '… readlist serve --stdio'.")

    @OptionGroup var library: LibraryOptions
    @Flag(help: "Speak the protocol on standard input and output.") var stdio = false
    @Option(help: "Field changes per page.") var pageSize = 2_000

    func validate() throws {
        if !stdio { throw ValidationError("Only --stdio is supported: readlist serve --stdio.") }
    }

    func run() throws {
        try runReporting {
            let responder = SyncResponder(library: try library.open(), options: SyncOptions(pageLimit: pageSize))
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
