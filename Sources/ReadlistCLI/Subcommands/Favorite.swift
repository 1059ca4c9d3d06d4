import ArgumentParser
import ReadingList

struct Favorite: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "favorite", abstract: "Mark an article as a favourite.")

    @OptionGroup var arguments: ArticleArguments

    func run() throws {
        try arguments.apply("Favorited") { (library, reference) throws(ReadingListError) in try library.setFavorite(reference, true) }
    }
}
