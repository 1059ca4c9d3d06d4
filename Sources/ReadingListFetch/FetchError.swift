/// Why a page could not be fetched. Each description says what failed, for which address, and
/// what to try.
public enum FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not an http or https address with a host.
    case invalidURL(String)
    /// The host name does not resolve.
    case hostNotFound(host: String)
    /// No connection could be made (refused, unreachable, reset).
    case connectionFailed(host: String, reason: String)
    /// No connection within the connect timeout.
    case connectTimedOut(host: String, seconds: Double)
    /// The whole fetch took longer than the total timeout.
    case timedOut(url: String, seconds: Double)
    /// The TLS handshake failed (bad certificate, protocol mismatch).
    case tls(host: String, reason: String)
    /// The server answered with a status other than 2xx.
    case httpStatus(url: String, code: Int, reason: String)
    /// More redirects than allowed.
    case tooManyRedirects(url: String, limit: Int)
    /// A redirect led back to an address already visited.
    case redirectLoop(url: String)
    /// The body (after decompression) is larger than the cap.
    case tooLarge(url: String, limit: Int)
    /// Anything else the transport reported.
    case other(url: String, reason: String)

    public var description: String {
        switch self {
        case .invalidURL(let url):
            return "Cannot fetch \(url): it is not an http or https address. Give a full address like https://example.com/page."
        case .hostNotFound(let host):
            return "Cannot fetch from \(host): the host name was not found. Check the address, or your network and DNS."
        case .connectionFailed(let host, let reason):
            return "Cannot connect to \(host): \(reason). Check the address and your network, or try again later."
        case .connectTimedOut(let host, let seconds):
            return "Cannot connect to \(host): no answer within \(Self.format(seconds)) s. Try again later."
        case .timedOut(let url, let seconds):
            return "Fetching \(url) took longer than \(Self.format(seconds)) s. Try again later, or allow more time with --timeout."
        case .tls(let host, let reason):
            return "The secure connection to \(host) failed: \(reason). The site's certificate may be invalid or expired."
        case .httpStatus(let url, let code, let reason):
            let hint = code == 404 || code == 410 ? "The page may have moved or been removed." : code >= 500
                ? "The server had a problem; try again later." : "The server refused the request."
            return "The server answered \(code) \(reason) for \(url). \(hint)"
        case .tooManyRedirects(let url, let limit):
            return "Fetching \(url) was redirected more than \(limit) times. The site's redirects may be broken."
        case .redirectLoop(let url):
            return "Fetching \(url) was redirected in a loop. The site's redirects are broken; try the page's final address."
        case .tooLarge(let url, let limit):
            return "The page at \(url) is larger than \(Self.byteCount(limit)). Allow more with --max-size, or save it from a file (--file)."
        case .other(let url, let reason):
            return "Cannot fetch \(url): \(reason)."
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }

    static func byteCount(_ bytes: Int) -> String {
        if bytes >= 1024 * 1024, bytes % (1024 * 1024) == 0 { return "\(bytes / (1024 * 1024)) MiB" }
        if bytes >= 1024, bytes % 1024 == 0 { return "\(bytes / 1024) KiB" }
        return "\(bytes) bytes"
    }
}
