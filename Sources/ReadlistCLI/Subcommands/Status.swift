import ArgumentParser
import ReadingList

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the library file, this replica and counts.")

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runReporting {
            let status = try library.open().status()
            if output.json { return try Console.printJSON(StatusJSON(status)) }
            Console.print("""
                library     \(status.path)
                replica     \(status.replicaID)
                schema      \(status.schemaVersion)
                articles    \(status.articles) (\(status.unread) unread, \(status.read) read, \(status.archived) archived, \(status.favorites) favorites)
                tags        \(status.tags)
                highlights  \(status.highlights)
                """)
            for peer in status.peers {
                Console.print("peer        \(peer.replicaID) at \(peer.sequence), synced \(RFC3339.string(from: peer.syncedAt))")
            }
        }
    }
}
