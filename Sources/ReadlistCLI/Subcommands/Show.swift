import ArgumentParser
import ReadingList

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one article with its tags and highlights.")

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The article: id, id prefix (4+ characters) or URL.")
    var article: String

    @Flag(help: "Include the article's text.")
    var content = false

    func run() throws {
        try runReporting {
            let library = try library.open()
            let found = try library.article(article, includingContent: content)
            if output.json {
                try Console.printJSON(ArticleJSON(found, includingContent: content))
            } else {
                let fetch = try library.lastFetch(of: found.id.description)
                Console.print(ArticleDetail(article: found, fetch: fetch, includingContent: content).render())
            }
        }
    }
}
