import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import NIOHTTPCompression
import NIOPosix
import NIOSSL

/// Fetches web pages over HTTP and HTTPS: follows up to ``FetchOptions/maxRedirects`` redirects
/// (refusing loops), enforces a connect and a total timeout and a size cap, accepts gzip and
/// deflate, and identifies itself with a clear User-Agent. Only a 2xx answer is a page.
public struct PageFetcher: Sendable {
    /// The limits every fetch of this fetcher keeps.
    public var options: FetchOptions

    /// Creates a fetcher.
    public init(options: FetchOptions = FetchOptions()) {
        self.options = options
    }

    /// Fetches `address`.
    ///
    /// - Throws: ``FetchError`` describing what failed; nothing is retried.
    public func fetch(_ address: String) async throws(FetchError) -> FetchedPage {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty
        else { throw .invalidURL(address) }
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let result: Result<FetchedPage, FetchError>
        do {
            result = .success(try await perform(address))
        } catch let error as FetchError {
            result = .failure(error)
        } catch {
            result = .failure(Self.translate(error, url: address, host: host, options: options))
        }
        try? await client.shutdown()
        return try result.get()

        func perform(_ address: String) async throws -> FetchedPage {
            var request = HTTPClientRequest(url: address)
            request.method = .GET
            request.headers.add(name: "User-Agent", value: options.userAgent)
            request.headers.add(name: "Accept", value: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.8")
            request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
            let deadline = NIODeadline.now() + Self.timeAmount(options.totalTimeout)
            let response = try await client.execute(request, deadline: deadline)
            let resolved = response.url?.absoluteString ?? address
            guard (200..<300).contains(Int(response.status.code)) else {
                throw FetchError.httpStatus(url: resolved, code: Int(response.status.code), reason: response.status.reasonPhrase)
            }
            let declaredLength = response.headers.first(name: "Content-Length").flatMap { Int($0) }
            let isCompressed = response.headers.first(name: "Content-Encoding").map { !$0.isEmpty && $0.lowercased() != "identity" } ?? false
            if let declaredLength, !isCompressed, declaredLength > options.maxBytes {
                throw FetchError.tooLarge(url: resolved, limit: options.maxBytes)
            }
            var body = ByteBuffer()
            for try await part in response.body {
                guard body.readableBytes + part.readableBytes <= options.maxBytes else {
                    throw FetchError.tooLarge(url: resolved, limit: options.maxBytes)
                }
                var part = part
                body.writeBuffer(&part)
            }
            return FetchedPage(
                requestedURL: address, resolvedURL: resolved,
                redirects: response.history.dropFirst().dropLast().map { $0.request.url },
                statusCode: Int(response.status.code), contentType: response.headers.first(name: "Content-Type"),
                body: Data(buffer: body))
        }
    }

    private var configuration: HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: options.maxRedirects > 0 ? .follow(max: options.maxRedirects, allowCycles: false) : .disallow,
            timeout: .init(connect: Self.timeAmount(options.connectTimeout), read: Self.timeAmount(options.totalTimeout)),
            decompression: .enabled(limit: .size(options.maxBytes)))
        configuration.httpVersion = .automatic
        return configuration
    }

    private static func timeAmount(_ seconds: Double) -> TimeAmount {
        .nanoseconds(Int64((max(0.001, seconds) * 1_000_000_000).rounded()))
    }

    /// The ``FetchError`` for whatever the HTTP stack threw.
    static func translate(_ error: any Error, url: String, host: String, options: FetchOptions) -> FetchError {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .tlsHandshakeTimeout:
                return .connectTimedOut(host: host, seconds: options.connectTimeout)
            case .readTimeout, .deadlineExceeded:
                return .timedOut(url: url, seconds: options.totalTimeout)
            case .redirectLimitReached:
                return .tooManyRedirects(url: url, limit: options.maxRedirects)
            case .redirectCycleDetected:
                return .redirectLoop(url: url)
            case .remoteConnectionClosed:
                return .connectionFailed(host: host, reason: "the server closed the connection before answering")
            default:
                return .other(url: url, reason: String(describing: error))
            }
        }
        if let error = error as? NIOConnectionError {
            if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
                return .hostNotFound(host: error.host)
            }
            let reason = error.connectionErrors.first.map { Self.reason(of: $0.error) } ?? "no address of the host answered"
            return .connectionFailed(host: error.host, reason: reason)
        }
        if error is SocketAddressError { return .hostNotFound(host: host) }
        if let error = error as? NIOHTTPDecompression.DecompressionError {
            if error == .limit { return .tooLarge(url: url, limit: options.maxBytes) }
            return .other(url: url, reason: "the server sent a damaged compressed body")
        }
        if let error = error as? NIOSSLError {
            switch error {
            case .handshakeFailed(let inner): return .tls(host: host, reason: "handshake failed (\(inner))")
            case .unableToValidateCertificate: return .tls(host: host, reason: "the certificate could not be validated")
            default: return .tls(host: host, reason: String(describing: error))
            }
        }
        if error is BoringSSLError || error is NIOSSLExtraError {
            return .tls(host: host, reason: String(describing: error))
        }
        if let error = error as? IOError { return .connectionFailed(host: host, reason: reason(of: error)) }
        if error is CancellationError { return .other(url: url, reason: "the fetch was cancelled") }
        return .other(url: url, reason: String(describing: error))
    }

    private static func reason(of error: any Error) -> String {
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED: return "connection refused"
            case ENETUNREACH, EHOSTUNREACH: return "the network or host is unreachable"
            case ECONNRESET: return "the connection was reset"
            case ETIMEDOUT: return "the connection timed out"
            default: return String(cString: strerror(error.errnoCode))
            }
        }
        return String(describing: error)
    }
}
