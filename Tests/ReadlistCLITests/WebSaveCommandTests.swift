import Foundation
import LoopbackHTTPServer
import Testing

/// `readlist add <url>` and `readlist refetch` against a loopback server: real processes, real
/// library files, no outside network.
@Suite("Saving from the web")
struct WebSaveCommandTests {
    /// Fetching on: the test runner turns it off for every other test.
    static let online = ["READLIST_OFFLINE": "0"]

    static let paragraphs = [
        "Two replicas of a reading list drift apart the moment they are edited apart, and the work of a sync engine is to bring them back together without losing what either side meant.",
        "The first temptation is to send whole records and let the newest win, which is simple, fast to write, and wrong whenever two people change different fields of the same article.",
        "A change log records each field as it changes, with a hybrid clock stamp, so that merging is a matter of comparing stamps field by field, in any order, with the same result.",
        "Highlights are harder still, because they point into text that may itself change when a page is fetched again, and a quote must be found again by its words and context.",
    ]

    static func articlePage(paragraphs: [String] = paragraphs, charset: String = "utf-8") -> String {
        """
        <!doctype html><html lang="en"><head><meta charset="\(charset)">
        <title>Why Sync Is Hard | The Replica Times</title>
        <meta property="og:title" content="Why Sync Is Hard">
        <meta property="og:site_name" content="The Replica Times">
        <meta name="author" content="Ada Lovelace">
        <meta name="description" content="Two replicas, one truth.">
        <meta property="article:published_time" content="2026-11-30T08:00:00Z">
        </head><body>
        <nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World news menu</a></li></ul></nav>
        <article><h1>Why Sync Is Hard</h1>
        \(paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </article>
        <aside class="most-popular"><h2>Most popular</h2><ul><li><a href="/x">Celebrity gossip headline</a></li></ul></aside>
        <section id="comments" class="comments"><h3>Comments</h3><p>Great post, totally agree with everything, first!</p></section>
        <footer>Copyright The Replica Times footer</footer>
        </body></html>
        """
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func article(_ workspace: Workspace, _ reference: String) throws -> [String: Any] {
        try json(try workspace.succeed("show", reference, "--content", "--json").stdout)
    }

    @Test("add <url> follows redirects and keeps a clean article with its metadata")
    func savesACleanArticle() throws {
        let server = try LoopbackHTTPServer(routes: [
            "/share/42": .redirect(to: "/2026/11/why-sync-is-hard", status: 301),
            "/2026/11/why-sync-is-hard": .page(Self.articlePage()),
        ])
        defer { server.shutdown() }
        let workspace = try Workspace()
        let result = try workspace.readlist("add", server.url("/share/42"), "--tag", "sync", "--json", environment: Self.online)
        #expect(result.status == 0, "\(result)")
        let output = try Self.json(result.stdout)
        let fetch = try #require(output["fetch"] as? [String: Any])
        #expect(fetch.string("resolvedUrl") == server.url("/2026/11/why-sync-is-hard"))
        #expect(fetch["status"] as? Int == 200)
        #expect(fetch.string("mediaType") == "text/html")
        #expect(fetch["error"] is NSNull)
        let article = try Self.article(workspace, server.url("/share/42"))
        #expect(article.string("title") == "Why Sync Is Hard")
        #expect(article.string("byline") == "Ada Lovelace")
        #expect(article.string("site") == "The Replica Times")
        #expect(article.string("excerpt") == "Two replicas, one truth.")
        #expect(article.string("publishedAt") == "2026-11-30T08:00:00Z")
        #expect(article.string("language") == "en")
        let content = try #require(article.string("content"))
        for paragraph in Self.paragraphs { #expect(content.contains(paragraph)) }
        for noise in ["World news menu", "Celebrity gossip", "Great post", "Copyright"] {
            #expect(!content.contains(noise), "\(noise) is not part of the article")
        }
        #expect((article["wordCount"] as? Int ?? 0) > 100)
        let request = try #require(server.requests.last)
        #expect(request.headers["user-agent"]?.hasPrefix("readlist/") == true)

        let human = try workspace.readlist("show", server.url("/share/42"))
        #expect(human.stdout.contains("fetched"))
        #expect(human.stdout.contains("from \(server.url("/2026/11/why-sync-is-hard"))"))
    }

    @Test("A failed fetch still saves the URL, says why, and refetch brings the page later")
    func failedFetchKeepsTheSave() throws {
        let server = try LoopbackHTTPServer(routes: [:])
        defer { server.shutdown() }
        let workspace = try Workspace()
        let address = server.url("/later/why-sync-is-hard")
        let added = try workspace.readlist("add", address, "--tag", "later", environment: Self.online)
        #expect(added.status == 0, "the save succeeded even though the fetch did not: \(added)")
        #expect(added.stdout.contains("Saved"))
        #expect(added.stderr.contains("404"))
        #expect(added.stderr.contains("readlist refetch"))
        var article = try Self.article(workspace, address)
        #expect(article.string("title") == "Why sync is hard")
        #expect(article["tags"] as? [String] == ["later"])

        let stillMissing = try workspace.readlist("refetch", address, "--json", environment: Self.online)
        #expect(stillMissing.status == 1)
        #expect(try Self.json(stillMissing.stdout)["contentReplaced"] as? Bool == false)

        server.setRoute("/later/why-sync-is-hard", .page(Self.articlePage()))
        let refetched = try workspace.readlist("refetch", address, environment: Self.online)
        #expect(refetched.status == 0, "\(refetched)")
        #expect(refetched.stdout.contains("Refetched"))
        article = try Self.article(workspace, address)
        #expect(article.string("title") == "Why Sync Is Hard", "the headline replaces the title derived from the URL")
        #expect(article.string("content")?.contains(Self.paragraphs[2]) == true)
        #expect(article["tags"] as? [String] == ["later"])
    }

    @Test("refetch replaces the text, re-anchors highlights by quote and context, and orphans the lost")
    func refetchReanchorsHighlights() throws {
        let server = try LoopbackHTTPServer(routes: ["/post": .page(Self.articlePage())])
        defer { server.shutdown() }
        let workspace = try Workspace()
        try workspace.readlist("add", server.url("/post"), "--title", "My own title", environment: Self.online)
        let kept = try Self.json(try workspace.succeed("highlight", "add", server.url("/post"), "a hybrid clock stamp", "--json").stdout)
        try workspace.succeed("highlight", "add", server.url("/post"), "simple, fast to write, and wrong")
        let oldStart = try #require(kept["start"] as? Int)

        var revised = Self.paragraphs
        revised.remove(at: 1)
        revised.insert("Editor's note: this essay was updated with a new opening paragraph that pushes everything else further down.", at: 0)
        server.setRoute("/post", .page(Self.articlePage(paragraphs: revised)))
        let result = try workspace.readlist("refetch", server.url("/post"), "--json", environment: Self.online)
        #expect(result.status == 0, "\(result)")
        let output = try Self.json(result.stdout)
        #expect(output["contentReplaced"] as? Bool == true)
        #expect(output["anchoredHighlights"] as? Int == 1)
        #expect(output["orphanedHighlights"] as? Int == 1)

        let article = try Self.article(workspace, server.url("/post"))
        #expect(article.string("title") == "My own title", "a title the user chose is kept")
        let content = try #require(article.string("content"))
        let highlights = try #require(article["highlights"] as? [[String: Any]])
        #expect(highlights.count == 2, "the orphaned highlight is kept")
        let moved = try #require(highlights.first { $0.string("quote") == "a hybrid clock stamp" })
        let start = try #require(moved["start"] as? Int)
        let end = try #require(moved["end"] as? Int)
        #expect(start != oldStart, "the paragraphs before it changed, so it moved")
        let scalars = Array(content.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "a hybrid clock stamp")
        #expect(moved["orphaned"] as? Bool == false)
        let lost = try #require(highlights.first { $0.string("quote") == "simple, fast to write, and wrong" })
        #expect(lost["orphaned"] as? Bool == true)

        server.setRoute("/post", LoopbackHTTPServer.Route(status: 503))
        let failed = try workspace.readlist("refetch", server.url("/post"), environment: Self.online)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("503"))
        #expect(try Self.article(workspace, server.url("/post")).string("content") == content, "a failed refetch changes nothing")
    }

    @Test("A slow server, a page over the cap and a redirect loop lose no save")
    func limitsLoseNoSave() throws {
        let server = try LoopbackHTTPServer(routes: [
            "/slow": LoopbackHTTPServer.Route(headers: [("Content-Type", "text/html")], body: Array(Self.articlePage().utf8), delay: 60),
            "/huge": .page(Self.articlePage() + String(repeating: " ", count: 200_000)),
            "/loop-a": .redirect(to: "/loop-b"), "/loop-b": .redirect(to: "/loop-a"),
        ])
        defer { server.shutdown() }
        let workspace = try Workspace()
        let cases: [(path: String, arguments: [String], says: String)] = [
            ("/slow", ["--timeout", "0.5"], "longer than"),
            ("/huge", ["--max-size", "0.1"], "larger than"),
            ("/loop-a", [], "loop"),
        ]
        for (path, arguments, says) in cases {
            let result = try CommandRunner.run(
                ["add", server.url(path), "--json"] + arguments + ["--db", workspace.db], environment: Self.online)
            #expect(result.status == 0, "\(path): \(result)")
            let fetch = try #require(try Self.json(result.stdout)["fetch"] as? [String: Any])
            #expect(fetch.string("error")?.contains(says) == true, "\(path): \(fetch)")
            #expect(fetch["resolvedUrl"] is NSNull)
        }
        let list = try workspace.succeed("list", "--json").stdout
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [[String: Any]])
        #expect(listed.count == 3)
    }

