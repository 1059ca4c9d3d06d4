import ArgumentParser

@main
struct ReadlistCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readlist",
        abstract: "Save articles, tag them, mark them read, highlight quotes, search them.",
        discussion: """
            The library is one SQLite file: --db PATH, else $READLIST_DB, else \
            $XDG_DATA_HOME/readlist/library.sqlite (~/.local/share/readlist/library.sqlite).
            Name an article by its id, a unique id prefix of 4+ characters, or its URL.
            Exit status: 0 success, 1 failure, 64 misuse.
            """,
        version: "0.1.0",
        subcommands: [
            Add.self, Refetch.self, List.self, Show.self, Search.self,
            Read.self, Unread.self, Archive.self, Unarchive.self, Favorite.self, Unfavorite.self,
            Progress.self, Delete.self, TagCommand.self, HighlightCommand.self, Status.self, Export.self,
            Sync.self, Serve.self, Clone.self, Import.self,
        ]
    )
}
