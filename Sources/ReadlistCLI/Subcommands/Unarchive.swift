import ArgumentParser
import ReadingList

struct Unarchive: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unarchive", abstract: "Move an article out of the archive.")

    @OptionGroup var arguments: ArticleArguments

    func run() throws {
        try arguments.apply("Unarchived") { (library, reference) throws(ReadingListError) in try library.setArchived(reference, false) }
    }
}
