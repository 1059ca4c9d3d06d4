public import Foundation

/// The identity of a highlight: a random UUID chosen when it is created.
public struct HighlightID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The underlying UUID.
    public let uuid: UUID

    /// Wraps a UUID.
    public init(_ uuid: UUID) { self.uuid = uuid }

    /// A new random id.
    public static func random() -> HighlightID { HighlightID(UUID()) }

    /// Parses the textual form of a UUID.
    public init?(_ string: String) {
        guard let uuid = UUID(uuidString: string) else { return nil }
        self.uuid = uuid
    }

    /// The lowercase textual form.
    public var description: String { uuid.lowercaseText }

    /// The first eight characters, for tables.
    public var short: String { String(description.prefix(8)) }

    public static func < (lhs: HighlightID, rhs: HighlightID) -> Bool { lhs.description < rhs.description }
}
