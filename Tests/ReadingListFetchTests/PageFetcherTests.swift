import Foundation
import LoopbackHTTPServer
import ReadingListFetch
import Testing

/// The fetcher against a loopback server: redirects, limits, compression and failures.
@Suite("Fetching pages")
struct PageFetcherTests {
    static let page = "<html><head><title>Loopback page</title></head><body><p>Hello.</p></body></html>"

    /// A fetcher with an hour to finish: tests run in parallel on few threads, and a fetch's
    /// redirects and body are read on them, so only the test about timeouts has a short one.
    static func fetcher(maxBytes: Int = FetchOptions().maxBytes) -> PageFetcher {
        PageFetcher(options: FetchOptions(connectTimeout: 60, totalTimeout: 3600, maxBytes: maxBytes))
    }

    @Test("A redirect chain is followed and the final address recorded")
    func redirectChain() async throws {
        let server = try LoopbackHTTPServer(routes: [
            "/start": .redirect(to: "/second", status: 301),
            "/second": .redirect(to: "/third", status: 307),
            "/third": .redirect(to: "/article?id=1", status: 302),
            "/article?id=1": .page(Self.page),
        ])
        defer { server.shutdown() }
        let page = try await Self.fetcher().fetch(server.url("/start"))
        #expect(page.requestedURL == server.url("/start"))
        #expect(page.resolvedURL == server.url("/article?id=1"))
        #expect(page.redirects == [server.url("/second"), server.url("/third")])
        #expect(page.statusCode == 200)
        #expect(page.mediaType == "text/html")
        #expect(page.charset == "utf-8")
        #expect(String(decoding: page.body, as: UTF8.self) == Self.page)
    }

