/// A tag and how many saved articles carry it.
public struct TagSummary: Sendable, Hashable {
    /// The name as the user spelled it.
    public var name: String
    /// The identity key (case-folded).
    public var key: String
    /// Articles (not deleted) with this tag.
    public var count: Int

    /// Creates a summary.
    public init(name: String, key: String, count: Int) {
        self.name = name
        self.key = key
        self.count = count
    }
}
