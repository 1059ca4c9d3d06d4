/// Adds up the rows that pages of a sync changed into a ``ChangeSummary``, counting each row
/// once: by whether it existed before the first page that touched it, and after the last page
/// that wrote its existence. (A dry run judges pages apart, so a later page may see a row as
/// missing that an earlier page created; only `_alive` decides existence.)
public struct ChangeTally: Sendable {
    private struct Key: Hashable {
        var kind: MergedRow.Kind
        var id: String
    }

    private var rows: [Key: (wasAlive: Bool, isAlive: Bool)] = [:]

    /// An empty tally.
    public init() {}

    /// Records the rows one page changed.
    public mutating func record(_ merged: [MergedRow]) {
        for row in merged {
            let key = Key(kind: row.kind, id: row.id)
            let seen = rows[key]
            rows[key] = (seen?.wasAlive ?? row.wasAlive, row.isAlive ?? seen?.isAlive ?? row.wasAlive)
        }
    }

    /// The rows recorded so far, added up.
    public var summary: ChangeSummary {
        var summary = ChangeSummary()
        for (key, states) in rows {
            func count(_ counts: inout ChangeSummary.Counts) {
                switch (states.wasAlive, states.isAlive) {
                case (false, true): counts.added += 1
                case (true, true): counts.updated += 1
                case (true, false): counts.deleted += 1
                case (false, false): break
                }
            }
            switch key.kind {
            case .article: count(&summary.articles)
            case .tag: count(&summary.tags)
            case .highlight: count(&summary.highlights)
            }
        }
        return summary
    }
}
