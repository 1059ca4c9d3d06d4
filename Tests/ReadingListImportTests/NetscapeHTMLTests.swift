import Foundation
import ReadingListModel
import Testing
@testable import ReadingListImport

/// Netscape bookmark files read by ``NetscapeHTML``: browsers' exports, Pinboard, linkding,
/// files without the DOCTYPE, and the shapes libxml2 recovers unclosed tags into.
@Suite struct NetscapeHTMLTests {
    func read(_ name: String) throws -> ReadResult { ReadResult(try NetscapeHTML.records(at: Fixtures.path(name))) }
    func read(text: String) throws -> ReadResult { ReadResult(try NetscapeHTML.records(at: Fixtures.temporary(text))) }

    @Test func firefoxFoldersBecomeTagsButNotTheBrowsersRootFolders() throws {
        let result = try read("firefox-bookmarks.html")
        #expect(result.urls == [
            "https://example.com/essays/ben-and-jerry", "https://example.fr/cafe-creme", "https://example.fr/deja-vu",
            "https://example.com/after-nested", "https://www.mozilla.org/en-US/firefox/central/",
            "https://news.example.org/", "https://tools.example.net/json", "https://example.com/unfiled",
        ])
        #expect(result.article("https://example.com/essays/ben-and-jerry")?.draft.tags == ["Reading", "food", "business"])
        #expect(result.article("https://example.fr/cafe-creme")?.draft.tags == ["Reading", "Français"])
        #expect(result.article("https://example.com/after-nested")?.draft.tags == ["Reading"], "a nested folder ends with its list")
        #expect(result.article("https://www.mozilla.org/en-US/firefox/central/")?.draft.tags == [])
        #expect(result.article("https://news.example.org/")?.draft.tags == ["news"], "the toolbar folder is no tag")
        #expect(result.article("https://tools.example.net/json")?.draft.tags == ["Tools"], "a folder inside the toolbar is")
        #expect(result.article("https://example.com/unfiled")?.draft.tags == [], "Other Bookmarks is no tag")
    }

    @Test func firefoxTitlesDatesAndDescriptions() throws {
        let result = try read("firefox-bookmarks.html")
        let essay = try #require(result.article("https://example.com/essays/ben-and-jerry"))
        #expect(essay.draft.headline == "Ben & Jerry's: a history")
        #expect(essay.draft.addedAt == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(essay.draft.excerpt == "How two friends built an ice-cream company")
        #expect(essay.line == 15)
        #expect(result.article("https://example.fr/deja-vu")?.draft.headline == "Déjà vu — l’essai")
        #expect(result.article("https://example.fr/cafe-creme")?.draft.excerpt == nil, "a folder's description is no bookmark's")
        #expect(result.articles.allSatisfy { !$0.isRead && !$0.isArchived }, "a browser's file marks nothing read")
    }

    @Test func linksThatAreNotWebPagesAreIgnored() throws {
        let result = ReadResult(try NetscapeHTML.records(at: Fixtures.path("firefox-bookmarks.html")))
        #expect(result.articles.count == 8 && result.problems.isEmpty)
        #expect(result.ignored == [
            .ignored(line: 28, reason: "place: links are no web pages; not imported"),
            .ignored(line: 32, reason: "javascript: links are no web pages; not imported"),
        ])
        let shaarli = ReadResult(try NetscapeHTML.records(at: Fixtures.temporary("""
            <DL><DT><A HREF="?Xyz123">A note</A><DT><A HREF="FILE:///home/me/a.pdf">A file</A>
            <DT><A HREF="https://a.example/">A page</A><DT><A HREF="ftp://old.example/">Old</A></DL>
            """)))
        #expect(shaarli.ignored.map(\.line) == [1, 1] && shaarli.urls == ["https://a.example/", "ftp://old.example/"])
    }

    @Test func chromeFoldersNestAndRootFoldersAreLeftOut() throws {
        let result = try read("chrome-bookmarks.html")
        #expect(result.problems.isEmpty)
        #expect(result.articles.count == 5)
        #expect(result.article("https://developer.apple.com/documentation/swift")?.draft.tags == [])
        #expect(result.article("https://cooking.example.com/bread")?.draft.tags == ["Recipes"])
        #expect(result.article("https://cooking.example.com/tarte-tatin")?.draft.tags == ["Recipes", "Desserts"])
        #expect(result.article("https://example.org/loose")?.draft.tags == [])
        #expect(result.article("https://m.example.org/phone")?.draft.tags == [], "Mobile bookmarks is no tag")
    }

    @Test func linkdingReadStateArchiveMarkerAndNotes() throws {
        let result = try read("linkding-bookmarks.html")
        let unread = try #require(result.article("https://example.com/unread-one"))
        #expect(!unread.isRead && !unread.isArchived)
        #expect(unread.draft.tags == ["swift", "linux"])
        #expect(unread.draft.excerpt == "A description <with markup>\n\nFirst note line\nsecond note line")
        let read = try #require(result.article("https://example.com/read-one"))
        #expect(read.isRead && !read.isArchived, "TOREAD=\"0\" in a file that keeps read state is read")
        let archived = try #require(result.article("https://example.com/archived"))
        #expect(archived.isArchived && archived.isRead)
        #expect(archived.draft.tags == ["history"], "the archive marker is no tag")
        #expect(archived.draft.excerpt == "Only a note")
        #expect(result.article("https://example.com/millis")?.draft.addedAt == Date(timeIntervalSince1970: 1_700_000_300))
        #expect(result.problems.isEmpty)
        let badDate = try #require(result.article("https://example.com/bad-date"), "an unreadable ADD_DATE does not skip the bookmark")
        #expect(badDate.draft.addedAt == nil && badDate.line == 13 && badDate.isRead)
    }

    @Test func pinboardToReadMarksTheOthersRead() throws {
        let result = try read("pinboard-bookmarks.html")
        #expect(result.problems.isEmpty)
        let toRead = try #require(result.article("https://pinboard.example/sqlite-wal"))
        #expect(!toRead.isRead)
        #expect(toRead.draft.excerpt == "Write-ahead logging, checkpoints,\nand readers that never block.")
        #expect(toRead.line == 5)
        #expect(result.article("https://pinboard.example/unicode")?.isRead == true)
        #expect(result.article("https://pinboard.example/unicode")?.draft.headline == "Ünïcödé normalization, explained")
        let micro = try #require(result.article("https://pinboard.example/micro"))
        #expect(micro.draft.addedAt == Date(timeIntervalSince1970: 1_650_000_200))
        #expect(micro.draft.excerpt == "Converted from Firefox JSON")
    }

    @Test func aFileWithoutTheDoctypeReads() throws {
        let result = try read("no-doctype-bookmarks.html")
        #expect(result.problems.isEmpty)
        let tokyo = try #require(result.article("https://shaarli.example/links/tokyo"))
        #expect(tokyo.draft.headline == "東京の夜 & more")
        #expect(tokyo.draft.tags == ["travel", "日本"])
        #expect(tokyo.draft.excerpt == "Notes from a trip")
        #expect(result.article("https://shaarli.example/links/plain")?.draft.excerpt == nil)
    }

    @Test func aFolderListInsideItsItemOrAfterItHoldsTheSameLinks() throws {
        let inside = try read(text: """
            <DL><p><DT><H3>Folder</H3><DL><p><DT><A HREF="https://in.example/">In</A></DL><p>\
            <DT><A HREF="https://out.example/">Out</A></DL>
            """)
        #expect(inside.article("https://in.example/")?.draft.tags == ["Folder"])
        #expect(inside.article("https://out.example/")?.draft.tags == [])
        let after = try read(text: """
            <DL><p>
            <DT><H3>Folder</H3>
            <DL><p>
            <DT><A HREF="https://in.example/">In</A>
            </DL><p>
            <DT><A HREF="https://out.example/">Out</A>
            </DL><p>
            """)
        #expect(after.article("https://in.example/")?.draft.tags == ["Folder"])
        #expect(after.article("https://out.example/")?.draft.tags == [])
    }

    @Test func aFolderWithoutAListNamesNothing() throws {
        let result = try read(text: """
            <DL><p>
            <DT><H3>Empty</H3>
            <DT><A HREF="https://a.example/">A</A>
            <DT><H3>Also empty</H3>
            </DL><p>
            <DL><p>
            <DT><A HREF="https://b.example/">B</A>
            </DL>
            """)
        #expect(result.article("https://a.example/")?.draft.tags == [])
        #expect(result.article("https://b.example/")?.draft.tags == [])
        let stray = try read(text: """
            <DL><p>
            <DT><H3>Heading</H3>
            <DT><A HREF="https://c.example/">C</A>
            <DL><p><DT><A HREF="https://d.example/">D</A></DL>
            </DL>
            """)
        #expect(stray.article("https://d.example/")?.draft.tags == [], "a list after a link is not the heading's folder")
    }

    @Test func oddLinksAndDescriptions() throws {
        let result = try read(text: """
            <DL><DT><A HREF="https://nested.example/">Nested <b>bold</b> rest</A><DD>desc<br>more
            <DT><A NAME="anchor">an anchor, not a bookmark</A>
            <DT><A>no address</A>
            <DT><A HREF="  ">blank address</A>
            <DT><A HREF="https://e.example/?a=1&amp;b=2" TAGS=" one , ,two,">https://e.example/?a=1&amp;b=2</A>
            <DT><A HREF="data:text/html,hello">data</A>
            <DT><A HREF="example.com:8080/page" ADD_DATE="0">host and port</A>
            <DT><A HREF="https://neg.example/" ADD_DATE="-5">negative</A>
            <DT><A HREF="https://huge.example/" ADD_DATE="99999999999999999">huge</A>
            <DT><A HREF="https://empty.example/" ADD_DATE="">empty</A>
            </DL>
            """)
        let nested = try #require(result.article("https://nested.example/"))
        #expect(nested.draft.headline == "Nested bold rest")
        #expect(nested.draft.excerpt == "desc\nmore")
        let entities = try #require(result.article("https://e.example/?a=1&b=2"))
        #expect(entities.draft.headline == nil, "a title that only repeats the address is left out")
        #expect(entities.draft.tags == ["one", "two"])
        #expect(result.article("example.com:8080/page")?.draft.addedAt == nil, "ADD_DATE 0 is unknown")
        #expect(result.article("data:text/html,hello") == nil && result.ignored.map(\.line) == [6], "a data: link is ignored")
        #expect(result.problems.map(\.line) == [3, 4])
        #expect(result.problems[0].reason == "the link has no address (HREF)")
        for url in ["https://neg.example/", "https://huge.example/", "https://empty.example/"] {
            #expect(result.article(url)?.draft.addedAt == nil, "\(url): an unreadable ADD_DATE is left out")
        }
    }

    @Test func scriptsAreNoPartOfADescription() throws {
        let result = try read(text: "<DL><DT><A HREF=\"https://s.example/\">S</A><DD>desc<script>var a = 1</script> more</DL>")
        #expect(result.articles.first?.draft.excerpt == "desc more")
    }

    @Test func raindropsImportantBookmarksAreFavourites() throws {
        let result = try read(text: """
            <DL><p><DT><A HREF="https://r.example/1" DATA-IMPORTANT="true">One</A><DT><A HREF="https://r.example/2">Two</A></DL>
            """)
        #expect(result.articles.map(\.isFavorite) == [true, false])
    }

    @Test func charsets() throws {
        // Windows-1252 bytes, declared: decoded as declared.
        var latin = Data("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1252\">\n<DL><DT><A HREF=\"https://l.example/\">Caf".utf8)
        latin.append(contentsOf: [0xE9, 0x20, 0x93, 0x71, 0x94])
        latin.append(Data("</A></DL>".utf8))
        #expect(ReadResult(try NetscapeHTML.records(at: Fixtures.temporary(latin))).articles.first?.draft.headline == "Café “q”")
        // UTF-8 with a byte-order mark and a wrong declaration: read as UTF-8.
        var utf8 = Data([0xEF, 0xBB, 0xBF])
        utf8.append(Data("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\">\n<DL><DT><A HREF=\"https://u.example/\">Ωmega café</A></DL>".utf8))
        let result = ReadResult(try NetscapeHTML.records(at: Fixtures.temporary(utf8)))
        #expect(result.articles.first?.draft.headline == "Ωmega café")
        #expect(result.articles.first?.line == 2)
    }

    @Test func filesWithoutBookmarksAreRefused() throws {
        #expect(throws: ImportProblem(line: 0, reason: "the file holds no bookmarks (no <A HREF=…> links)")) {
            try NetscapeHTML.records(at: Fixtures.path("not-bookmarks.html"))
        }
        let emptyExport = "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n</DL><p>\n"
        #expect(throws: ImportProblem.self) { try NetscapeHTML.records(at: Fixtures.temporary(emptyExport)) }
        #expect(throws: ImportProblem(line: 0, reason: "the file is empty")) { try NetscapeHTML.records(at: Fixtures.temporary(" \n\n")) }
        #expect(throws: ImportProblem.self) { try NetscapeHTML.records(at: Fixtures.temporary(Data([0, 1, 2, 0xFF, 0xFE, 7, 0]))) }
        #expect(throws: ImportProblem.self) { try NetscapeHTML.records(at: "/nonexistent/bookmarks.html") }
    }

    @Test func tenThousandsOfBookmarksInOneFolderAreReadWithTheirLines() throws {
        // libxml2 nests each unclosed <DT> in the one before, so this list is 70,000 elements
        // deep, and its last lines are past 65,535.
        var text = "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><H3>Big</H3>\n<DL><p>\n"
        for index in 0..<70_000 {
            text += "<DT><A HREF=\"https://example.com/\(index)\" ADD_DATE=\"1700000000\">Page \(index)</A>\n"
        }
        text += "<DT><A HREF=\"https://example.com/last\">last</A>\n</DL><p>\n<DT><A HREF=\"https://example.com/outside\">Outside</A>\n</DL><p>\n"
        let result = try read(text: text)
        #expect(result.articles.count == 70_002)
        #expect(result.articles[69_999].line == 70_004)
        #expect(result.articles[69_999].draft.tags == ["Big"])
        #expect(result.articles[70_000].line == 70_005)
        #expect(result.problems.isEmpty)
        #expect(result.article("https://example.com/outside")?.draft.tags == [])
    }

    @Test func theReaderCanBeReadTwice() throws {
        let reader = try NetscapeHTML.records(at: Fixtures.path("chrome-bookmarks.html"))
        #expect(ReadResult(reader).urls == ReadResult(reader).urls)
    }
}

