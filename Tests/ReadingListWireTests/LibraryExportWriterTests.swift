import Foundation
import ReadingListModel
import ReadingListWire
import Testing

/// The JSON export written a few articles at a time is byte for byte the whole document.
@Suite struct LibraryExportWriterTests {
    static func id(_ number: Int) -> ArticleID {
        let hex = String(number, radix: 16)
        return ArticleID(UUID(uuidString: String(repeating: "0", count: 8 - hex.count) + hex + "-0000-5000-8000-000000000000")!)
    }

    static func date(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }

    /// Articles with every kind of value: nulls and empty arrays, tags, highlights with and
    /// without notes and colours, unicode, quotes, backslashes, slashes, line breaks and tabs.
    static let articles: [Article] = [
        Article(id: id(1), url: nil, canonicalURL: nil, title: "", addedAt: date(0)),
        Article(
            id: id(2), url: "https://example.com/a?x=1&y=\"2\"", canonicalURL: "https://example.com/a",
            title: "Café Straße — 日本語 😀", byline: "Jane \"JD\" Doe", siteName: "Ink & Switch",
            excerpt: "Line one\nline two\r\n\ttabbed", content: "First paragraph.\n\n  Second, with \"quotes\" and \\backslash\\ and /slashes/.\n",
            language: "de", publishedAt: date(1_500_000_000.123), wordCount: 1234, addedAt: date(1_700_000_000.5),
            readAt: date(1_700_086_400), isArchived: true, isFavorite: true, progress: ReadingProgress(clamping: 3333),
            tags: ["essays", "local-first: yes", "日本"],
            highlights: [
                Highlight(
                    id: HighlightID(UUID(uuidString: "00000000-0000-4000-8000-000000000001")!), articleID: id(2),
                    quote: "First paragraph.", prefix: "", suffix: "\n\n  Second", start: 0, end: 16, note: "a note:\n#1",
                    color: .green, createdAt: date(1_700_000_100), isOrphaned: false),
                Highlight(
                    id: HighlightID(UUID(uuidString: "00000000-0000-4000-8000-000000000002")!), articleID: id(2),
                    quote: "gone", prefix: "", suffix: "", start: 0, end: 0, createdAt: date(1_700_000_200), isOrphaned: true),
            ]),
        Article(id: id(3), url: "https://example.com/3", canonicalURL: nil, title: "Three", content: "", addedAt: date(1_700_000_000.5)),
        Article(
            id: id(0xABCDEF01), url: "https://example.com/z", canonicalURL: "https://example.com/z", title: "[{\"json\": true}]",
            content: "{\n  \"not\" : [\n\n  ]\n}", addedAt: date(-1), tags: ["x"]),
    ] + (10..<30).map { Article(id: id($0), url: "https://example.com/\($0)", canonicalURL: nil, title: "Article \($0)", addedAt: date(Double($0))) }

    static func streamed(_ articles: [Article], batchSize: Int) throws -> Data {
        var writer = LibraryExportWriter()
        var data = LibraryExportWriter.header
        let sorted = articles.sorted { $0.id < $1.id }
        for start in stride(from: 0, to: sorted.count, by: batchSize) {
            data += try writer.entries(Array(sorted[start..<min(start + batchSize, sorted.count)]))
        }
        return data + LibraryExportWriter.trailer
    }

    @Test(arguments: [0, 1, 2, 4, 24])
    func streamedExportEqualsTheWholeDocument(count: Int) throws {
        let articles = Array(Self.articles.prefix(count).reversed())
        let whole = try WireJSON.encode(LibraryExport(articles: articles))
        for batchSize in [1, 2, 3, 500] {
            let streamed = try Self.streamed(articles, batchSize: batchSize)
            #expect(streamed == whole, "\(count) articles in batches of \(batchSize):\n\(String(decoding: streamed, as: UTF8.self))")
        }
    }

    @Test func theEmptyExportHasFoundationsEmptyArray() throws {
        #expect(String(decoding: try Self.streamed([], batchSize: 1), as: UTF8.self) == """
            {
              "articles" : [

              ],
              "format" : "readlist-export",
              "version" : 1
            }

            """)
    }

    @Test func articlesOutOfIdOrderAreRefused() throws {
        var writer = LibraryExportWriter()
        _ = try writer.entries([Self.articles[2]])
        #expect(throws: EncodingError.self) { try writer.entries([Self.articles[1]]) }
        #expect(throws: EncodingError.self) { try writer.entries([Self.articles[2]]) }
    }
}
