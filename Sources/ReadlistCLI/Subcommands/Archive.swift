import ArgumentParser
import ReadingList

struct Archive: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "archive", abstract: "Archive an article.")

    @OptionGroup var arguments: ArticleArguments

    func run() throws {
        try arguments.apply("Archived") { (library, reference) throws(ReadingListError) in try library.setArchived(reference, true) }
    }
}
