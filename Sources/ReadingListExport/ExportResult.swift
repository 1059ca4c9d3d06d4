public import Foundation
public import ReadingListModel

/// What an export made: one document (json, html, csv) or one file per article (markdown), and
/// how many articles it holds and left out.
public struct ExportResult: Sendable, Hashable {
    /// The export's bytes.
    public enum Output: Sendable, Hashable {
        /// One document.
        case document(Data)
        /// Files for one folder, sorted by name.
        case files([ExportedFile])
    }

    /// The format.
    public var format: ExportFormat
    /// The document or the files.
    public var output: Output
    /// How many articles the export holds.
    public var exportedCount: Int
    /// How many articles were left out because they were saved from a file without a URL and
    /// the format needs one (html, csv).
    public var withoutURLCount: Int

    /// Creates a result.
    public init(format: ExportFormat, output: Output, exportedCount: Int, withoutURLCount: Int = 0) {
        self.format = format
        self.output = output
        self.exportedCount = exportedCount
        self.withoutURLCount = withoutURLCount
    }

    /// Writes the export to `path`: a document to that file, atomically (a reader sees the old
    /// file or the new one, never a part); files into that folder, creating it if missing, each
    /// written atomically and replacing a file of the same name (notes of an earlier export of
    /// the same articles). Other files in the folder are left alone.
    ///
    /// - Throws: ``ReadingListError`` `invalidInput` naming the path and the fix when it cannot
    ///   be written.
    public func write(to path: String) throws(ReadingListError) {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        switch output {
        case .document(let data):
            if exists, isDirectory.boolValue {
                throw ReadingListError(
                    .invalidInput, "Cannot write the \(format) export to \(path): it is a folder. Give a file path, e.g. --output library.\(format.fileExtension).")
            }
            do {
                try data.write(to: url, options: .atomic)
            } catch {
                throw ReadingListError(
                    .invalidInput, "Cannot write \(path): \(error.localizedDescription). Check the folder exists and is writable.")
            }
        case .files(let files):
            if exists, !isDirectory.boolValue {
                throw ReadingListError(
                    .invalidInput, "Cannot write \(format) notes into \(path): it is a file, not a folder. Give a folder path (it is created if missing).")
            }
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw ReadingListError(
                    .invalidInput, "Cannot create the folder \(path): \(error.localizedDescription). Check the path and its permissions.")
            }
            for file in files {
                let fileURL = url.appendingPathComponent(file.name)
                do {
                    try file.contents.write(to: fileURL, options: .atomic)
                } catch {
                    throw ReadingListError(
                        .invalidInput, "Cannot write \(fileURL.path): \(error.localizedDescription). Check the folder is writable.")
                }
            }
        }
    }
}
