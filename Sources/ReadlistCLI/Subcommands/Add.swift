import ArgumentParser
import Foundation
import ReadingList

struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Save an article by URL, or from a saved page or text file.",
        discussion: """
            With a URL, the address is saved, then the page is fetched and its article kept: \
            headline, byline, site, date, excerpt and text. If the fetch fails (no network, \
            timeout, 404…), the address stays saved with the error; readlist refetch tries again. \
            --offline saves the address only. \
            With --file, the headline and text are taken from the file (HTML or plain text) and \
            nothing is fetched; a file saved without a URL is identified by its bytes, so adding \
            it again changes nothing. \
            Saving an article that exists merges: new tags are added and nothing is lost.
            """)

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var limits: FetchLimits

    @Flag(help: "Save the address without fetching the page (also: READLIST_OFFLINE=1).")
    var offline = false

    @Argument(help: "The article's web address (http or https).")
    var url: String?

    @Option(help: "The title (default: the page's headline, or one derived from the URL).")
    var title: String?

    @Option(name: .customLong("tag"), help: ArgumentHelp("A tag to add (repeatable).", valueName: "tag"))
    var tags: [String] = []

    @Option(help: ArgumentHelp("A saved web page or plain-text article to take the text from.", valueName: "path"))
    var file: String?

    /// Whether fetching is off, by the flag or the environment.
    private var isOffline: Bool {
        offline || ["1", "true", "yes"].contains(ProcessInfo.processInfo.environment["READLIST_OFFLINE"]?.lowercased() ?? "")
    }

    func run() async throws {
        try await runReportingAsync {
            guard url != nil || file != nil else {
                throw ReadingListError(.invalidInput, "Nothing to save. Give a URL (readlist add https://…) or a file (--file page.html).")
            }
            let library = try library.open()
            let result: WebSaveResult
            if let file {
                result = WebSaveResult(save: try library.saveFile(at: file, url: url, title: title, tags: tags), fetch: nil)
            } else {
                result = try await library.saveWebPage(
                    url ?? "", title: title, tags: tags, fetcher: isOffline ? nil : limits.fetcher)
            }
            if output.json { return try Console.printJSON(SaveResultJSON(result.save, fetch: result.fetch)) }
            let article = result.save.article
            switch result.save.outcome {
            case .created: Console.print("Saved \(article.id)  \(Console.bold(article.title))")
            case .restored: Console.print("Restored \(article.id)  \(Console.bold(article.title))")
            case .merged: Console.print("Already saved \(article.id)  \(Console.bold(article.title))")
            }
            if !result.save.addedTags.isEmpty { Console.print("Tagged \(result.save.addedTags.joined(separator: ", "))") }
            if let fetch = result.fetch { FetchReport.print(fetch, article: article) }
        }
    }
}
