import ArgumentParser

/// `readlist-bench`: the library's hot paths against plain SQLite (the default subcommand, so
/// `readlist-bench --only … --sizes …` runs it), and article extraction against reference pages.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readlist-bench",
        abstract: "Measure readlist: hot paths against plain SQLite, extraction against reference pages.",
        subcommands: [HotPathsCommand.self, ExtractionCommand.self, PeakMemoryCommand.self],
        defaultSubcommand: HotPathsCommand.self)
}
