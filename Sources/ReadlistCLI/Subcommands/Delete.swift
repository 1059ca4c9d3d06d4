import ArgumentParser
import ReadingList

struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete an article.",
        discussion: "Its tags and highlights are kept hidden: saving the same URL again brings them back.")

    @OptionGroup var arguments: ArticleArguments

    func run() throws {
        try arguments.apply("Deleted") { (library, reference) throws(ReadingListError) in try library.delete(reference) }
    }
}
