import ArgumentParser
import Foundation
import ReadingList

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
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
            var draft = ArticleDraft(source: .url(url ?? ""), title: title, tags: tags)
            if let file {
                let data: Data
                do {
                    data = try Data(contentsOf: URL(fileURLWithPath: file))
                } catch {
                    throw ReadingListError(.invalidInput, "Cannot read \(file): \(Self.reason(error)). Check the path.")
                }
                let extracted = try ArticleExtractor.extract(fileContents: data, fileName: file)
                draft = ArticleDraft(
                    source: url.map { .url($0) } ?? .fileContents(data), title: title ?? extracted.title,
                    byline: extracted.byline, siteName: extracted.siteName, excerpt: extracted.excerpt,
                    content: extracted.text, language: extracted.language, publishedAt: extracted.publishedAt,
                    tags: tags)
            }
            let result = try library.open().save(draft)
            if output.json {
                try Console.printJSON(SaveResultJSON(result))
                return
            }
            let article = result.article
            switch result.outcome {
            case .created: Console.print("Saved \(article.id)  \(Console.bold(article.title))")
            case .restored: Console.print("Restored \(article.id)  \(Console.bold(article.title))")
            case .merged:
                Console.print("Already saved \(article.id)  \(Console.bold(article.title))")
            }
            if !result.addedTags.isEmpty { Console.print("Tagged \(result.addedTags.joined(separator: ", "))") }
        }
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if nsError.code == NSFileReadNoSuchFileError || nsError.code == 260 { return "no such file" }
        if nsError.code == NSFileReadNoPermissionError || nsError.code == 257 { return "permission denied" }
        return nsError.localizedDescription
    }
}
