import Foundation
import ReadingListModel
import ReadingListWire
import Testing

@Suite struct ArticleJSONTests {
    let article = Article(
        id: ArticleID(UUID(uuidString: "0F9C3A2B-0000-5000-8000-000000000001")!),
        url: "https://example.com/a", canonicalURL: "https://example.com/a", title: "A",
        content: "Body text.", wordCount: 2, addedAt: Date(timeIntervalSince1970: 1_780_000_000),
        progress: ReadingProgress(clamping: 3333), tags: ["x"],
        highlights: [Highlight(
            id: HighlightID(UUID(uuidString: "00000000-0000-4000-8000-000000000002")!),
            articleID: ArticleID(UUID(uuidString: "0F9C3A2B-0000-5000-8000-000000000001")!),
            quote: "Body", prefix: "", suffix: " text.", start: 0, end: 4,
            createdAt: Date(timeIntervalSince1970: 1_780_000_001))])

    func keys(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func everyRequiredKeyIsPresentWithNullsForUnknownValues() throws {
        let object = try keys(try WireJSON.encode(ArticleJSON(article)))
        for key in ["byline", "site", "excerpt", "language", "publishedAt", "readAt"] {
            #expect(object[key] is NSNull, "\(key)")
        }
        #expect(object["content"] == nil)
        #expect(object["snippet"] == nil)
        #expect(object["progress"] as? Double == 33.33)
        #expect(object["addedAt"] as? String == "2026-05-28T20:26:40Z")
        #expect(object["id"] as? String == "0f9c3a2b-0000-5000-8000-000000000001")
        let highlight = try #require((object["highlights"] as? [[String: Any]])?.first)
        #expect(highlight["note"] is NSNull && highlight["color"] is NSNull && highlight["orphaned"] as? Bool == false)
    }

    @Test func contentIsIncludedWhenAsked() throws {
        #expect(try keys(try WireJSON.encode(ArticleJSON(article, includingContent: true)))["content"] as? String == "Body text.")
    }

    @Test func encodingIsDeterministicSortedAndEndsWithANewline() throws {
        let first = try WireJSON.encode(LibraryExport(articles: [article]))
        let second = try WireJSON.encode(LibraryExport(articles: [article]))
        #expect(first == second)
        #expect(first.last == 0x0A)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("https://example.com/a"))
        let articleKeys = text.components(separatedBy: "\n").filter { $0.hasPrefix("      \"") }.map {
            $0.trimmingCharacters(in: .whitespaces).split(separator: "\"")[0]
        }
        #expect(articleKeys == articleKeys.sorted())
    }

    @Test func exportsRoundTripThroughTheDecoder() throws {
        let export = LibraryExport(articles: [article])
        let decoded = try WireJSON.decode(LibraryExport.self, from: try WireJSON.encode(export))
        #expect(decoded == export)
    }
}
