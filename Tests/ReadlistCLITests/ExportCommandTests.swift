import Foundation
import Testing

/// `readlist export` in every format, through the real binary.
@Suite struct ExportCommandTests {
    static let newlineTitle = "Line one\nline \"two\": #3 - [x]"
    static let nonASCIITitle = "Ærø: «Straße» 日本語 — café"
    static let quotedTitle = "Title: \"quoted\" & <b>bold</b> #hash"

    /// A library with: a file-saved article (no URL) with a highlight; a non-ASCII title, read and
    /// a favourite; a title with quotes, a colon and markup, archived, tagged `a,b` and
    /// `Reading List`; a title with a line break (set through a JSON import, since `add`
    /// collapses white space), read but not archived.
    static func library() throws -> Workspace {
        let source = try Workspace()
        defer { withExtendedLifetime(source) {} }
        try source.succeed("add", "--file", "seeds/000_c54e80fb70a5c8fb.txt", "--tag", "politics")
        try source.succeed("add", "https://example.com/café?x=1&y=2", "--title", nonASCIITitle, "--tag", "Reading List")
        try source.succeed("add", "https://example.com/quoted", "--title", quotedTitle, "--tag", "a,b", "--tag", "reading list")
        try source.succeed("add", "https://example.com/newline", "--title", "Placeholder", "--tag", "Other")
        let fileID = try #require(try Self.articles(source).first { $0["url"] is NSNull }?.string("id"))
        try source.succeed("highlight", "add", fileID, "negotiation", "--note", "thesis: #1", "--color", "green")
        try source.succeed("read", "https://example.com/café?x=1&y=2")
        try source.succeed("favorite", "https://example.com/café?x=1&y=2")
        try source.succeed("archive", "https://example.com/quoted")
        try source.succeed("read", "https://example.com/newline")
        let escaped = try #require(String(data: JSONEncoder().encode(newlineTitle), encoding: .utf8)).dropFirst().dropLast()
        let json = try source.write(try source.export().replacingOccurrences(of: "Placeholder", with: String(escaped)), to: "seed.json")
        let workspace = try Workspace()
        try workspace.succeed("import", json)
        return workspace
    }

    static func articles(_ workspace: Workspace, _ extra: String...) throws -> [[String: Any]] {
        let result = try CommandRunner.run(["list", "--all", "--json", "--db", workspace.db] + extra)
        return try #require(try result.json() as? [[String: Any]], "\(result)")
    }

    static func article(_ list: [[String: Any]], url: String) throws -> [String: Any] {
        try #require(list.first { $0.string("url") == url }, "\(url) in \(list)")
    }

    @Test func theLibraryHasTheAwkwardTitles() throws {
        let workspace = try Self.library()
        defer { withExtendedLifetime(workspace) {} }
        let titles = Set(try Self.articles(workspace).compactMap { $0.string("title") })
        #expect(titles.isSuperset(of: [Self.newlineTitle, Self.nonASCIITitle, Self.quotedTitle]), "\(titles)")
    }

