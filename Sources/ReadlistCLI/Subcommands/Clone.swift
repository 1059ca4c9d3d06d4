import ArgumentParser
import ReadingList

struct Clone: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clone",
        abstract: "Make a new replica of a library in a new file.",
        discussion: """
            The new file gets its own replica id, and both files record that they are in sync, \
            so their first sync sends nothing. (A plain cp also works: the copy notices it was \
            copied and takes a new replica id, but its first sync exchanges everything.)
            """)

    @Argument(help: ArgumentHelp("The library to clone.", valueName: "source")) var source: String
    @Argument(help: ArgumentHelp("The new library file; it must not exist.", valueName: "destination")) var destination: String

    func run() throws {
        try runReporting {
            let original = try ReadingLibrary(path: source)
            let clone = try original.clone(to: destination)
            let (from, to) = (try original.identity(), try clone.identity())
            Console.print("Cloned \(source) (replica \(from.replicaID)) to \(destination) (new replica \(to.replicaID)); the two are in sync.")
        }
    }
}
