import ArgumentParser
import ReadingList

struct Progress: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "progress", abstract: "Record how far you read an article, in percent (0–100, decimals allowed).")

    @OptionGroup var arguments: ArticleArguments

    @Argument(help: "Percent read, e.g. 40 or 62.5.")
    var percent: String

    func run() throws {
        try runReporting {
            let progress = try ReadingProgress(parsingPercent: percent)
            try arguments.apply("Progress \(progress) on") { (library, reference) throws(ReadingListError) in
                try library.setProgress(reference, progress)
            }
        }
    }
}
