import Foundation
@testable import ReadingListExport
import ReadingListImport
import ReadingListModel
import Testing

/// The exact output of each writer, and that equal articles give equal bytes.
@Suite struct WriterTests {
    static let unread = Fixtures.article(
        "aaaaaaaa", url: "https://example.com/a?x=1&y=2", title: "Tom & Jerry: \"The <Movie>\"",
        excerpt: "First line\nsecond   line", added: 1_700_000_000.75, tags: ["a,b", "Tools"])
    static let done = Fixtures.article(
        "bbbbbbbb", url: "https://example.com/b", title: "Café Straße — 日本語", added: 1_700_000_500, read: 1_700_000_900,
        archived: true, favorite: true,
        highlights: [Fixtures.highlight("bbbbbbbb", quote: "quoted", created: 1_700_001_000)])
    static let readOnly = Fixtures.article("cccccccc", url: "https://example.com/c", title: "Read, not archived", added: 1_600_000_000, read: 1_600_000_001)
    static let fromFile = Fixtures.article("dddddddd", url: nil, title: "Saved from a file", added: 1_800_000_000)

    @Test func bookmarkFileHasTheNetscapeShape() {
        let text = String(decoding: NetscapeBookmarkWriter.document([Self.unread, Self.done, Self.fromFile]), as: UTF8.self)
        #expect(text == """
            <!DOCTYPE NETSCAPE-Bookmark-file-1>
            <!-- This is an automatically generated file.
                 It will be read and overwritten.
                 DO NOT EDIT! -->
            <META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
            <TITLE>Bookmarks</TITLE>
            <H1>Bookmarks</H1>
            <DL><p>
                <DT><A HREF="https://example.com/a?x=1&amp;y=2" ADD_DATE="1700000000" LAST_MODIFIED="1700000000" TAGS="a b,Tools" TOREAD="1">Tom &amp; Jerry: &quot;The &lt;Movie&gt;&quot;</A>
                <DD>First line second line
                <DT><A HREF="https://example.com/b" ADD_DATE="1700000500" LAST_MODIFIED="1700001000" TOREAD="0" ARCHIVED="1" FAVORITE="1">Café Straße — 日本語</A>
            </DL><p>

            """)
    }

    @Test func csvIsPocketsFirstVariantWithRFC4180Quoting() throws {
        let multiline = Fixtures.article(
            "eeeeeeee", url: "https://example.com/with,comma", title: "Line one\r\nline \"two\"", added: 1_650_000_000,
            tags: ["x|y", "z"])
        let text = String(decoding: try PocketCSVWriter.document([Self.unread, Self.done, Self.readOnly, multiline, Self.fromFile]), as: UTF8.self)
        #expect(text == [
            "title,url,time_added,tags,status",
            "\"Tom & Jerry: \"\"The <Movie>\"\"\",https://example.com/a?x=1&y=2,1700000000,\"a,b|Tools\",unread",
            "Café Straße — 日本語,https://example.com/b,1700000500,,archive",
            "\"Read, not archived\",https://example.com/c,1600000000,,archive",
            "\"Line one\r\nline \"\"two\"\"\",\"https://example.com/with,comma\",1650000000,x y|z,unread",
            "",
        ].joined(separator: "\r\n"))
    }

    @Test func ourPocketImporterReadsTheCSVBack() throws {
        let articles = [Self.unread, Self.done, Self.readOnly, Self.fromFile]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("readlist-export-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try PocketCSVWriter.document(articles).write(to: file)
        let records = try PocketCSV.records(at: file.path).map { try $0.get() }
        #expect(records.count == 3)
        #expect(records.map(\.draft.headline) == [Self.unread.title, Self.done.title, Self.readOnly.title])
        #expect(records.map(\.draft.tags) == [["a,b", "Tools"], [], []], "a comma is kept in a | list")
        #expect(records.map(\.draft.addedAt) == [Fixtures.date(1_700_000_000), Fixtures.date(1_700_000_500), Fixtures.date(1_600_000_000)])
        #expect(records.map(\.isRead) == [false, true, true])
        #expect(records.map(\.isArchived) == [false, true, true], "read but not archived comes back archived")
        #expect(records.map(\.draft.source) == [.url("https://example.com/a?x=1&y=2"), .url("https://example.com/b"), .url("https://example.com/c")])
    }

    @Test func markdownNoteHasFrontMatterTextAndHighlights() {
        let article = Article(
            id: Fixtures.id("12345678"), url: "https://example.com/essay", canonicalURL: "https://example.com/essay",
            title: "Essay: \"Local-first\"\n# really", byline: "Jane Doe", siteName: "Ink & Switch", excerpt: "A short summary.",
            content: "First paragraph with *stars*.\n\n# Not a heading", publishedAt: Fixtures.date(1_500_000_000),
            addedAt: Fixtures.date(1_700_000_000.5), readAt: Fixtures.date(1_700_086_400), isArchived: false, isFavorite: true,
            tags: ["essays", "local-first: yes"],
            highlights: [
                Fixtures.highlight("12345678", quote: "First paragraph\nwith", note: "a note: #1", color: .green),
                Fixtures.highlight("12345678", quote: "gone", orphaned: true),
            ])
        #expect(MarkdownNotesWriter.note(article) == """
            ---
            title: "Essay: \\"Local-first\\"\\n# really"
            url: "https://example.com/essay"
            id: "12345678-0000-5000-8000-000000000000"
            byline: "Jane Doe"
            site: "Ink & Switch"
            tags:
              - "essays"
              - "local-first: yes"
            added: 2023-11-14T22:13:20.500Z
            published: 2017-07-14T02:40:00Z
            read: 2023-11-15T22:13:20Z
            archived: false
            favorite: true
            ---

            # Essay: "Local-first" \\# really

            A short summary.

            First paragraph with \\*stars\\*.

            \\# Not a heading

            ## Highlights

            > First paragraph
            > with

            a note: \\#1

            Colour: green

            > gone

            (This quote is no longer in the text.)

            """)
    }

    @Test func markdownNoteShowsTablesAndBlockIDsAsWritten() {
        let article = Article(
            id: Fixtures.id("13572468"), url: "https://example.com/table", canonicalURL: "https://example.com/table",
            title: "| Not | a table | ^title-id", excerpt: "Summary ^summary",
            content: "| a | b |\n|---|---|\n| 1 | 2 |\n\nname | value\n:-- | --:\n\nLast line ^p1",
            addedAt: Fixtures.date(1_700_000_000),
            highlights: [Fixtures.highlight("13572468", quote: "| 1 | 2 |\nquoted ^q1", note: "| x |\nmine ^n1")])
        let note = MarkdownNotesWriter.note(article)
        let body = note.components(separatedBy: "---\n\n").dropFirst().joined(separator: "---\n\n")
        #expect(body == """
            # \\| Not \\| a table \\| \\^title-id

            Summary \\^summary

            \\| a \\| b \\|
            \\|---\\|---\\|
            \\| 1 \\| 2 \\|

            name \\| value
            :-- \\| --:

            Last line \\^p1

            ## Highlights

            > \\| 1 \\| 2 \\|
            > quoted \\^q1

            \\| x \\|
            mine \\^n1

            """)
        #expect(note.hasPrefix("---\ntitle: \"| Not | a table | ^title-id\"\n"), "front matter is YAML, not Markdown")
    }

    @Test func markdownNoteOfAFileArticleHasNoURLAndEmptyTags() {
        let note = MarkdownNotesWriter.note(Self.fromFile)
        #expect(!note.contains("url:"))
        #expect(note.contains("\ntags: []\n"))
        #expect(note.hasSuffix("---\n\n# Saved from a file\n"))
    }

    @Test func markdownFileNamesAreSlugAndIdStartAndStayUnique() {
        #expect(MarkdownNotesWriter.fileName(of: Self.done) == "cafe-strasse-bbbbbbbb.md")
        #expect(MarkdownNotesWriter.fileName(of: Self.fromFile) == "saved-from-a-file-dddddddd.md")
        // Two articles whose ids start alike and whose titles slug alike get the whole id.
        let one = Article(id: ArticleID("abcdef01-1111-5000-8000-000000000000")!, url: nil, canonicalURL: nil, title: "Same!", addedAt: .now)
        let two = Article(id: ArticleID("abcdef01-2222-5000-8000-000000000000")!, url: nil, canonicalURL: nil, title: "same?", addedAt: .now)
        #expect(MarkdownNotesWriter.fileNames([one, two, Self.done]) == [
            "same-abcdef01-1111-5000-8000-000000000000.md", "same-abcdef01-2222-5000-8000-000000000000.md", "cafe-strasse-bbbbbbbb.md",
        ])
        let files = MarkdownNotesWriter.files([Self.fromFile, Self.done, Self.unread])
        #expect(files.map(\.name) == ["cafe-strasse-bbbbbbbb.md", "saved-from-a-file-dddddddd.md", "tom-jerry-the-movie-aaaaaaaa.md"])
    }

    @Test(arguments: ExportFormat.allCases)
    func equalArticlesInAnyOrderExportEqualBytes(_ format: ExportFormat) throws {
        let articles = [Self.unread, Self.done, Self.readOnly, Self.fromFile]
        let first = try ArticleExporter.export(articles, as: format)
        let second = try ArticleExporter.export(articles.reversed(), as: format)
        #expect(first == second)
        #expect(first.exportedCount == (format.needsURL ? 3 : 4))
        #expect(first.withoutURLCount == (format.needsURL ? 1 : 0))
    }

    @Test func htmlAndCSVListNewestFirstThenById() {
        let twin = Fixtures.article("00000000", url: "https://example.com/twin", added: 1_700_000_500)
        let ordered = ArticleExporter.ordered([Self.readOnly, Self.unread, Self.done, twin, Self.fromFile])
        #expect(ordered.map(\.id.short) == ["dddddddd", "00000000", "bbbbbbbb", "aaaaaaaa", "cccccccc"])
    }
}
