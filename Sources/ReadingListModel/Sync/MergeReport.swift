/// What applying a page of changes did.
public struct MergeReport: Hashable, Sendable {
    /// Field changes that won and were written.
    public var applied: Int
    /// Field changes that lost to the value already stored (or were already there).
    public var ignored: Int
    /// The rows people see that changed (a tally of several pages: ``ChangeTally``).
    public var rows: [MergedRow]

    /// Creates a report.
    public init(applied: Int = 0, ignored: Int = 0, rows: [MergedRow] = []) {
        self.applied = applied
        self.ignored = ignored
        self.rows = rows
    }
}
