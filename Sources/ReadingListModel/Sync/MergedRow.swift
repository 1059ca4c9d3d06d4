/// A row that a merge changed, with whether it existed before and after.
public struct MergedRow: Hashable, Sendable {
    /// What kind of row it is.
    public enum Kind: Hashable, Sendable {
        case article, tag, highlight
        /// The tags of the article `id` changed; `wasAlive` and `isAlive` are the article's
        /// state as the merge saw it.
        case articleTags
    }

    /// The kind.
    public var kind: Kind
    /// The row's id.
    public var id: String
    /// Whether the row existed (was alive) before the merge.
    public var wasAlive: Bool
    /// Whether the row exists after the merge.
    public var isAlive: Bool

    /// Creates a merged row.
    public init(kind: Kind, id: String, wasAlive: Bool, isAlive: Bool) {
        self.kind = kind
        self.id = id
        self.wasAlive = wasAlive
        self.isAlive = isAlive
    }
}
