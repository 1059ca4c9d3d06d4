import ArgumentParser
import ReadingList

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search titles, authors, sites, excerpts, text and tags; best match first.",
        discussion: """
            Every word must match (stems too: "negotiate" finds "negotiation"). "an exact phrase" in \
            quotes, word* for a prefix, -word to exclude, OR between alternatives. Any other \
            character is just text.
            """)

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    @Argument(parsing: .allUnrecognized, help: "What to look for (words may start with -).")
    var words: [String] = []

    var query: String { words.joined(separator: " ") }
    @Option(help: "At most this many results.") var limit = 20

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 or more, not \(limit).") }
        if words.isEmpty { throw ValidationError("Give the words to search for, e.g. readlist search negotiation.") }
    }

    func run() throws {
        try runReporting {
            let results = try library.open().search(query, limit: limit)
            if output.json { return try Console.printJSON(results.map(ArticleJSON.init)) }
            if results.isEmpty { return Console.printError("nothing matches \"\(query)\".") }
            for result in results {
                Console.print(Console.dim(result.article.id.short) + "  " + Console.bold(result.article.title))
                let snippet = result.snippet.collapsingWhitespace()
                if !snippet.isEmpty { Console.print("          " + snippet) }
            }
        }
    }
}
