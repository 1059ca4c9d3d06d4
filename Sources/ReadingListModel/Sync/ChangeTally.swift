/// Adds up the rows that pages of a sync changed into a ``ChangeSummary``, counting each row
/// once: by whether it existed before the first page that touched it and after the last.
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
            // A change of tags is an update of its article; the article's own existence
            // changes only with its `_alive` (a preview judges pages apart, so the state a
            // tag change sees may predate an earlier page's).
            let key = Key(kind: row.kind == .articleTags ? .article : row.kind, id: row.id)
            if let seen = rows[key] {
                if row.kind != .articleTags { rows[key] = (seen.wasAlive, row.isAlive) }
            } else {
                rows[key] = (row.wasAlive, row.isAlive)
            }
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
            case .article, .articleTags: count(&summary.articles)
            case .tag: count(&summary.tags)
            case .highlight: count(&summary.highlights)
            }
        }
        return summary
    }
}
