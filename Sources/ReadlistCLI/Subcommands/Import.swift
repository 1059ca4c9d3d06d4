import ArgumentParser
import ReadingList

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import another reading list's export file.",
        discussion: """
            Formats: pocket-csv (Pocket's CSV export, both header variants), instapaper-csv \
            (Instapaper's CSV export, old and new headers), readlist-json (readlist's own export, \
            imported losslessly), netscape-html (bookmark files exported by browsers, Pinboard, \
            Shaarli, Raindrop, linkding or Karakeep: folders become tags, TOREAD="1" is unread and, \
            when any bookmark has TOREAD, the others are read), pocket-html (Pocket's legacy \
            ril_export.html: "Read Archive" is read and archived), pocket-zip (Pocket's 2025 \
            pocket.zip of part_000000.csv, … files, or the folder it unpacks to; the highlights of \
            its annotations files go to the articles of their URLs), omnivore \
            (Omnivore's export zip or folder: labels become tags, Archived is read and archived, \
            reading progress is kept, content/ gives the text and highlights/ the highlights; \
            deleted items are left out and counted as ignored, which --strict accepts), \
            readwise-csv (Readwise's highlights export: each highlight goes to its article by URL, \
            or to its book, saved without a URL), readwise-reader-csv (Readwise Reader's \
            documents export: archive is read and archived, shortlist a favourite, feed items \
            are left out and counted as ignored), wallabag-json (wallabag's v2 JSON export: archived is read and \
            archived, starred is a favourite, the HTML content becomes the text, and annotations \
            become highlights with their notes). JSON files are read in chunks, so any size fits \
            in memory. The format is detected from the file, or from the names of the files \
            in a zip archive or folder, unless --format is given. Articles already here are merged: \
            tags added, the earliest save time kept, read and archived states never undone. \
            Imported highlights are anchored in the article's text when it holds them, and kept \
            orphaned otherwise. Importing the same file again changes nothing. Bad records are \
            reported with their line (and file, in an archive) and skipped; with --strict the \
            whole import is refused instead.
            """)

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The export file (a zip archive or a folder for pocket-zip and omnivore).") var file: String
    @Option(help: ArgumentHelp("The file's format (detected when left out): \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
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
            defer { line.finish() }
            let summary = try library.open().importFile(
                at: file, format: format.flatMap(ImportFormat.init(rawValue:)), strict: strict, dryRun: dryRun,
                progress: ProgressLine.isAvailable ? { line.show(ProgressLine.describe($0)) } : nil)
            line.finish()
            if output.json { return try Console.printJSON(ImportSummaryJSON(summary, dryRun: dryRun)) }
            let verb = dryRun ? "Would import" : "Imported"
            let ignored = summary.ignored > 0 ? ", ignored \(summary.ignored)" : ""
            let highlights = summary.highlights > 0 ? ", added \(pluralized(summary.highlights, "highlight"))" : ""
            Console.print(
                "\(verb) \(pluralized(summary.imported, "new article")), merged \(summary.merged), \(summary.unchanged) unchanged, skipped \(summary.skippedCount)\(ignored)\(highlights)")
            for problem in summary.skipped { Console.printError("skipped \(problem)") }
            if summary.skippedCount > summary.skipped.count {
                Console.printError("and \(summary.skippedCount - summary.skipped.count) more skipped records")
            }
        }
    }
}
