/// A row that a merge changed: whether it existed before, and after if the merge wrote its
/// existence.
public struct MergedRow: Hashable, Sendable {
    /// What kind of row it is.
    public enum Kind: Hashable, Sendable {
        /// An article; a change of its tags is reported as its article.
        case article
        case tag
        case highlight
    }

    /// The kind.
    public var kind: Kind
    /// The row's id.
    public var id: String
    /// Whether the row existed (was alive) as the merge saw it.
    public var wasAlive: Bool
    /// Whether the row exists after the merge, when the merge wrote its existence (`_alive`);
    /// `nil` when it did not, and the row exists as it did.
    public var isAlive: Bool?

    /// Creates a merged row.
    public init(kind: Kind, id: String, wasAlive: Bool, isAlive: Bool?) {
        self.kind = kind
        self.id = id
        self.wasAlive = wasAlive
        self.isAlive = isAlive
    }
}
