import ArgumentParser
import ReadingList

struct Refetch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refetch",
        abstract: "Fetch a saved article's page again.",
        discussion: """
            On success the page's text and details replace the stored ones (a title you chose is \
            kept) and highlights are found again in the new text; a highlight whose quote is gone \
            is kept and shown as orphaned. On failure nothing changes but the recorded error, and \
            the exit status is 1.
            """)

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The article: id, id prefix (4+ characters) or URL.")
    var article: String

    @OptionGroup var limits: FetchLimits

    func run() async throws {
        try await runReportingAsync {
            let result = try await library.open().refetch(article, fetcher: limits.fetcher)
            if output.json {
                try Console.printJSON(RefetchResultJSON(result))
            } else {
                let article = result.update.article
                if result.fetch.succeeded {
                    Console.print("Refetched \(article.id.short)  \(Console.bold(article.title))")
                    Console.print("Fetched \(result.fetch.resolvedURL ?? result.fetch.requestedURL)  \(FetchReport.summary(result.fetch, article: article))"
                        + (result.update.contentReplaced ? "" : "; the text is unchanged"))
                    let highlights = result.update.anchoredHighlights + result.update.orphanedHighlights
                    if highlights > 0 {
                        Console.print("Highlights: \(result.update.anchoredHighlights) found in the new text"
                            + (result.update.orphanedHighlights > 0 ? ", \(result.update.orphanedHighlights) orphaned (kept; their quote is gone)" : ""))
                    }
                } else {
                    Console.printError("\(result.fetch.error ?? "The fetch failed.")\nArticle \(article.id.short) is unchanged.")
                }
            }
            if !result.fetch.succeeded { throw ExitCode(1) }
        }
    }
}
