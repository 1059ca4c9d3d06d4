import ArgumentParser
import Foundation
import ReadingList

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the library, or the articles with given tags.",
        discussion: """
            json: every article with its text, tags, states and highlights \
            (Protocol/schemas/v1/export.schema.json), listed by id; 'readlist import' reads it back losslessly.

            html: a Netscape bookmark file, which browsers, Pinboard, linkding, Karakeep, Wallabag \
            and Shiori import: URL, title, save time, tags (a comma in a tag name becomes a space), \
            TOREAD="1" when unread, ARCHIVED="1" and FAVORITE="1", the excerpt.

            csv: Pocket's CSV, title,url,time_added,tags,status; status is unread, or archive for an \
            article read or archived (Pocket has only these two); 'readlist import' reads it back.

            markdown: one note per article into the folder given with --output (created if \
            missing): YAML front matter, the excerpt, the text and the highlights. A note is named \
            <title-slug>-<start of id>.md, so exporting again replaces the same notes.

            Articles saved from a file have no URL: html and csv leave them out and say how many. \
            html and csv list articles newest first. Equal libraries export byte-identical files \
            (Protocol/SPEC.md §5).
            """)

    @OptionGroup var library: LibraryOptions

    @Option(
        help: ArgumentHelp("The format: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"),
        completion: .list(ExportFormat.allCases.map(\.rawValue)))
    var format: String = ExportFormat.json.rawValue

    @Option(name: .customLong("tag"), help: ArgumentHelp("Only articles with this tag (repeatable; all must match).", valueName: "tag"))
    var tags: [String] = []

    @Option(help: ArgumentHelp(
        "Write to this file instead of standard output (for markdown: into this folder, which is required).", valueName: "path"))
    var output: String?

    /// The format, once `validate()` has passed.
    var exportFormat: ExportFormat { ExportFormat(rawValue: format) ?? .json }

    func validate() throws {
        guard let format = ExportFormat(rawValue: format) else {
            throw ValidationError(
                "Unknown format \"\(format)\"; use one of: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if format.writesFolder, output == nil {
            throw ValidationError(
                "--format \(format) writes one file per article into a folder: give it with --output, e.g. --output notes (created if missing).")
        }
    }

    func run() throws {
        try runReporting {
            let format = exportFormat
            let export = try library.open().export(as: format, tagged: tags, to: output.map(ExportDestination.path) ?? .standardOutput)
            if export.exportedCount + export.withoutURLCount == 0, !tags.isEmpty {
                Console.printError("no articles tagged \(tags.joined(separator: " and ")); the export is empty.")
            }
            if export.withoutURLCount > 0 {
                let count = export.withoutURLCount == 1
                    ? "1 article saved from a file has no URL and is" : "\(export.withoutURLCount) articles saved from files have no URL and are"
                Console.printError("\(count) not in the \(format) export (json and markdown keep them).")
            }
            if let output { Console.printError("exported \(pluralized(export.exportedCount, "article")) to \(output)") }
        }
    }
}
