/// A page of a replica's change feed: the current value of every field that changed after a
/// sequence number, bounded in size.
public struct ChangePage: Hashable, Sendable {
    /// The field changes, in feed order.
    public var changes: [FieldChange]
    /// The feed position this page starts after.
    public var afterSequence: Int64
    /// The feed position this page covers up to (inclusive); the next page starts after it.
    public var toSequence: Int64
    /// Whether the feed has entries after `toSequence`.
    public var hasMore: Bool
    /// The last sequence of the sender's feed when the page was read, when known: how far
    /// the pull has to go (for progress).
    public var feedEnd: Int64?

    /// Creates a page.
    public init(changes: [FieldChange], afterSequence: Int64, toSequence: Int64, hasMore: Bool, feedEnd: Int64? = nil) {
        self.changes = changes
        self.afterSequence = afterSequence
        self.toSequence = toSequence
        self.hasMore = hasMore
        self.feedEnd = feedEnd
    }
}
