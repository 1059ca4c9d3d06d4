import ArgumentParser
import ReadingList

struct HighlightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "highlight",
        abstract: "Highlight quotes in articles, with notes and colours.",
        subcommands: [AddHighlight.self, ListHighlights.self, NoteHighlight.self, DeleteHighlight.self])

    struct AddHighlight: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Highlight a quote of an article's text.",
            discussion: """
                The quote is matched exactly, then ignoring differences of case, spacing, typographic \
                quotes and dashes. A quote that starts with - goes after --: readlist highlight add ID -- "- a list item".
                """)
        @OptionGroup var library: LibraryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The article: id, id prefix or URL.") var article: String
        @Argument(help: "The words to highlight.") var quote: String
        @Option(help: "A note about the quote.") var note: String?
        @Option(help: "yellow, green, blue, pink or purple.") var color: String?

        func run() throws {
            try runReporting {
                let color = try color.map { (text) throws(ReadingListError) in try HighlightColor(parsing: text) }
                let highlight = try library.open().addHighlight(to: article, quote: quote, note: note, color: color)
                if output.json { return try Console.printJSON(HighlightJSON(highlight)) }
                Console.print("Highlighted \(highlight.id.short) in \(highlight.articleID.short): “\(highlight.quote)”")
            }
        }
    }

    struct ListHighlights: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List highlights of one article, or of all.")
        @OptionGroup var library: LibraryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The article (default: every article).") var article: String?

        func run() throws {
            try runReporting {
                let highlights = try library.open().highlights(of: article)
                if output.json { return try Console.printJSON(highlights.map(HighlightJSON.init)) }
                if highlights.isEmpty { return Console.printError("no highlights.") }
                for highlight in highlights {
                    Console.print(Console.dim(highlight.articleID.short) + "  " + HighlightLine(highlight: highlight).render())
                }
            }
        }
    }

    struct NoteHighlight: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "note", abstract: "Set a highlight's note (an empty text clears it).")
        @OptionGroup var library: LibraryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The highlight: id or id prefix.") var highlight: String
        @Argument(help: "The note.") var text: String

        func run() throws {
            try runReporting {
                let updated = try library.open().setHighlightNote(highlight, text)
                if output.json { return try Console.printJSON(HighlightJSON(updated)) }
                Console.print("Noted " + HighlightLine(highlight: updated).render())
            }
        }
    }

    struct DeleteHighlight: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a highlight.")
        @OptionGroup var library: LibraryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The highlight: id or id prefix.") var highlight: String

        func run() throws {
            try runReporting {
                let deleted = try library.open().deleteHighlight(highlight)
                if output.json { return try Console.printJSON(HighlightJSON(deleted)) }
                Console.print("Deleted highlight \(deleted.id.short): “\(deleted.quote)”")
            }
        }
    }
}
