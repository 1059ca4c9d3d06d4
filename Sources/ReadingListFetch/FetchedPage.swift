public import Foundation

/// A page as the server sent it, after redirects and decompression.
public struct FetchedPage: Sendable, Hashable {
    /// The address that was asked for.
    public var requestedURL: String
    /// The address the page came from after every redirect.
    public var resolvedURL: String
    /// The addresses redirected through, in order, from `requestedURL` (excluded) to `resolvedURL` (excluded).
    public var redirects: [String]
    /// The HTTP status (always 2xx: other statuses fail the fetch).
    public var statusCode: Int
    /// The Content-Type header as sent, if any.
    public var contentType: String?
    /// The body, decompressed.
    public var body: Data

    /// Creates a page value.
    public init(
        requestedURL: String, resolvedURL: String, redirects: [String] = [], statusCode: Int = 200,
        contentType: String?, body: Data
    ) {
        self.requestedURL = requestedURL
        self.resolvedURL = resolvedURL
        self.redirects = redirects
        self.statusCode = statusCode
        self.contentType = contentType
        self.body = body
    }

    /// The media type of `contentType`, lowercased, without parameters: "text/html".
    public var mediaType: String? { MediaType(contentType)?.essence }

    /// The `charset` parameter of `contentType`, if any.
    public var charset: String? { MediaType(contentType)?.charset }
}
