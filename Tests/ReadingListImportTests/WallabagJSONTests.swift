import Foundation
import ReadingListModel
import Testing
@testable import ReadingListImport

/// wallabag's v2 JSON export read by ``WallabagJSON`` (fixtures `wallabag-v2.json`,
/// `wallabag-malformed.json` and `wallabag-truncated.json`).
@Suite struct WallabagJSONTests {
    static let mediapart = "https://www.mediapart.fr/journal/france/080916/les-medias-independants"
    static let tombstones = "https://blog.example.com/2023/tombstones"

    static func date(_ text: String) -> Date? { Date(iso8601: text) }

    @Test(arguments: [1, 13, 65_536])
    func entriesMapToArticlesWithStatesAndHighlights(chunkSize: Int) throws {
        let result = ReadResult(try WallabagJSON.records(at: Fixtures.path("wallabag-v2.json"), chunkSize: chunkSize))
        #expect(result.problems.isEmpty)
        #expect(result.urls == [
            Self.mediapart, Self.tombstones, "https://news.example.org/failed-fetch", "https://example.jp/essays/komorebi",
        ])
        #expect(result.articles.map(\.line) == [2, 43, 93, 109])

        let french = try #require(result.article(Self.mediapart))
        #expect(french.draft.headline == "Les médias indépendants face à la concentration")
        #expect(french.draft.title == nil, "the entry's title is a headline: it never replaces a title chosen here")
        #expect(french.isFavorite && !french.isRead && !french.isArchived)
        #expect(french.draft.addedAt == Self.date("2016-09-08T09:55:58Z"))
        #expect(french.draft.publishedAt == Self.date("2016-09-08T04:00:00Z"))
        #expect(french.draft.byline == "Edwy Plenel" && french.draft.language == "fr")
        #expect(french.draft.tags == ["médias", "presse"])
        let content = try #require(french.draft.content)
        #expect(content.contains("Face à eux, les journaux indépendants misent sur l’abonnement, sans publicité"))
        #expect(content.contains("fait ses preuves & inspire"), "entities are decoded")
        #expect(!content.contains("<p>"))
        #expect(french.draft.excerpt?.hasPrefix("La concentration des médias français") == true)
        #expect(french.highlights == [ImportedHighlight(
            quote: "les journaux indépendants misent sur l’abonnement", note: "À citer dans l’article sur la presse",
            createdAt: Self.date("2016-09-08T10:01:30Z"))])

        let archived = try #require(result.article(Self.tombstones))
        #expect(archived.isRead && archived.isArchived && !archived.isFavorite, "archived in wallabag is read")
        #expect(archived.readAt == Self.date("2023-03-20T18:02:11Z"))
        #expect(archived.highlights.map(\.quote) == ["A tombstone records the deletion and its time", "Vector clocks are not always needed"])
        #expect(archived.highlights.map(\.note) == [nil, "This sentence was in the first version of the post."])

        let failed = try #require(result.article("https://news.example.org/failed-fetch"))
        #expect(failed.draft.content == nil, "wallabag's placeholder for a page it could not fetch is no content")
        #expect(failed.draft.headline == nil && failed.isRead && failed.isArchived)
        #expect(failed.draft.addedAt == Self.date("2017-01-02T02:04:05Z"))

        let japanese = try #require(result.article("https://example.jp/essays/komorebi"))
        #expect(japanese.draft.headline == "木漏れ日の散歩" && japanese.draft.byline == "山田 花子")
        #expect(japanese.draft.content?.contains("同じ景色は二度とない") == true)
        #expect(japanese.draft.addedAt == Self.date("2024-05-01T07:30:00Z"), "a time without an offset is UTC")
        #expect(japanese.highlights.first?.createdAt == Self.date("2024-04-30T23:00:00Z"))
    }

    @Test func tagsAsObjectsAreReadByTheirLabels() throws {
        let text = #"[{"url":"https://a.example/t","tags":[{"id":3,"label":"news","slug":"news"},{"slug":"only-slug"},"plain",7,null]}]"#
        let result = ReadResult(try WallabagJSON.records(at: try Fixtures.temporary(Data(text.utf8), named: "tags.json")))
        #expect(result.problems.isEmpty)
        #expect(result.article("https://a.example/t")?.draft.tags == ["news", "only-slug", "plain"])
    }

    @Test func badEntriesAreProblemsOnTheirLines() throws {
        let result = ReadResult(try WallabagJSON.records(at: Fixtures.path("wallabag-malformed.json"), chunkSize: 7))
        #expect(result.urls == [
            "https://example.com/good-one", "https://example.com/bad-time", "https://example.com/bad-flag",
            "https://example.com/bad-tags", "https://example.com/good-two",
        ])
        #expect(result.problems == [
            ImportProblem(line: 3, reason: "entry 2: url is not a string (it is a number)"),
            ImportProblem(line: 4, reason: "entry 3: url is missing"),
        ], "only entries that cannot be articles are problems")
        #expect(result.article("https://example.com/bad-time")?.draft.addedAt == nil, "an unreadable created_at is left out")
        #expect(result.article("https://example.com/bad-flag")?.isFavorite == true, "\"yes\" is read as true")
        #expect(result.article("https://example.com/bad-tags")?.draft.tags == ["one,two"], "one string is one name")
        let good = try #require(result.article("https://example.com/good-one"))
        #expect(good.isFavorite && !good.isRead && good.draft.tags == ["ok"])
        #expect(result.article("https://example.com/good-two")?.highlights == [ImportedHighlight(quote: "not in any text", note: "kept as orphaned")])
    }

    @Test(arguments: [1, 7, 65_536])
    func aTruncatedFileIsRefusedWholeBeforeAnyEntry(chunkSize: Int) throws {
        // Cut inside the content of the second entry: the first one is complete, and not read.
        #expect(throws: ImportProblem(line: 49, reason: "the file ends inside a string that starts on line 49 (is it truncated?)")) {
            try WallabagJSON.records(at: Fixtures.path("wallabag-truncated.json"), chunkSize: chunkSize)
        }
        let cutAfterAnEntry = try Fixtures.temporary(Data(#"[{"url": "https://a.example/1"}, {"url": "https://a.exa"#.utf8), named: "cut.json")
        #expect(throws: ImportProblem(line: 1, reason: "the file ends inside a string that starts on line 1 (is it truncated?)")) {
            try WallabagJSON.records(at: cutAfterAnEntry)
        }
        let unclosed = try Fixtures.temporary(Data("[{\"url\": \"https://a.example/1\"}\n".utf8), named: "unclosed.json")
        #expect(throws: ImportProblem(line: 2, reason: "the file ends inside the list (is it truncated?)")) {
            try WallabagJSON.records(at: unclosed)
        }
    }

    @Test func aFileThatIsNotAListIsRefused() throws {
        let path = try Fixtures.temporary(Data(#"{"entries": []}"#.utf8), named: "export.json")
        #expect(throws: ImportProblem(line: 1, reason: "the file is not a JSON list: it starts with “{”, not [")) {
            try WallabagJSON.records(at: path)
        }
    }

    @Test func entriesOnOneLineAreNamedByPosition() throws {
        let text = #"[{"url":"https://a.example/1","is_archived":"1"},{"url":"https://a.example/2","created_at":"soon"},{"url":""},"# +
            #"{"url":"https://a.example/4","published_at":"-0001-11-30T00:00:00+0009","annotations":[{"quote":"q","created_at":"?"}]}]"#
        let result = ReadResult(try WallabagJSON.records(at: try Fixtures.temporary(Data(text.utf8), named: "one-line.json")))
        #expect(result.articles.map(\.isArchived) == [true, false, false])
        #expect(result.problems == [ImportProblem(line: 1, reason: "entry 3: the url is empty")])
        let zeroDate = result.article("https://a.example/4")
        #expect(zeroDate?.draft.publishedAt == nil, "PHP's zero date is no publication time")
        #expect(zeroDate?.highlights == [ImportedHighlight(quote: "q")], "an unreadable annotation time is dropped, not the entry")
    }

    @Test(arguments: [
        ("2016-09-08T11:55:58+0200", "2016-09-08T09:55:58Z"), ("2016-09-08T11:55:58+02:00", "2016-09-08T09:55:58Z"),
        ("2016-09-08T11:55:58-0530", "2016-09-08T17:25:58Z"), ("2016-09-08T11:55:58Z", "2016-09-08T11:55:58Z"),
        ("2016-09-08T11:55:58.250+00:00", "2016-09-08T11:55:58.250Z"), ("2016-09-08 11:55:58", "2016-09-08T11:55:58Z"),
        ("2016-09-08T11:55:58+02", "2016-09-08T09:55:58Z"), ("2016-09-08T11:55", "2016-09-08T11:55:00Z"),
        ("2016-09-08", "2016-09-08T00:00:00Z"),
    ])
    func timesAreReadLeniently(text: String, utc: String) {
        #expect(Date(iso8601: text) != nil && Date(iso8601: text) == Date(iso8601: utc), "\(text)")
    }

    @Test(arguments: ["", "yesterday", "2016-13-08T11:55:58Z", "2016-09-08T11:55:58+2", "2016-09-08T11:55:58+0200x", "1473328558"])
    func otherTimesAreNot(text: String) {
        #expect(Date(iso8601: text) == nil, "\(text)")
    }
}
