import ArgumentParser
import ReadingList

/// Options every one-article state command shares: the library, `--json`, and the article.
struct ArticleArguments: ParsableArguments {
    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The article: id, id prefix (4+ characters) or URL.")
    var article: String

    /// Applies `change` to the library and prints the outcome.
    func apply(_ verb: String, _ change: (ReadingLibrary, String) throws(ReadingListError) -> Article) throws {
        try runReporting {
            let updated = try change(try library.open(), article)
            if output.json {
                try Console.printJSON(ArticleJSON(updated))
            } else {
                Console.print("\(verb) \(updated.id.short)  \(Console.bold(updated.title))")
            }
        }
    }
}
