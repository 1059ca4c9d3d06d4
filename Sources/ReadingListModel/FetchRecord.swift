public import Foundation

/// The last attempt to fetch an article's page on this replica. Kept locally, never synced:
/// another replica may reach the page when this one cannot.
public struct FetchRecord: Sendable, Hashable {
    /// The address asked for.
    public var requestedURL: String
    /// The address the page came from after redirects; `nil` when the fetch failed.
    public var resolvedURL: String?
    /// The HTTP status, when the server answered.
    public var statusCode: Int?
    /// The media type of the page, e.g. "text/html" or "application/pdf".
    public var mediaType: String?
    /// What went wrong, with how to fix it; `nil` when the fetch succeeded.
    public var error: String?
    /// When the attempt ended.
    public var attemptedAt: Date

    /// Creates a record.
    public init(
        requestedURL: String, resolvedURL: String? = nil, statusCode: Int? = nil, mediaType: String? = nil,
        error: String? = nil, attemptedAt: Date
    ) {
        self.requestedURL = requestedURL
        self.resolvedURL = resolvedURL
        self.statusCode = statusCode
        self.mediaType = mediaType
        self.error = error
        self.attemptedAt = attemptedAt
    }

    /// Whether the page was fetched.
    public var succeeded: Bool { error == nil }
}
