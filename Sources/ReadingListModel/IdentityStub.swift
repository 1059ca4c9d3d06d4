// TEMPORARY STUB — replaced by Identity/ from the identity work.
public import Foundation
public struct CanonicalURL: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(parsing input: String) throws(CanonicalURLError) {
        let t = input.trimmingWhitespace()
        guard t.hasPrefix("http://") || t.hasPrefix("https://") else { throw CanonicalURLError(input: input, reason: .unsupportedScheme) }
        rawValue = t.lowercased()
    }
    public var description: String { rawValue }
}
public struct CanonicalURLError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: String, Sendable, Hashable { case empty, notAURL = "not_a_url", unsupportedScheme = "unsupported_scheme", missingHost = "missing_host", invalidHost = "invalid_host", invalidPort = "invalid_port" }
    public let input: String
    public let reason: Reason
    public var description: String { "\"\(input)\" is not a web address" }
}
public enum Identity {
    public static func articleID(for url: CanonicalURL) -> UUID { UUID() }
    public static func articleID(forContent bytes: Data) -> UUID { UUID() }
    public static func tagID(forKey key: String) -> UUID { UUID() }
}
public struct TagName: Hashable, Sendable, CustomStringConvertible {
    public init?(_ input: String) { let d = input.collapsingWhitespace(); if d.isEmpty { return nil }; display = d; key = d.lowercased() }
    public let display: String
    public let key: String
    public var id: UUID { Identity.tagID(forKey: key) }
    public var description: String { display }
}
