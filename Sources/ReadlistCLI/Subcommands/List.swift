import ArgumentParser
import ReadingList

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List articles (by default: unread and not archived, newest first).")

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Read articles (not archived).") var read = false
    @Flag(help: "Archived articles.") var archived = false
    @Flag(help: "Favourite articles.") var favorites = false
    @Flag(help: "Every article.") var all = false

    @Option(name: .customLong("tag"), help: ArgumentHelp("Only articles with this tag (repeatable; all must match).", valueName: "tag"))
    var tags: [String] = []

    @Option(help: "Order: added (newest first), title, site, length.")
    var sort: SortOrder = .added

    @Option(help: "At most this many articles.")
    var limit: Int?

    func validate() throws {
        if [read, archived, favorites, all].filter({ $0 }).count > 1 {
            throw ValidationError("Choose one of --read, --archived, --favorites, --all.")
        }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more, not \(limit).") }
    }

    func run() throws {
        try runReporting {
            let state: ArticleQuery.State = all ? .all : read ? .read : archived ? .archived : favorites ? .favorites : .unread
            let articles = try library.open().articles(ArticleQuery(state: state, tags: tags, sort: sort.order, limit: limit))
            if output.json {
                try Console.printJSON(articles.map { ArticleJSON($0) })
            } else if articles.isEmpty {
                Console.printError("no \(state == .all ? "" : state.rawValue + " ")articles\(tags.isEmpty ? "" : " tagged " + tags.joined(separator: ", ")).")
            } else {
                Console.print(ArticleTable(articles: articles, width: Console.width).render())
            }
        }
    }
}

/// `--sort` values.
enum SortOrder: String, ExpressibleByArgument, CaseIterable {
    case added, title, site, length

    var order: ArticleQuery.Sort {
        switch self {
        case .added: .added
        case .title: .title
        case .site: .site
        case .length: .length
        }
    }
}