    @Test func htmlIsABookmarkFileThatAnHTMLParserReadsBack() throws {
        let workspace = try Self.library()
        defer { withExtendedLifetime(workspace) {} }
        let result = try workspace.succeed("export", "--format", "html")
        #expect(result.stdout.hasPrefix("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n"))
        #expect(result.stdout.hasSuffix("</DL><p>\n"))
        #expect(result.stderr.contains("1 article saved from a file has no URL and is not in the html export"), "\(result)")
        #expect(!result.stdout.contains("Ukraine"), "the file-saved article has no HREF to give")
        #expect(result.stdout.contains(#"TAGS="a b,Reading List""#), "a comma in a tag name becomes a space")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.filter { $0.contains("<DT><A ") }.count == 3)
        #expect(lines.contains { $0.contains("Line one line &quot;two&quot;: #3 - [x]</A>") }, "a title stays on its line")

        // Python's own HTML parser (as Python importers such as linkding's use) reads every
        // bookmark back: the URL, title, tags and to-read state.
        let file = try workspace.write(result.stdout, to: "bookmarks.html")
        let reader = """
            import html.parser, json, sys
            class Reader(html.parser.HTMLParser):
                def __init__(self):
                    super().__init__(); self.marks = []; self.inside = False
                def handle_starttag(self, tag, attrs):
                    if tag == "a": self.marks.append(dict(attrs) | {"title": ""}); self.inside = True
                def handle_endtag(self, tag):
                    if tag == "a": self.inside = False
                def handle_data(self, data):
                    if self.inside: self.marks[-1]["title"] += data
            reader = Reader(); reader.feed(open(sys.argv[1], encoding="utf-8").read())
            print(json.dumps(reader.marks))
            """
        let parsed = try CommandRunner.execute(["/usr/bin/env", "python3", "-c", reader, file])
        let marks = try #require(try parsed.json() as? [[String: Any]], "\(parsed)")
        let byURL = Dictionary(uniqueKeysWithValues: marks.compactMap { mark in mark.string("href").map { ($0, mark) } })
        let quoted = try #require(byURL["https://example.com/quoted"])
        #expect(quoted.string("title") == Self.quotedTitle)
        #expect(quoted.string("tags") == "a b,Reading List")
        #expect(quoted.string("toread") == "1" && quoted.string("archived") == "1")
        let cafe = try #require(byURL["https://example.com/café?x=1&y=2"])
        #expect(cafe.string("title") == Self.nonASCIITitle)
        #expect(cafe.string("toread") == "0" && cafe.string("favorite") == "1")
        #expect(cafe.string("tags") == "Reading List")
        let newline = try #require(byURL["https://example.com/newline"])
        #expect(newline.string("title") == "Line one line \"two\": #3 - [x]")
        let library = try Self.articles(workspace)
        for (url, mark) in byURL {
            let article = try Self.article(library, url: url)
            #expect(mark.string("add_date") == String((article.string("addedAt") ?? "").prefix(19)).unixSeconds, "\(url)")
        }
    }

    @Test func csvRoundTripsThroughThePocketImporter() throws {
        let workspace = try Self.library()
        defer { withExtendedLifetime(workspace) {} }
        let file = workspace.folder.appendingPathComponent("pocket.csv").path
        let result = try workspace.succeed("export", "--format", "csv", "--output", file)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("1 article saved from a file has no URL and is not in the csv export"), "\(result)")
        #expect(result.stderr.contains("exported 3 articles to \(file)"), "\(result)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("title,url,time_added,tags,status\r\n"))
        #expect(text.contains(#""Title: ""quoted"" & <b>bold</b> #hash""#), "RFC 4180 quoting")