    @Test("A redirect loop fails as a loop")
    func redirectLoop() async throws {
        let server = try LoopbackHTTPServer(routes: ["/a": .redirect(to: "/b"), "/b": .redirect(to: "/a")])
        defer { server.shutdown() }
        await #expect(throws: FetchError.redirectLoop(url: server.url("/a"))) {
            try await Self.fetcher().fetch(server.url("/a"))
        }
    }

    @Test("More than ten redirects fail; ten are followed")
    func redirectLimit() async throws {
        var routes: [String: LoopbackHTTPServer.Route] = ["/hop11": .page(Self.page)]
        for hop in 0..<11 { routes["/hop\(hop)"] = .redirect(to: "/hop\(hop + 1)") }
        let server = try LoopbackHTTPServer(routes: routes)
        defer { server.shutdown() }
        await #expect(throws: FetchError.tooManyRedirects(url: server.url("/hop0"), limit: 10)) {
            try await Self.fetcher().fetch(server.url("/hop0"))
        }
        let page = try await Self.fetcher().fetch(server.url("/hop1"))
        #expect(page.resolvedURL == server.url("/hop11"))
        #expect(page.redirects.count == 9)
    }

    @Test("A 404 fails with the status and the address")
    func notFound() async throws {
        let server = try LoopbackHTTPServer(routes: [:])
        defer { server.shutdown() }
        await #expect(throws: FetchError.httpStatus(url: server.url("/missing"), code: 404, reason: "Not Found")) {
            try await Self.fetcher().fetch(server.url("/missing"))
        }
    }

    @Test("A server slower than the total timeout fails as timed out")
    func slowServer() async throws {
        // The server answers after a minute; a fetch that waited for it would get the page.
        let server = try LoopbackHTTPServer(routes: ["/slow": .init(headers: [("Content-Type", "text/html")], body: Array(Self.page.utf8), delay: 60)])
        defer { server.shutdown() }
        await #expect(throws: FetchError.timedOut(url: server.url("/slow"), seconds: 0.5)) {
            try await PageFetcher(options: FetchOptions(totalTimeout: 0.5)).fetch(server.url("/slow"))
        }
    }

    @Test("A body over the cap fails, whether its length is declared or not", arguments: [false, true])
    func overTheCap(chunked: Bool) async throws {
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: 300 * 1024)
        let server = try LoopbackHTTPServer(routes: ["/big": .init(headers: [("Content-Type", "text/plain")], body: body, chunked: chunked)])
        defer { server.shutdown() }
        await #expect(throws: FetchError.tooLarge(url: server.url("/big"), limit: 256 * 1024)) {
            try await Self.fetcher(maxBytes: 256 * 1024).fetch(server.url("/big"))
        }
        let page = try await Self.fetcher(maxBytes: 300 * 1024).fetch(server.url("/big"))
        #expect(page.body.count == body.count)
    }

    @Test("A gzip body is decompressed, and the cap applies to what it decompresses to")
    func gzip() async throws {
        let text = String(repeating: "Compressible words repeat. ", count: 20_000)
        let server = try LoopbackHTTPServer(routes: ["/gz": .init(headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8), gzip: true)])
        defer { server.shutdown() }
        let page = try await Self.fetcher().fetch(server.url("/gz"))
        #expect(String(decoding: page.body, as: UTF8.self) == text)
        let request = try #require(server.requests.last)
        #expect(request.headers["accept-encoding"]?.contains("gzip") == true)
        #expect(request.headers["user-agent"] == FetchOptions.defaultUserAgent)
        await #expect(throws: FetchError.tooLarge(url: server.url("/gz"), limit: 100_000)) {
            try await Self.fetcher(maxBytes: 100_000).fetch(server.url("/gz"))
        }
    }

    @Test("A PDF comes back as bytes with its type")
    func pdf() async throws {
        let pdf = Array("%PDF-1.4\n1 0 obj << /Title (A Report) >> endobj\n%%EOF\n".utf8)
        let server = try LoopbackHTTPServer(routes: ["/report.pdf": .bytes(pdf, contentType: "application/pdf")])
        defer { server.shutdown() }
        let page = try await Self.fetcher().fetch(server.url("/report.pdf"))
        #expect(page.mediaType == "application/pdf")
        #expect([UInt8](page.body) == pdf)
    }

    @Test("A refused connection and a non-web address fail with what went wrong")
    func unreachable() async throws {
        let server = try LoopbackHTTPServer(routes: [:])
        let address = server.url("/gone")
        server.shutdown()
        do {
            _ = try await PageFetcher(options: FetchOptions(connectTimeout: 2)).fetch(address)
            Issue.record("a closed port must not give a page")
        } catch {
            guard case .connectionFailed(let host, _) = error else { Issue.record("got \(error)"); return }
            #expect(host == "127.0.0.1")
            #expect(error.description.contains("127.0.0.1"))
        }
        await #expect(throws: FetchError.invalidURL("ftp://example.com/file")) {
            try await Self.fetcher().fetch("ftp://example.com/file")
        }
    }

    @Test("TLS to a server that does not speak it fails as a TLS error")
    func tlsFailure() async throws {
        let server = try LoopbackHTTPServer(routes: ["/": .page(Self.page)])
        defer { server.shutdown() }
        let address = "https://127.0.0.1:\(server.port)/"
        do {
            _ = try await PageFetcher(options: FetchOptions(connectTimeout: 5, totalTimeout: 60)).fetch(address)
            Issue.record("a plain HTTP server must not pass for TLS")
        } catch {
            guard case .tls(let host, _) = error else { Issue.record("got \(error)"); return }
            #expect(host == "127.0.0.1")
            #expect(error.description.contains("secure connection"))
        }
    }

    @Test("A host that does not exist fails as not found")
    func unknownHost() async throws {
        do {
            _ = try await PageFetcher(options: FetchOptions(connectTimeout: 5, totalTimeout: 60)).fetch("http://no-such-host.invalid/page")
            Issue.record("a .invalid host must not resolve")
        } catch {
            guard case .hostNotFound(let host) = error else { Issue.record("got \(error)"); return }
            #expect(host == "no-such-host.invalid")
            #expect(error.description.contains("not found"))
        }
    }

    @Test("Content-Type parameters are parsed")
    func mediaType() {
        let type = MediaType("Text/HTML; Charset=\"ISO-8859-1\"; boundary=x")
        #expect(type?.essence == "text/html")
        #expect(type?.charset == "ISO-8859-1")
        #expect(MediaType("nonsense") == nil)
        #expect(MediaType(nil) == nil)
    }
}
