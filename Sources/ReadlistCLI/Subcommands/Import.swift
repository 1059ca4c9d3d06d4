import ArgumentParser
import ReadingList

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import another reading list's export file.",
        discussion: """
            Formats: pocket-csv (Pocket's CSV export, both header variants), instapaper-csv \
            (Instapaper's CSV export, old and new headers), readlist-json (readlist's own export, \
            imported losslessly), netscape-html (bookmark files exported by browsers, Pinboard, \
            Shaarli, Raindrop, linkding or Karakeep: folders become tags, TOREAD="1" is unread and, \
            when any bookmark has TOREAD, the others are read), pocket-html (Pocket's legacy \
            ril_export.html: "Read Archive" is read and archived). The format is \
            detected from the file unless --format is given. Articles already here are merged: \
            tags added, the earliest save time kept, read and archived states never undone. \
            Importing the same file again changes nothing. Bad records are reported with their \
            line and skipped; with --strict the whole import is refused instead.
            """)

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The export file.") var file: String
    @Option(help: ArgumentHelp("The file's format (detected when left out): pocket-csv, instapaper-csv, readlist-json, netscape-html, pocket-html.", valueName: "format"))
    var format: String?
    @Flag(help: "Refuse the whole import if any record is bad.") var strict = false
    @Flag(help: "Report what would be imported, and change nothing.") var dryRun = false

    func validate() throws {
        if let format, ImportFormat(rawValue: format) == nil {
            throw ValidationError("Unknown format \"\(format)\"; use one of: \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    func run() throws {
        try runReporting {
            let line = ProgressLine()
            let summary = try library.open().importFile(
                at: file, format: format.flatMap(ImportFormat.init(rawValue:)), strict: strict, dryRun: dryRun,
                progress: ProgressLine.isAvailable ? { line.show(ProgressLine.describe($0)) } : nil)
            line.finish()
            if output.json { return try Console.printJSON(ImportSummaryJSON(summary, dryRun: dryRun)) }
            let verb = dryRun ? "Would import" : "Imported"
            let highlights = summary.highlights > 0 ? ", added \(pluralized(summary.highlights, "highlight"))" : ""
            Console.print(
                "\(verb) \(pluralized(summary.imported, "new article")), merged \(summary.merged), \(summary.unchanged) unchanged, skipped \(summary.skippedCount)\(highlights)")
            for problem in summary.skipped { Console.printError("skipped \(problem)") }
            if summary.skippedCount > summary.skipped.count {
                Console.printError("and \(summary.skippedCount - summary.skipped.count) more skipped records")
            }
        }
    }
}