        let target = try Workspace()
        defer { withExtendedLifetime(target) {} }
        let summary = try #require(try target.succeed("import", file, "--format", "pocket-csv", "--json").json() as? [String: Any])
        #expect(summary["imported"] as? Int == 3 && summary["skippedCount"] as? Int == 0, "\(summary)")
        let before = try Self.articles(workspace)
        let after = try Self.articles(target)
        #expect(after.count == 3, "the file-saved article is not in the csv")
        for url in ["https://example.com/café?x=1&y=2", "https://example.com/quoted", "https://example.com/newline"] {
            let old = try Self.article(before, url: url)
            let new = try Self.article(after, url: url)
            #expect(new.string("id") == old.string("id"), "\(url)")
            #expect(new.string("title") == old.string("title")?.split(whereSeparator: \.isWhitespace).joined(separator: " "), "\(url)")
            #expect(new["tags"] as? [String] == old["tags"] as? [String], "\(url)")
            #expect(new.string("addedAt") == String((old.string("addedAt") ?? "").prefix(19)) + "Z", "to the second: \(url)")
            let wasDone = old["read"] as? Bool == true || old["archived"] as? Bool == true
            #expect(new["read"] as? Bool == wasDone && new["archived"] as? Bool == wasDone, "Pocket's two states: \(url)")
        }
        // `a,b` and `Reading List` (also given as `reading list`) survive in the `|` list.
        #expect(try Self.article(after, url: "https://example.com/quoted")["tags"] as? [String] == ["a,b", "Reading List"])
        #expect(try Self.article(after, url: "https://example.com/café?x=1&y=2")["archived"] as? Bool == true)
        #expect(try Self.article(after, url: "https://example.com/newline")["archived"] as? Bool == true,
                "read but not archived comes back archived: Pocket has no read-only state")
    }

    @Test func htmlRoundTripsTagsDatesAndStatesThroughTheBookmarkImporter() throws {
        let workspace = try Self.library()
        defer { withExtendedLifetime(workspace) {} }
        let file = workspace.folder.appendingPathComponent("bookmarks.html").path
        try workspace.succeed("export", "--format", "html", "--output", file)
        let target = try Workspace()
        defer { withExtendedLifetime(target) {} }
        let summary = try #require(try target.succeed("import", file, "--json").json() as? [String: Any])
        #expect(summary["imported"] as? Int == 3 && summary["skippedCount"] as? Int == 0, "\(summary)")
        let before = try Self.articles(workspace)
        let after = try Self.articles(target)
        for url in ["https://example.com/café?x=1&y=2", "https://example.com/quoted", "https://example.com/newline"] {
            let old = try Self.article(before, url: url)
            let new = try Self.article(after, url: url)
            #expect(new.string("id") == old.string("id"), "\(url)")
            // A `,` inside a tag name becomes a space in TAGS (SPEC.md §5.1).
            let tags = (old["tags"] as? [String])?.map { $0.replacingOccurrences(of: ",", with: " ") }
            #expect(new["tags"] as? [String] == tags, "\(url)")
            #expect(new.string("addedAt") == String((old.string("addedAt") ?? "").prefix(19)) + "Z", "to the second: \(url)")
            for state in ["read", "archived", "favorite"] {
                #expect(new[state] as? Bool == old[state] as? Bool, "\(state) of \(url)")
            }
        }
    }

    @Test func markdownWritesOneNotePerArticleIntoAFolder() throws {
        let workspace = try Self.library()
        defer { withExtendedLifetime(workspace) {} }
        let refused = try workspace.readlist("export", "--format", "markdown")
        #expect(refused.status == 64 && refused.stderr.contains("--output"), "\(refused)")
        let folder = workspace.folder.appendingPathComponent("vault/readlist")
        let result = try workspace.succeed("export", "--format", "markdown", "--output", folder.path)
        #expect(result.stderr.contains("exported 4 articles to"), "\(result)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count == 4, "\(names)")
        let library = try Self.articles(workspace)
        for article in library {
            let id = try #require(article.string("id"))
            let name = try #require(names.first { $0.hasSuffix("-\(id.prefix(8)).md") }, "\(id) in \(names)")
            #expect(name.count <= 80 + 9 + 3 && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == ".") })
            let note = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let front = try FrontMatter(note: note)
            #expect(front.scalars["title"] == article.string("title"))
            #expect(front.scalars["url"] == article.string("url"), "no url key for a file-saved article")
            #expect(front.scalars["id"] == id)
            #expect(front.lists["tags"] == article["tags"] as? [String])
            #expect(front.scalars["added"] == article.string("addedAt"))
            #expect(front.scalars["read"] == article.string("readAt"))
            #expect(front.scalars["archived"] == String(article["archived"] as? Bool ?? false))
            #expect(front.scalars["favorite"] == String(article["favorite"] as? Bool ?? false))
            #expect(front.scalars["site"] == article.string("site"))
            #expect(note.contains("\n---\n\n# "))
        }
        let fileNote = try String(
            contentsOf: folder.appendingPathComponent(try #require(names.first { $0.hasPrefix("us-looks-to-position-ukraine") })),
            encoding: .utf8)
        #expect(fileNote.contains("\n## Highlights\n\n> negotiation\n\nthesis: \\#1\n\nColour: green\n"), "\(fileNote)")
        #expect(fileNote.contains("the only way this war ends ultimately is through negotiation"), "the text is in the note")
        #expect(names.contains { $0.hasPrefix("aero-strasse-cafe-") }, "\(names)")
        #expect(names.contains { $0.hasPrefix("line-one-line-two-3-x-") }, "\(names)")

        // Exporting again writes the same files, byte for byte, and no others.
        let before = try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        try workspace.succeed("export", "--format", "markdown", "--output", folder.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == names)
        #expect(try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) } == before)

        let file = try workspace.write("not a folder", to: "file.txt")
        let notAFolder = try workspace.readlist("export", "--format", "markdown", "--output", file)
        #expect(notAFolder.status == 64 && notAFolder.stderr.contains("not a folder"), "\(notAFolder)")
    }

    @Test func tagKeepsOnlyTaggedArticlesInEveryFormat() throws {
        let workspace = try Self.library()
        defer { withExtendedLifetime(workspace) {} }
        // Tags match as tag names do: `READING   list` is `Reading List`.
        let json = try workspace.succeed("export", "--format", "json", "--tag", "READING   list").stdout
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let urls = try #require(document["articles"] as? [[String: Any]]).compactMap { $0.string("url") }
        #expect(Set(urls) == ["https://example.com/café?x=1&y=2", "https://example.com/quoted"])
        // The filtered JSON is still an export: imported into an empty library, it exports the same.
        let target = try Workspace()
        defer { withExtendedLifetime(target) {} }
        try target.succeed("import", try workspace.write(json, to: "tagged.json"))
        #expect(try target.export() == json)

        let both = try workspace.succeed("export", "--format", "html", "--tag", "reading list", "--tag", "A,B").stdout
        #expect(both.components(separatedBy: "<DT><A ").count - 1 == 1 && both.contains("https://example.com/quoted"))
        let csv = try workspace.succeed("export", "--format", "csv", "--tag", "politics")
        #expect(csv.stdout == "title,url,time_added,tags,status\r\n", "the only politics article has no URL")
        #expect(csv.stderr.contains("1 article saved from a file"))
        let folder = workspace.folder.appendingPathComponent("politics").path
        try workspace.succeed("export", "--format", "markdown", "--tag", "politics", "--output", folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).map { $0.hasPrefix("us-looks-to-position") } == [true])

        let none = try workspace.succeed("export", "--format", "json", "--tag", "nothing")
        #expect(none.stderr.contains("no articles tagged nothing"))
        #expect(try #require(try none.json() as? [String: Any])["articles"] as? [Any] != nil)
        let empty = try workspace.readlist("export", "--tag", "  ")
        #expect(empty.status == 64 && empty.stderr.contains("tag"), "\(empty)")
    }

    @Test func everyFormatIsDeterministicAndOutputMatchesStandardOutput() throws {
        let workspace = try Self.library()
        defer { withExtendedLifetime(workspace) {} }
        for format in ["json", "html", "csv"] {
            let first = try workspace.succeed("export", "--format", format).stdout
            #expect(try workspace.succeed("export", "--format", format).stdout == first, "\(format)")
            let file = workspace.folder.appendingPathComponent("out.\(format)").path
            try workspace.succeed("export", "--format", format, "--output", file)
            #expect(try String(contentsOfFile: file, encoding: .utf8) == first, "\(format)")
        }
        let html = try workspace.succeed("export", "--format", "html").stdout
        let added = html.split(separator: "\n").compactMap { line in
            line.range(of: #"ADD_DATE="(\d+)""#, options: .regularExpression).map { Int(line[$0].dropFirst(10).dropLast()) ?? 0 }
        }
        #expect(added == added.sorted(by: >), "newest first")
        let intoFolder = try workspace.readlist("export", "--format", "html", "--output", workspace.folder.path)
        #expect(intoFolder.status == 64 && intoFolder.stderr.contains("it is a folder"), "\(intoFolder)")
    }
}

extension String {
    /// `2026-11-25T05:30:38` (UTC) as Unix seconds.
    var unixSeconds: String? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = split(whereSeparator: { "-T:".contains($0) }).compactMap { Int($0) }
        guard parts.count == 6 else { return nil }
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4], second: parts[5])
        return calendar.date(from: components).map { String(Int($0.timeIntervalSince1970)) }
    }
}
