public import Foundation

/// The identity of an article: a UUID derived from its canonical URL, or from the bytes of a
/// local file saved without a URL. The same page saved twice, or on two replicas, has one id.
public struct ArticleID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The underlying UUID.
    public let uuid: UUID

    /// Wraps a UUID.
    public init(_ uuid: UUID) { self.uuid = uuid }

    /// Parses the lowercase or uppercase textual form of a UUID.
    public init?(_ string: String) {
        guard let uuid = UUID(uuidString: string) else { return nil }
        self.uuid = uuid
    }

    /// The id of the article saved at `url`.
    public init(canonicalURL url: CanonicalURL) { self.uuid = Identity.articleID(for: url) }

    /// The lowercase textual form, as it travels in JSON and is shown to users.
    public var description: String { uuid.lowercaseText }

    /// The first eight characters, for tables.
    public var short: String { String(description.prefix(8)) }

    public static func < (lhs: ArticleID, rhs: ArticleID) -> Bool { lhs.description < rhs.description }
}
