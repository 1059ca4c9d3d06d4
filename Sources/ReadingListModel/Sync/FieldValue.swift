/// The value of one synced field, as it travels between replicas.
public enum FieldValue: Hashable, Sendable {
    /// No value.
    case null
    /// A boolean (`_alive`, `archived`, `favorite`).
    case bool(Bool)
    /// An integer (times in Unix milliseconds, counts, offsets, basis points).
    case integer(Int64)
    /// Text.
    case text(String)
}
