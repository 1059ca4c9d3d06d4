import ArgumentParser
import ReadingList

struct Unread: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unread", abstract: "Mark an article unread.")

    @OptionGroup var arguments: ArticleArguments

    func run() throws {
        try arguments.apply("Marked unread") { (library, reference) throws(ReadingListError) in try library.setRead(reference, false) }
    }
}
