/// How far an import has read its file.
public struct ImportProgress: Sendable, Hashable {
    /// Records read so far (articles and skipped records).
    public var records: Int
    /// The share of the file read, from 0 to 1, when the format tells it (by lines, or by bytes
    /// for JSON files).
    public var fraction: Double?

    /// Creates a progress report.
    public init(records: Int, fraction: Double? = nil) {
        self.records = records
        self.fraction = fraction
    }
}
