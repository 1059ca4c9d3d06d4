import ArgumentParser
import Foundation
import ReadingList

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the whole library.",
        discussion: "json: every article with its text, tags, states and highlights (Protocol/schemas/v1/export.schema.json). Equal libraries export byte-identical files.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json
    }

    @OptionGroup var library: LibraryOptions

    @Option(help: "The format: json.") var format: Format = .json
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path")) var output: String?

    func run() throws {
        try runReporting {
            let data = try WireJSON.encode(LibraryExport(articles: try library.open().exportArticles()))
            guard let output else { return FileHandle.standardOutput.write(data) }
            do {
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw ReadingListError(.invalidInput, "Cannot write \(output): \(error.localizedDescription). Check the folder exists and is writable.")
            }
            Console.printError("exported to \(output)")
        }
    }
}