/// The charsets of bookmark files that are not UTF-8: as browsers read them.
@Suite struct BookmarkCharsetTests {
    static let latinTitle: [UInt8] = Array("It".utf8) + [0x92] + Array("s ".utf8) + [0x93] + Array("quoted".utf8) + [0x94, 0x20, 0x96, 0x20, 0x80, 0x35]

    static func file(meta: String?) -> Data {
        var bytes = Array("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n".utf8)
        if let meta { bytes += Array("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=\(meta)\">\n".utf8) }
        bytes += Array("<DL><p>\n<DT><A HREF=\"https://l.example/\">".utf8) + latinTitle + Array("</A>\n</DL>\n".utf8)
        return Data(bytes)
    }

    @Test(arguments: ["ISO-8859-1", "latin1", "us-ascii", nil] as [String?])
    func latinOneAsciiOrNothingIsReadAsWindows1252(meta: String?) throws {
        let result = ReadResult(try NetscapeHTML.records(at: Fixtures.temporary(Self.file(meta: meta))))
        #expect(result.articles.first?.draft.headline == "It’s “quoted” – €5")
    }

    @Test(arguments: [false, true])
    func utf16WithAByteOrderMarkIsReadAndDetected(bigEndian: Bool) throws {
        let text = "<!DOCTYPE NETSCAPE-Bookmark-file-1>\r\n<DL><p>\r\n<DT><A HREF=\"https://u.example/\" ADD_DATE=\"1700000000\">Ωmega 東京</A>\r\n</DL><p>\r\n"
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        #expect(ImportFormat.detect(Data(bytes)) == .netscapeHTML)
        let result = ReadResult(try NetscapeHTML.records(at: Fixtures.temporary(Data(bytes))))
        #expect(result.articles.first?.draft.headline == "Ωmega 東京")
        #expect(result.articles.first?.line == 3)
    }
}
