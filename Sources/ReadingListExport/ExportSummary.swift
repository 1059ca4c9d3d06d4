/// What an export wrote: how many articles it holds, and how many it left out.
public struct ExportSummary: Sendable, Hashable {
    /// The format.
    public var format: ExportFormat
    /// How many articles the export holds.
    public var exportedCount: Int
    /// How many articles were left out because they were saved from a file without a URL and
    /// the format needs one (html, csv).
    public var withoutURLCount: Int

    /// Creates a summary.
    public init(format: ExportFormat, exportedCount: Int = 0, withoutURLCount: Int = 0) {
        self.format = format
        self.exportedCount = exportedCount
        self.withoutURLCount = withoutURLCount
    }
}
