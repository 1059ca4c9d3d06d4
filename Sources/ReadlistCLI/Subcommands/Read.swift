import ArgumentParser
import ReadingList

struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "read", abstract: "Mark an article read.")

    @OptionGroup var arguments: ArticleArguments

    func run() throws {
        try arguments.apply("Marked read") { (library, reference) throws(ReadingListError) in try library.setRead(reference, true) }
    }
}
