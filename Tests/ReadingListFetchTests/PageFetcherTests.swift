import Foundation
import LoopbackHTTPServer
import ReadingListFetch
import Testing

/// The fetcher against a loopback server: redirects, limits, compression and failures.
@Suite("Fetching pages")
struct PageFetcherTests {
    static let page = "<html><head><title>Loopback page</title></head><body><p>Hello.</p></body></html>"

    @Test("A redirect chain is followed and the final address recorded")
    func redirectChain() async throws {
        let server = try LoopbackHTTPServer(routes: [
            "/start": .redirect(to: "/second", status: 301),
            "/second": .redirect(to: "/third", status: 307),
            "/third": .redirect(to: "/article?id=1", status: 302),
            "/article?id=1": .page(Self.page),
        ])
        defer { server.shutdown() }
        let page = try await PageFetcher().fetch(server.url("/start"))
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
            try await PageFetcher().fetch(server.url("/a"))
        }
    }

    @Test("More than ten redirects fail; ten are followed")
    func redirectLimit() async throws {
        var routes: [String: LoopbackHTTPServer.Route] = ["/hop11": .page(Self.page)]
        for hop in 0..<11 { routes["/hop\(hop)"] = .redirect(to: "/hop\(hop + 1)") }
        let server = try LoopbackHTTPServer(routes: routes)
        defer { server.shutdown() }
        await #expect(throws: FetchError.tooManyRedirects(url: server.url("/hop0"), limit: 10)) {
            try await PageFetcher().fetch(server.url("/hop0"))
        }
        let page = try await PageFetcher().fetch(server.url("/hop1"))
        #expect(page.resolvedURL == server.url("/hop11"))
        #expect(page.redirects.count == 9)
    }

    @Test("A 404 fails with the status and the address")
    func notFound() async throws {
        let server = try LoopbackHTTPServer(routes: [:])
        defer { server.shutdown() }
        await #expect(throws: FetchError.httpStatus(url: server.url("/missing"), code: 404, reason: "Not Found")) {
            try await PageFetcher().fetch(server.url("/missing"))
        }
    }

    @Test("A server slower than the total timeout fails as timed out")
    func slowServer() async throws {
        let server = try LoopbackHTTPServer(routes: ["/slow": .init(headers: [("Content-Type", "text/html")], body: Array(Self.page.utf8), delay: 5)])
        defer { server.shutdown() }
        let started = ContinuousClock.now
        await #expect(throws: FetchError.timedOut(url: server.url("/slow"), seconds: 0.5)) {
            try await PageFetcher(options: FetchOptions(totalTimeout: 0.5)).fetch(server.url("/slow"))
        }
        #expect(ContinuousClock.now - started < .seconds(4), "the fetch must give up at its timeout, not when the server answers")
    }

    @Test("A body over the cap fails, whether its length is declared or not", arguments: [false, true])
    func overTheCap(chunked: Bool) async throws {
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: 300 * 1024)
        let server = try LoopbackHTTPServer(routes: ["/big": .init(headers: [("Content-Type", "text/plain")], body: body, chunked: chunked)])
        defer { server.shutdown() }
        await #expect(throws: FetchError.tooLarge(url: server.url("/big"), limit: 256 * 1024)) {
            try await PageFetcher(options: FetchOptions(maxBytes: 256 * 1024)).fetch(server.url("/big"))
        }
        let page = try await PageFetcher(options: FetchOptions(maxBytes: 300 * 1024)).fetch(server.url("/big"))
        #expect(page.body.count == body.count)
    }

    @Test("A gzip body is decompressed, and the cap applies to what it decompresses to")
    func gzip() async throws {
        let text = String(repeating: "Compressible words repeat. ", count: 20_000)
        let server = try LoopbackHTTPServer(routes: ["/gz": .init(headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8), gzip: true)])
        defer { server.shutdown() }
        let page = try await PageFetcher().fetch(server.url("/gz"))
        #expect(String(decoding: page.body, as: UTF8.self) == text)
        let request = try #require(server.requests.last)
        #expect(request.headers["accept-encoding"]?.contains("gzip") == true)
        #expect(request.headers["user-agent"] == FetchOptions.defaultUserAgent)
        await #expect(throws: FetchError.tooLarge(url: server.url("/gz"), limit: 100_000)) {
            try await PageFetcher(options: FetchOptions(maxBytes: 100_000)).fetch(server.url("/gz"))
        }
    }

    @Test("A PDF comes back as bytes with its type")
    func pdf() async throws {
        let pdf = Array("%PDF-1.4\n1 0 obj << /Title (A Report) >> endobj\n%%EOF\n".utf8)
        let server = try LoopbackHTTPServer(routes: ["/report.pdf": .bytes(pdf, contentType: "application/pdf")])
        defer { server.shutdown() }
        let page = try await PageFetcher().fetch(server.url("/report.pdf"))
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
            try await PageFetcher().fetch("ftp://example.com/file")
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