    @Test("Charsets: a wrong header, a missing one, and a legacy one all give the right text")
    func charsets() throws {
        let sentence = "Le café à côté sert des crêpes, dit l’élève naïf, et ça suffit pour une longue phrase d’exemple ici."
        let cyrillic = "Съешь же ещё этих мягких французских булок, да выпей чаю, сказал редактор, и это длинное предложение."
        let latin1 = Self.articlePage(paragraphs: Self.paragraphs + [sentence], charset: "windows-1252")
            .replacingOccurrences(of: "<meta charset=\"windows-1252\">", with: "")
        let server = try LoopbackHTTPServer(routes: [
            // Says Latin-1, is UTF-8.
            "/wrong": .bytes(Array(Self.articlePage(paragraphs: Self.paragraphs + [sentence]).utf8), contentType: "text/html; charset=iso-8859-1"),
            // Says nothing anywhere, is Windows-1252.
            "/missing": .bytes(Array(latin1.data(using: .windowsCP1252)!), contentType: "text/html"),
            // The header names the charset; the page does not.
            "/cyrillic": .bytes(
                Array(Self.articlePage(paragraphs: Self.paragraphs + [cyrillic]).replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "")
                    .data(using: .windowsCP1251)!),
                contentType: "text/html; charset=windows-1251"),
        ])
        defer { server.shutdown() }
        let workspace = try Workspace()
        for (path, expected) in [("/wrong", sentence), ("/missing", sentence), ("/cyrillic", cyrillic)] {
            let result = try workspace.readlist("add", server.url(path), environment: Self.online)
            #expect(result.status == 0, "\(result)")
            let content = try Self.article(workspace, server.url(path)).string("content") ?? ""
            #expect(content.contains(expected), "\(path)")
        }
    }

    @Test("gzip, plain text and a PDF are saved with their type")
    func otherBodies() throws {
        let pdf = Array("%PDF-1.4\n1 0 obj\n<< /Title (Quarterly Report \\(Draft\\)) /Author (Ada) >>\nendobj\ntrailer << /Info 1 0 R >>\n%%EOF\n".utf8)
        let text = "A Plain Note\n\nThis note is plain text, served as such, and its words are kept as they are written.\n"
        let server = try LoopbackHTTPServer(routes: [
            "/gz": LoopbackHTTPServer.Route(headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(Self.articlePage().utf8), gzip: true),
            "/files/report.pdf": .bytes(pdf, contentType: "application/pdf"),
            "/note.txt": .page(text, contentType: "text/plain; charset=utf-8"),
            "/photo.png": .bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0], contentType: "image/png"),
        ])
        defer { server.shutdown() }
        let workspace = try Workspace()
        func add(_ path: String) throws -> [String: Any] {
            let result = try workspace.readlist("add", server.url(path), "--json", environment: Self.online)
            #expect(result.status == 0, "\(result)")
            return try Self.json(result.stdout)
        }
        let gzipped = try add("/gz")
        #expect((gzipped["article"] as? [String: Any])?.string("title") == "Why Sync Is Hard")
        #expect(server.requests.first { $0.uri == "/gz" }?.headers["accept-encoding"]?.contains("gzip") == true)
        let report = try add("/files/report.pdf")
        #expect((report["fetch"] as? [String: Any])?.string("mediaType") == "application/pdf")
        #expect((report["article"] as? [String: Any])?.string("title") == "Quarterly Report (Draft)")
        let note = try add("/note.txt")
        #expect((note["fetch"] as? [String: Any])?.string("mediaType") == "text/plain")
        #expect(try Self.article(workspace, server.url("/note.txt")).string("content")?.contains("its words are kept as they are written") == true)
        let photo = try add("/photo.png")
        #expect((photo["fetch"] as? [String: Any])?.string("mediaType") == "image/png")
        #expect((photo["article"] as? [String: Any])?.string("title") == "Photo")
        #expect((photo["article"] as? [String: Any])?["wordCount"] as? Int == 0)
    }

    @Test("--offline and READLIST_OFFLINE save without a request")
    func offline() throws {
        let server = try LoopbackHTTPServer(routes: ["/a": .page(Self.articlePage())])
        defer { server.shutdown() }
        let workspace = try Workspace()
        let flag = try workspace.readlist("add", server.url("/a"), "--offline", "--json", environment: Self.online)
        #expect(flag.status == 0)
        #expect(try Self.json(flag.stdout)["fetch"] is NSNull)
        let environment = try workspace.readlist("add", server.url("/b"), environment: ["READLIST_OFFLINE": "1"])
        #expect(environment.status == 0)
        #expect(server.requests.isEmpty)
        let again = try workspace.readlist("add", server.url("/a"), environment: Self.online)
        #expect(again.stdout.contains("Fetched"), "an article saved offline, without text, is fetched when added again")
    }

    @Test("refetch --missing fetches every article without text; the JSON of add and refetch follows its schemas")
    func fetchMissing() throws {
        let server = try LoopbackHTTPServer(routes: [
            "/one": .page(Self.articlePage()),
            "/two": .page(Self.articlePage(paragraphs: Array(Self.paragraphs.reversed()))),
        ])
        defer { server.shutdown() }
        let workspace = try Workspace()
        for path in ["/one", "/two", "/three"] { try workspace.succeed("add", server.url(path)) }
        #expect(server.requests.isEmpty, "saved offline")
        let missing = try workspace.readlist("refetch", "--missing", environment: Self.online)
        #expect(missing.status == 1, "one page is missing: \(missing)")
        #expect(missing.stdout.contains("Fetched 2 of 3 pages; 1 failed"))
        #expect(missing.stdout.contains("failed") && missing.stdout.contains("404"))
        #expect(try Self.article(workspace, server.url("/two")).string("title") == "Why Sync Is Hard")

        server.setRoute("/three", .page(Self.articlePage()))
        let json = try workspace.readlist("refetch", "--missing", "--json", environment: Self.online)
        #expect(json.status == 0, "\(json)")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(results.count == 1, "only the article still without text is fetched")
        let nothingLeft = try workspace.readlist("refetch", "--missing", environment: Self.online)
        #expect(nothingLeft.status == 0)
        #expect(nothingLeft.stdout.contains("Every article with an address has its text."))

        let added = try workspace.readlist("add", server.url("/one?again=1"), "--json", environment: Self.online)
        let failedAdd = try workspace.readlist("add", server.url("/missing"), "--json", environment: Self.online)
        let refetched = try workspace.readlist("refetch", server.url("/one"), "--json", environment: Self.online)
        let outputs = [
            ("refetch-result-list.schema.json", json.stdout), ("add-result.schema.json", added.stdout),
            ("add-result.schema.json", failedAdd.stdout), ("refetch-result.schema.json", refetched.stdout),
        ]
        for (index, (schema, text)) in outputs.enumerated() {
            let path = try workspace.write(text, to: "web-\(index).json")
            let result = try Python.run(["Protocol/tools/validate_json.py", schema, path])
            #expect(result.status == 0, "\(schema): \(result)")
        }
    }
}
