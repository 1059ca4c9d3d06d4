public import ReadingListModel

/// `readlist import --json`: what an import did. Schema: `Protocol/schemas/v1/import-result.schema.json`.
public struct ImportSummaryJSON: Codable, Sendable, Hashable {
    /// A skipped record.
    public struct Skipped: Codable, Sendable, Hashable {
        /// The line the record starts on; 0 when the format has no lines to speak of.
        public var line: Int
        public var reason: String
        /// The file inside a zip archive or folder the record is in; absent for one file.
        public var file: String?
    }

    public var dryRun: Bool
    public var imported: Int
    public var merged: Int
    public var unchanged: Int
    /// Highlights added.
    public var highlights: Int
    public var skippedCount: Int
    /// The first skipped records, with lines and reasons.
    public var skipped: [Skipped]
    /// Records left out on purpose, which are not problems (items deleted in Omnivore).
    public var ignored: Int

    /// The JSON form of `summary`.
    public init(_ summary: ImportSummary, dryRun: Bool) {
        self.dryRun = dryRun
        imported = summary.imported
        merged = summary.merged
        unchanged = summary.unchanged
        highlights = summary.highlights
        skippedCount = summary.skippedCount
        skipped = summary.skipped.map { Skipped(line: $0.line, reason: $0.reason, file: $0.file) }
        ignored = summary.ignored
    }

    private enum CodingKeys: String, CodingKey {
        case dryRun, imported, merged, unchanged, highlights, skippedCount, skipped, ignored
    }

    /// Reads a summary; one printed before `ignored` existed has none (0).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        dryRun = try container.decode(Bool.self, forKey: .dryRun)
        imported = try container.decode(Int.self, forKey: .imported)
        merged = try container.decode(Int.self, forKey: .merged)
        unchanged = try container.decode(Int.self, forKey: .unchanged)
        highlights = try container.decode(Int.self, forKey: .highlights)
        skippedCount = try container.decode(Int.self, forKey: .skippedCount)
        skipped = try container.decode([Skipped].self, forKey: .skipped)
        ignored = try container.decodeIfPresent(Int.self, forKey: .ignored) ?? 0
    }
}
