public import Foundation

/// An export held in memory (``ArticleExporter/export(_:as:)``): one document (json, html,
/// csv) or one file per article (markdown), and how many articles it holds and left out.
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
}
