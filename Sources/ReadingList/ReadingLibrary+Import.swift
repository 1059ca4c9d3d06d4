import Foundation
public import ReadingListImport
public import ReadingListModel
public import ReadingListStorage

extension ReadingLibrary {
    /// Imports another service's export (see ``ImportFormat``), in one transaction.
    ///
    /// - Parameters:
    ///   - path: The file; for `pocket-zip` and `omnivore`, the zip archive or the folder it
    ///     unpacks to.
    ///   - format: The format; `nil` detects it from the file's content, or from the names of
    ///     the files in a zip archive or folder. `pocket-csv` given for a zip archive reads it as
    ///     `pocket-zip`.
    ///   - strict: Refuse the whole import at the first bad record.
    ///   - dryRun: Report what would happen, and change nothing.
    ///   - progress: Called as the file is read (every hundred records and at the end), with
    ///     the share of the file read when the format tells it: by lines, or by bytes for the
    ///     JSON formats (checked whole before the first report). It is called on the thread
    ///     that reads the file, not the caller's (one thread, never after this returns).
    /// - Throws: ``ReadingListError`` `invalidInput` when the file cannot be read, its format is
    ///   not recognised, it holds no records (an HTML file without links, an archive without
    ///   the export's files), or (with `strict`) a record is bad; nothing is written then.
    public func importFile(
        at path: String, format: ImportFormat? = nil, strict: Bool = false, dryRun: Bool = false,
        progress: ((ImportProgress) -> Void)? = nil
    ) throws(ReadingListError) -> ImportSummary {
        let input: ImportInput
        do {
            input = try ImportInput(path: path)
        } catch {
            throw ReadingListError(.invalidInput, "Cannot read \(path): \(error.reason).")
        }
        let names = ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")
        guard var format = format ?? input.detectedFormat else {
            switch input.kind {
            case .file:
                throw ReadingListError(
                    .invalidInput, "Cannot tell the format of \(path) from its content. Give --format (one of: \(names)).")
            case .zipArchive, .folder:
                let what = input.kind == .folder ? "folder" : "zip archive"
                throw ReadingListError(
                    .invalidInput,
                    "Cannot tell the format of the \(what) \(path): it holds neither Pocket's part_000000.csv files nor Omnivore's metadata_0_to_20.json files (it holds \(input.fileListing)). Give --format pocket-zip or --format omnivore, or import the export file inside it.")
            }
        }
        if format == .pocketCSV, input.kind != .file { format = .pocketZip }
        switch (input.kind, format.isArchive) {
        case (.folder, false):
            throw ReadingListError(
                .invalidInput, "Cannot import the folder \(path) as \(format.rawValue): give the export file itself (only pocket-zip and omnivore read folders).")
        case (.file, true):
            throw ReadingListError(
                .invalidInput, "Cannot import \(path) as \(format.rawValue): it is not a zip archive. Give the export's zip archive, or the folder it unpacks to.")
        case (.zipArchive, false):
            throw ReadingListError(
                .invalidInput, "Cannot import the zip archive \(path) as \(format.rawValue): unpack it and import the export file inside (only pocket-zip and omnivore read zip archives).")
        default:
            break
        }
        // The input holds the temporary copy of a pipe, which readers open again later.
        defer { withExtendedLifetime(input) {} }
        let source = input.readablePath
        /// `records`, reporting progress when asked to, the share of the file read by the line
        /// each record starts on.
        func reporting<Records: Sequence<Result<ImportedArticle, ImportProblem>>>(
            _ records: Records
        ) -> ProgressReportingRecords<Records> {
            let lines = progress == nil || input.kind != .file ? nil : Self.countLines(at: source)
            let fraction = lines.map { lines in
                { (_: Records.Iterator, record: Records.Element) in Self.line(of: record).map { Double($0) / Double(lines) } }
            }
            return ProgressReportingRecords(base: records, fraction: fraction, report: progress ?? { _ in })
        }
        /// The records of a JSON file, reporting progress when asked to, the share of the file
        /// read by the bytes the reader has gone through (a JSON export may be one long line).
        func reportingBytes<Record>(_ records: JSONRecordReader<Record>) -> ProgressReportingRecords<JSONRecordReader<Record>> {
            ProgressReportingRecords(base: records, fraction: { iterator, _ in iterator.fractionRead }, report: progress ?? { _ in })
        }
        do {
            switch format {
            case .pocketCSV:
                return try importArticles(reporting(try PocketCSV.records(at: source)), strict: strict, dryRun: dryRun)
            case .instapaperCSV:
                return try importArticles(reporting(try InstapaperCSV.records(at: source)), strict: strict, dryRun: dryRun)
            case .netscapeHTML:
                return try importArticles(reporting(try NetscapeHTML.records(at: source)), strict: strict, dryRun: dryRun)
            case .pocketHTML:
                return try importArticles(reporting(try PocketHTML.records(at: source)), strict: strict, dryRun: dryRun)
            case .pocketZip:
                return try importArticles(reporting(try PocketZip.records(at: source)), strict: strict, dryRun: dryRun)
            case .omnivore:
                return try importArticles(reporting(try OmnivoreExport.records(at: source)), strict: strict, dryRun: dryRun)
            case .readwiseCSV:
                return try importArticles(reporting(try ReadwiseCSV.records(at: source)), strict: strict, dryRun: dryRun)
            case .readwiseReaderCSV:
                return try importArticles(reporting(try ReadwiseReaderCSV.records(at: source)), strict: strict, dryRun: dryRun)
            case .readlistJSON:
                return try importExported(reportingBytes(try ReadlistJSON.records(at: source)), strict: strict, dryRun: dryRun)
            case .wallabagJSON:
                return try importArticles(reportingBytes(try WallabagJSON.records(at: source)), strict: strict, dryRun: dryRun)
            }
        } catch let problem as ImportProblem {
            throw ReadingListError(.invalidInput, "Cannot import \(path) as \(format.rawValue): \(problem).")
        } catch let error as ReadingListError where error.code == .invalidInput && !error.message.contains(path) {
            // A record refused by --strict: name the file too.
            let message = error.message.hasPrefix("Line ") ? "line " + error.message.dropFirst(5) : error.message
            throw ReadingListError(.invalidInput, "Cannot import \(path): \(message)")
        } catch let error as ReadingListError {
            throw error
        } catch {
            throw ReadingListError(.storage, "Cannot import \(path): \(error).")
        }
    }

    /// The line an import record starts on.
    private static func line(of record: Result<ImportedArticle, ImportProblem>) -> Int? {
        switch record {
        case .success(let article): article.line
        case .failure(let problem): problem.line
        }
    }

    /// The number of lines of the file at `path` (line feeds, plus one for a last line without
    /// one), or `nil` when it cannot be read or has a single line.
    private static func countLines(at path: String) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var lines = 0
        var last: UInt8 = 0x0A
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { bytes in
                for byte in bytes where byte == 0x0A { lines += 1 }
            }
            last = chunk.last ?? last
        }
        if last != 0x0A { lines += 1 }
        return lines > 1 ? lines : nil
    }
}
