import ArgumentParser
import ReadingList

struct Refetch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refetch",
        abstract: "Fetch a saved article's page again, or every page not fetched yet.",
        discussion: """
            On success the page's text and details replace the stored ones (the title only when \
            it was derived from the address) and highlights are found again in the new text; a \
            highlight whose quote is gone is kept and shown as orphaned. On failure nothing \
            changes but the recorded error. --missing fetches every article that has an address \
            and no text yet (saved offline, imported as links, or failed before), 4 at a time. \
            The exit status is 1 when a fetch failed.
            """)

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The article: id, id prefix (4+ characters) or URL.")
    var article: String?

    @Flag(help: "Fetch every article with an address and no text yet.")
    var missing = false

    @OptionGroup var limits: FetchLimits

    mutating func validate() throws {
        guard (article != nil) != missing else {
            throw ValidationError("Name one article to fetch again, or give --missing for every article without text.")
        }
    }

    func run() async throws {
        try await runReportingAsync {
            let library = try library.open()
            let results: [RefetchResult]
            if let article {
                results = [try await library.refetch(article, fetcher: limits.fetcher)]
                if output.json {
                    try Console.printJSON(RefetchResultJSON(results[0]))
                } else {
                    Self.report(results[0])
                }
            } else {
                let json = output.json
                results = try await library.fetchArticlesWithoutText(fetcher: limits.fetcher) { result in
                    if !json { Self.reportLine(result) }
                }
                if json {
                    try Console.printJSON(results.map(RefetchResultJSON.init))
                } else {
                    let failed = results.count { !$0.fetch.succeeded }
                    Console.print(results.isEmpty ? "Every article with an address has its text."
                        : "Fetched \(results.count - failed) of \(pluralized(results.count, "page"))"
                            + (failed > 0 ? "; \(failed) failed (readlist refetch --missing tries them again)" : ""))
                }
            }
            if results.contains(where: { !$0.fetch.succeeded }) { throw ExitCode(1) }
        }
    }

    /// What one refetch did, in full.
    private static func report(_ result: RefetchResult) {
        let article = result.update.article
        guard result.fetch.succeeded else {
            Console.printError("\(result.fetch.error ?? "The fetch failed.")\nArticle \(article.id.short) is unchanged.")
            return
        }
        Console.print("Refetched \(article.id.short)  \(Console.bold(article.title))")
        Console.print("Fetched \(result.fetch.resolvedURL ?? result.fetch.requestedURL)  \(FetchReport.summary(result.fetch, article: article))"
            + (result.update.contentReplaced ? "" : "; the text is unchanged"))
        if result.update.anchoredHighlights + result.update.orphanedHighlights > 0 {
            Console.print("Highlights: \(result.update.anchoredHighlights) found in the new text"
                + (result.update.orphanedHighlights > 0 ? ", \(result.update.orphanedHighlights) orphaned (kept; their quote is gone)" : ""))
        }
    }

    /// One line per article, for --missing.
    private static func reportLine(_ result: RefetchResult) {
        let article = result.update.article
        if let error = result.fetch.error {
            Console.print("failed   \(article.id.short)  \(article.title): \(error)")
        } else {
            Console.print("fetched  \(article.id.short)  \(Console.bold(article.title))  \(FetchReport.summary(result.fetch, article: article))")
        }
    }
}
