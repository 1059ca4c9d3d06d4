import ArgumentParser
import ReadingList

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Save an article by URL, or from a saved page or text file.",
        discussion: """
            Without --file, the URL is saved with the title given or one derived from the URL. \
            With --file, the headline and text are taken from the file (HTML or plain text); \
            a file saved without a URL is identified by its bytes, so adding it again changes nothing. \
            Saving an article that exists merges: new tags are added and nothing is lost.
            """)

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The article's web address (http or https).")
    var url: String?

    @Option(help: "The title (default: the page's headline, or one derived from the URL).")
    var title: String?

    @Option(name: .customLong("tag"), help: ArgumentHelp("A tag to add (repeatable).", valueName: "tag"))
    var tags: [String] = []

    @Option(help: ArgumentHelp("A saved web page or plain-text article to take the text from.", valueName: "path"))
    var file: String?

    func run() throws {
        try runReporting {
            guard url != nil || file != nil else {
                throw ReadingListError(.invalidInput, "Nothing to save. Give a URL (readlist add https://…) or a file (--file page.html).")
            }
            let library = try library.open()
            let result = try file.map { (file) throws(ReadingListError) in
                try library.saveFile(at: file, url: url, title: title, tags: tags)
            } ?? library.save(ArticleDraft(source: .url(url ?? ""), title: title, tags: tags))
            if output.json { return try Console.printJSON(SaveResultJSON(result)) }
            let article = result.article
            switch result.outcome {
            case .created: Console.print("Saved \(article.id)  \(Console.bold(article.title))")
            case .restored: Console.print("Restored \(article.id)  \(Console.bold(article.title))")
            case .merged: Console.print("Already saved \(article.id)  \(Console.bold(article.title))")
            }
            if !result.addedTags.isEmpty { Console.print("Tagged \(result.addedTags.joined(separator: ", "))") }
        }
    }
}
