/// What an import did (or, in a dry run, would do).
public struct ImportSummary: Sendable, Hashable {
    /// Articles that were not in the library.
    public var imported: Int
    /// Articles already in the library that the import changed (tags added, an earlier save
    /// time, read or archived state).
    public var merged: Int
    /// Articles already in the library with nothing to change: importing a file again changes
    /// nothing.
    public var unchanged: Int
    /// Highlights added to articles (new or already here).
    public var highlights: Int
    /// Records skipped, with their lines and reasons (the first thousand).
    public var skipped: [ImportProblem]
    /// How many records were skipped in all.
    public var skippedCount: Int
    /// Records left out on purpose, which are not problems (``ImportProblem/isIgnored``): items
    /// deleted in Omnivore, Readwise Reader's feed items.
    public var ignored: Int

    /// Creates a summary.
    public init(
        imported: Int = 0, merged: Int = 0, unchanged: Int = 0, highlights: Int = 0, skipped: [ImportProblem] = [],
        skippedCount: Int? = nil, ignored: Int = 0
    ) {
        self.imported = imported
        self.merged = merged
        self.unchanged = unchanged
        self.highlights = highlights
        self.skipped = skipped
        self.skippedCount = skippedCount ?? skipped.count
        self.ignored = ignored
    }
}
