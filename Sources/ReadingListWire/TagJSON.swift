public import ReadingListModel

/// A tag with its use count: `readlist tag list --json`.
public struct TagJSON: Codable, Sendable, Hashable {
    public var name: String
    public var key: String
    public var count: Int

    /// The JSON form of `summary`.
    public init(_ summary: TagSummary) {
        name = summary.name
        key = summary.key
        count = summary.count
    }
}
