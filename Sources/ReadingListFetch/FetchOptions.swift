/// Limits and manners of a page fetch.
public struct FetchOptions: Sendable, Hashable {
    /// The User-Agent every request carries.
    public static let defaultUserAgent = "readlist/0.1 (reading-list saver; +https://readlist.dev)"

    /// Redirects followed before giving up (the and browsers' usual limit is 10–20).
    public var maxRedirects: Int
    /// Seconds to wait for a connection (DNS, TCP and TLS) to a server.
    public var connectTimeout: Double
    /// Seconds the whole fetch may take, redirects and body included.
    public var totalTimeout: Double
    /// Bytes of body accepted, after decompression; a larger page fails as too large.
    public var maxBytes: Int
    /// The User-Agent header.
    public var userAgent: String

    /// Creates options; the defaults are 10 redirects, 10 s to connect, 30 s in all, 10 MiB.
    public init(
        maxRedirects: Int = 10, connectTimeout: Double = 10, totalTimeout: Double = 30,
        maxBytes: Int = 10 * 1024 * 1024, userAgent: String = Self.defaultUserAgent
    ) {
        self.maxRedirects = maxRedirects
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxBytes = maxBytes
        self.userAgent = userAgent
    }
}
