import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOPosix

/// An HTTP/1.1 server on 127.0.0.1 and a free port, answering fixed routes: for tests that
/// fetch pages without the outside network.
public final class LoopbackHTTPServer: Sendable {
    /// What the server answers for a path.
    public struct Route: Sendable {
        /// The status code.
        public var status: Int
        /// Headers, in order. `Content-Length` is added unless `chunked`.
        public var headers: [(String, String)]
        /// The body.
        public var body: [UInt8]
        /// Seconds to wait before answering.
        public var delay: Double
        /// Send the body in chunks, without a Content-Length.
        public var chunked: Bool
        /// Compress the body with gzip when the request accepts it.
        public var gzip: Bool

        /// Creates a route.
        public init(
            status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = [], delay: Double = 0,
            chunked: Bool = false, gzip: Bool = false
        ) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
            self.chunked = chunked
            self.gzip = gzip
        }

        /// A 200 answer with this body and Content-Type.
        public static func page(_ body: String, contentType: String = "text/html; charset=utf-8") -> Route {
            Route(headers: [("Content-Type", contentType)], body: Array(body.utf8))
        }

        /// A 200 answer with these bytes and Content-Type (or none).
        public static func bytes(_ body: [UInt8], contentType: String?) -> Route {
            Route(headers: contentType.map { [("Content-Type", $0)] } ?? [], body: body)
        }

        /// A redirect to `location` (a path or an address).
        public static func redirect(to location: String, status: Int = 302) -> Route {
            Route(status: status, headers: [("Location", location)])
        }
    }

    /// A request the server received.
    public struct Request: Sendable {
        /// The path and query.
        public var uri: String
        /// Headers as received.
        public var headers: [String: String]
    }

    private let channel: any Channel
    private let received: NIOLockedValueBox<[Request]>
    private let routes: NIOLockedValueBox<[String: Route]>

    /// The port the server listens on.
    public let port: Int

    /// Starts a server answering `routes` (path → answer); other paths get 404.
    public init(routes: [String: Route]) throws {
        let received = NIOLockedValueBox<[Request]>([])
        let routes = NIOLockedValueBox(routes)
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(HTTPResponseCompressor(responseCompressionPredicate: { head, _ in
                        guard head.headers.contains(name: RouteHandler.gzipMarker) else { return .doNotCompress }
                        head.headers.remove(name: RouteHandler.gzipMarker)
                        return .compressIfPossible
                    }))
                    try channel.pipeline.syncOperations.addHandler(RouteHandler(routes: routes, received: received))
                }
            }
        self.channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        self.port = channel.localAddress?.port ?? 0
        self.received = received
        self.routes = routes
    }

    /// Answers `path` with `route` from now on.
    public func setRoute(_ path: String, _ route: Route) {
        routes.withLockedValue { $0[path] = route }
    }

    /// The address of `path` on this server: `http://127.0.0.1:PORT/path`.
    public func url(_ path: String) -> String {
        "http://127.0.0.1:\(port)\(path.hasPrefix("/") ? path : "/" + path)"
    }

    /// Every request received so far, in order.
    public var requests: [Request] { received.withLockedValue { $0 } }

    /// Stops listening.
    public func shutdown() {
        try? channel.close().wait()
    }

    deinit {
        channel.close(promise: nil)
    }
}

/// Answers each request from the routes table.
private final class RouteHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    static let gzipMarker = "X-Loopback-Gzip"

    private let routes: NIOLockedValueBox<[String: LoopbackHTTPServer.Route]>
    private let received: NIOLockedValueBox<[LoopbackHTTPServer.Request]>
    private var uri = "/"
    private var keepAlive = true

    init(routes: NIOLockedValueBox<[String: LoopbackHTTPServer.Route]>, received: NIOLockedValueBox<[LoopbackHTTPServer.Request]>) {
        self.routes = routes
        self.received = received
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            uri = head.uri
            keepAlive = head.isKeepAlive
            var headers: [String: String] = [:]
            for (name, value) in head.headers { headers[name.lowercased()] = value }
            let request = LoopbackHTTPServer.Request(uri: head.uri, headers: headers)
            received.withLockedValue { $0.append(request) }
        case .body:
            break
        case .end:
            let table = routes.withLockedValue { $0 }
            let route = table[uri] ?? table[String(uri.prefix { $0 != "?" })]
                ?? .init(status: 404, headers: [("Content-Type", "text/plain")], body: Array("not found".utf8))
            if route.delay > 0 {
                let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
                context.eventLoop.scheduleTask(in: .milliseconds(Int64(route.delay * 1000))) {
                    let (handler, context) = loopBound.value
                    handler.respond(route, context: context)
                }
            } else {
                respond(route, context: context)
            }
        }
    }

    private func respond(_ route: LoopbackHTTPServer.Route, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        var headers = HTTPHeaders(route.headers)
        if route.gzip { headers.add(name: Self.gzipMarker, value: "1") }
        if route.chunked {
            headers.add(name: "Transfer-Encoding", value: "chunked")
        } else if !route.gzip {
            headers.add(name: "Content-Length", value: String(route.body.count))
        }
        let status = HTTPResponseStatus(statusCode: route.status)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        if !route.body.isEmpty {
            let chunkSize = route.chunked ? 64 * 1024 : max(1, route.body.count)
            var offset = 0
            while offset < route.body.count {
                let end = min(route.body.count, offset + chunkSize)
                let buffer = context.channel.allocator.buffer(bytes: route.body[offset..<end])
                context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
                offset = end
            }
        }
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            written.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }
}
