import Foundation
import ReadingListModel
import Testing
@testable import ReadingListImport

/// Readwise's highlights CSV (``ReadwiseCSV``), Readwise Reader's documents CSV
/// (``ReadwiseReaderCSV``), and the tag lists and times they hold.
@Suite struct ReadwiseCSVTests {
    /// Milliseconds since 1970, as readlist stores times.
    func milliseconds(_ date: Date?) -> Int64? { date.map { Int64(($0.timeIntervalSince1970 * 1000).rounded(.down)) } }

    @Test func eachHighlightIsItsBooksArticleWithOneHighlight() throws {
        let result = ReadResult(try ReadwiseCSV.records(at: Fixtures.path("readwise-highlights.csv")))
        #expect(result.articles.map(\.line) == [2, 3, 5, 7])
        #expect(result.problems == [ImportProblem(line: 6, reason: "the highlight is empty")])
        #expect(result.articles[3].highlights.first?.createdAt == nil, "an unreadable time is left out, the highlight kept")
        let first = result.articles[0]
        let stalin = ReadwiseCSV.bookSource(title: "Stalin: Volume I", author: "Stephen Kotkin")
        #expect(stalin == .fileContents(Data("readwise-book:Stalin: Volume I\nStephen Kotkin".utf8)))
        #expect(first.draft.source == stalin && result.articles[2].draft.source == stalin, "non-adjacent rows, one article")
        #expect(first.draft.headline == "Stalin: Volume I" && first.draft.byline == "Stephen Kotkin")
        #expect(first.draft.tags == ["favorites", "history"])
        #expect(first.draft.addedAt == Date(timeIntervalSince1970: 1_784_296_825))
        #expect(first.highlights == [ImportedHighlight(
            quote: "First passage, with a comma.", note: "my note", color: .yellow, createdAt: Date(timeIntervalSince1970: 1_784_296_825))])
        #expect(result.articles[2].draft.tags == ["favorites", "history", "power"])
        #expect(result.articles[2].highlights.first?.color == .blue)
        let prince = result.articles[1]
        #expect(prince.draft.byline == "Antoine de Saint-Exupéry")
        #expect(prince.highlights.first?.quote == "On ne voit bien qu'avec le cœur.\nL'essentiel est invisible pour les yeux.")
        #expect(prince.highlights.first?.color == nil, "orange is no colour of readlist's")
        #expect(prince.highlights.first?.note == nil)
    }

    @Test func theBulkTemplateNamesArticlesByURL() throws {
        let result = ReadResult(try ReadwiseCSV.records(at: Fixtures.path("readwise-bulk.csv")))
        #expect(result.urls == ["https://example.com/sample", "https://example.com/readwise/other", "https://example.com/sample"])
        #expect(result.articles[0].highlights.first?.note == "A note, quoted")
        #expect(result.articles[0].draft.headline == "Why Local-First Reading Lists Outlive Their Apps")
        #expect(result.problems == [ImportProblem(
            line: 5, reason: "the record names neither a URL nor a Book Title, so the highlight belongs to no article")])
    }

    @Test func aFileWithoutAHighlightColumnIsRefused() {
        #expect(throws: ImportProblem(line: 1, reason: "the header has no highlight column (it has: title, url, time_added, tags, status)")) {
            try ReadwiseCSV.records(at: Fixtures.path("pocket-variant-a.csv"))
        }
    }

    @Test func readingProgressIsADecimalNumber() throws {
        let text = "Title,URL,Reading progress\nHex,https://example.com/hex,0x10\nHalf,https://example.com/half,0.5\n"
        let result = ReadResult(try ReadwiseReaderCSV.records(at: Fixtures.temporary(Data(text.utf8), named: "reader.csv")))
        #expect(result.problems.map(\.line) == [2])
        #expect(result.article("https://example.com/half")?.progress == ReadingProgress(clamping: 5_000))
    }

    @Test func readerDocumentsWithLocationsProgressAndPythonTagLists() throws {
        let result = ReadResult(try ReadwiseReaderCSV.records(at: Fixtures.path("readwise-reader.csv")))
        #expect(result.urls == [
            "https://example.com/reader/one", "https://example.com/reader/archived", "https://example.com/reader/half",
            "https://example.com/reader/short", "https://example.com/reader/bad",
        ])
        #expect(result.problems.isEmpty)
        #expect(result.article("https://example.com/reader/bad")?.draft.tags == ["unclosed"], "a list cut short is read leniently")
        #expect(result.ignored == [
            .ignored(line: 6, reason: "a feed item (Location feed), which Reader fetched from a feed you follow and you did not save; not imported"),
        ])
        let one = try #require(result.article("https://example.com/reader/one"))
        #expect(one.draft.tags == ["tag1", "tag2"] && one.draft.headline == "Example Site")
        #expect(milliseconds(one.draft.addedAt) == 1_773_532_523_291)
        #expect(!one.isRead && !one.isArchived && !one.isFavorite && one.progress == nil)
        let archived = try #require(result.article("https://example.com/reader/archived"))
        #expect(archived.isRead && archived.isArchived && archived.progress == .complete)
        #expect(archived.draft.tags == ["it's", "naïve"] && archived.draft.headline == "Archived, with a comma")
        #expect(result.article("https://example.com/reader/half")?.progress == ReadingProgress(clamping: 5_000))
        let short = try #require(result.article("https://example.com/reader/short"))
        #expect(short.isFavorite && !short.isArchived && short.progress == ReadingProgress(clamping: 2_500))
    }

    @Test func tagListsInPythonJSONOrCommaForm() {
        #expect(TagList.parse("['a','b']") == ["a", "b"])
        #expect(TagList.parse("[ 'with space' , \"it's\", 'esc\\'aped' ]") == ["with space", "it's", "esc'aped"])
        #expect(TagList.parse("[\"x\",\"y\"]") == ["x", "y"])
        #expect(TagList.parse("[bare, names]") == ["bare", "names"])
        #expect(TagList.parse("[]") == [] && TagList.parse("") == [])
        #expect(TagList.parse("history, power ,,") == ["history", "power"])
        #expect(TagList.parse("['open") == nil && TagList.parse("['a' 'b']") == nil && TagList.parse("[") == nil)
    }

    @Test func exportTimes() {
        #expect(milliseconds(Date(exportTime: "2026-07-17 14:00:25+00:00")) == 1_784_296_825_000)
        #expect(milliseconds(Date(exportTime: "2026-07-17T16:00:25+02:00")) == 1_784_296_825_000)
        #expect(milliseconds(Date(exportTime: "2026-07-17T14:00:25Z")) == 1_784_296_825_000)
        #expect(milliseconds(Date(exportTime: "2026-07-17T14:00:25")) == 1_784_296_825_000)
        #expect(milliseconds(Date(exportTime: "2026-07-17 10:00:25-0400")) == 1_784_296_825_000)
        #expect(milliseconds(Date(exportTime: "2024-10-29T16:30:11.320Z")) == 1_730_219_411_320)
        #expect(milliseconds(Date(exportTime: "2026-03-14 23:55:23.291000+00:00")) == 1_773_532_523_291)
        for garbage in ["", "yesterday", "2026-07-17", "2026-13-01 00:00:00", "2026-02-30 00:00:00", "2026-07-17 14:00:25+25:00",
                        "2026-07-17 14:00:25 junk", "2026-07-17 14:00:25."] {
            #expect(Date(exportTime: garbage) == nil, "\(garbage)")
        }
    }

    @Test(arguments: [
        ("readwise-highlights.csv", ImportFormat.readwiseCSV), ("readwise-bulk.csv", .readwiseCSV),
        ("readwise-reader.csv", .readwiseReaderCSV),
    ])
    func readwiseFilesAreDetected(name: String, format: ImportFormat) throws {
        #expect(ImportFormat.detect(try Fixtures.head(name)) == format)
    }
}
