import Foundation
public import ReadingListImport
public import ReadingListModel
public import ReadingListStorage
import ReadingListWire

extension ReadingLibrary {
    /// Imports another service's export file (see ``ImportFormat``), in one transaction.
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - format: The format; `nil` detects it from the file's content.
    ///   - strict: Refuse the whole import at the first bad record.
    ///   - dryRun: Report what would happen, and change nothing.
    ///   - progress: Called as the file is read (every hundred records and at the end), on the
    ///     calling thread.
    /// - Throws: ``ReadingListError`` `invalidInput` when the file cannot be read, its format is
    ///   not recognised, it holds no records (an HTML file without links), or (with `strict`) a
    ///   record is bad; nothing is written then.
    public func importFile(
        at path: String, format: ImportFormat? = nil, strict: Bool = false, dryRun: Bool = false,
        progress: ((ImportProgress) -> Void)? = nil
    ) throws(ReadingListError) -> ImportSummary {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReadingListError(.invalidInput, "Cannot read \(path): no such file, or permission denied. Check the path.")
        }
        let head = (try? handle.read(upToCount: 4_096)) ?? Data()
        try? handle.close()
        guard let format = format ?? ImportFormat.detect(head) else {
            let names = ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw ReadingListError(
                .invalidInput, "Cannot tell the format of \(path) from its content. Give --format (one of: \(names)).")
        }
        let lines = progress == nil ? nil : ProgressReportingRecords<[Int]>.countLines(at: path)
        /// `records`, reporting progress when asked to.
        func reporting<Records: Sequence<Result<ImportedArticle, ImportProblem>>>(
            _ records: Records
        ) -> ProgressReportingRecords<Records> {
            ProgressReportingRecords(base: records, lines: lines, line: Self.line(of:), report: progress ?? { _ in })
        }
        do {
            switch format {
            case .pocketCSV:
                return try importArticles(reporting(try PocketCSV.records(at: path)), strict: strict, dryRun: dryRun)
            case .instapaperCSV:
                return try importArticles(reporting(try InstapaperCSV.records(at: path)), strict: strict, dryRun: dryRun)
            case .netscapeHTML:
                return try importArticles(reporting(try NetscapeHTML.records(at: path)), strict: strict, dryRun: dryRun)
            case .pocketHTML:
                return try importArticles(reporting(try PocketHTML.records(at: path)), strict: strict, dryRun: dryRun)
            case .readlistJSON:
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                return try importExported(try LibraryExport.decode(data).records(), strict: strict, dryRun: dryRun)
            }
        } catch let problem as ImportProblem {
            throw ReadingListError(.invalidInput, "Cannot import \(path) as \(format.rawValue): \(problem).")
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
}
