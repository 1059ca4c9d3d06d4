/// The current value of one field of one row, with its stamp: the unit replicas exchange.
public struct FieldChange: Hashable, Sendable {
    /// The entity: `article`, `tag`, `articleTag` or `highlight` (SPEC.md §3.1).
    public var entity: String
    /// The row's key: one id, or `[articleId, tagId]` for `articleTag`.
    public var key: [String]
    /// The field's name, e.g. `title` or `_alive`.
    public var field: String
    /// The value.
    public var value: FieldValue
    /// When and where it was written.
    public var stamp: ChangeStamp

    /// Creates a change.
    public init(entity: String, key: [String], field: String, value: FieldValue, stamp: ChangeStamp) {
        self.entity = entity
        self.key = key
        self.field = field
        self.value = value
        self.stamp = stamp
    }
}
