import ArgumentParser
import ReadingList

struct Unfavorite: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unfavorite", abstract: "Remove an article from favourites.")

    @OptionGroup var arguments: ArticleArguments

    func run() throws {
        try arguments.apply("Unfavorited") { (library, reference) throws(ReadingListError) in try library.setFavorite(reference, false) }
    }
}
