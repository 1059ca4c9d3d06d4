import Foundation
import ReadingListModel
import Testing
@testable import ReadingListImport

/// Omnivore's export read by ``OmnivoreExport``, and its highlights by ``OmnivoreHighlights``.
@Suite struct OmnivoreExportTests {
    @Test(arguments: ["omnivore-export.zip", "omnivore-export"])
    func itemsAreReadWithTheirContentHighlightsAndState(name: String) throws {
        let reader = try OmnivoreExport.records(at: Fixtures.path(name))
        #expect(reader.files == ["metadata_0_to_3.json", "metadata_3_to_5.json"])
        let result = ReadResult(reader)
        #expect(result.urls == [
            "https://example.com/omnivore/local-first", "https://example.fr/omnivore/malgre-la-crise",
            "https://example.com/omnivore/bad-saved-at", "https://example.com/omnivore/upper-case",
        ])
        #expect(result.problems == [ImportProblem(line: 2, reason: "the item (no-url) has no url", file: "metadata_3_to_5.json")])
        let badTime = try #require(result.article("https://example.com/omnivore/bad-saved-at"))
        #expect(badTime.draft.addedAt == nil && badTime.line == 31, "an unreadable savedAt is left out, the item kept")

        let active = try #require(result.article("https://example.com/omnivore/local-first"))
        #expect(active.file == "metadata_0_to_3.json" && active.line == 2)
        #expect(!active.isRead && !active.isArchived)
        #expect(active.progress == ReadingProgress(clamping: 4_000))
        #expect(active.draft.headline == "Why Local-First Reading Lists Outlive Their Apps")
        #expect(active.draft.byline == "Ada Lindqvist")
        #expect(active.draft.excerpt == "When a service shuts down, a file you own loses nothing.")
        #expect(active.draft.tags == ["Reading", "café"])
        #expect(active.draft.addedAt.map { Int64(($0.timeIntervalSince1970 * 1000).rounded(.down)) } == 1_730_219_411_000)
        #expect(active.draft.publishedAt.map { Int64(($0.timeIntervalSince1970 * 1000).rounded(.down)) } == 1_730_102_400_000)
        let text = try #require(active.draft.content)
        #expect(text.hasPrefix("Every few years a read-it-later service closes its doors"))
        #expect(text.contains("même en voyage"))
        #expect(active.highlights == [
            ImportedHighlight(
                quote: "A reading list is a small thing: a link, a title, a few tags, whether you finished it, and the sentences you wanted to keep.",
                note: "My note on it,\nover two lines."),
            ImportedHighlight(quote: "A quote that is nowhere in the text", note: "A note on the orphan."),
            ImportedHighlight(
                quote: "Keep the library in one file on your own disk — même en voyage — and the question of what happens when a company changes its mind goes away.\n\nSync becomes a way to copy changes between files you own."),
        ])
        for highlight in active.highlights.enumerated() where highlight.offset != 1 {
            #expect(QuoteAnchor.locate(highlight.element.quote, in: text) != nil, "highlight \(highlight.offset) anchors in the content")
        }

        let archived = try #require(result.article("https://example.fr/omnivore/malgre-la-crise"))
        #expect(archived.isRead && archived.isArchived)
        #expect(archived.draft.tags == ["history", "RSS"], "labels written as objects with a name")
        #expect(archived.draft.headline == "Malgré la crise, « l'été » des libraires")
        #expect(archived.draft.publishedAt == nil, "a publishedAt that is no time is left out")
        #expect(archived.draft.content == nil)
        #expect(archived.highlights == [ImportedHighlight(quote: "Les libraires ont connu un bel été.")])

        let upper = try #require(result.article("https://example.com/omnivore/upper-case"))
        #expect(upper.isArchived && upper.progress == ReadingProgress(clamping: 1_250) && upper.draft.tags.isEmpty)
        #expect(upper.file == "metadata_3_to_5.json" && upper.line == 11)
    }

    @Test func aMetadataFileThatIsNotJSONIsAProblemAndTheNextIsStillRead() throws {
        let result = ReadResult(try OmnivoreExport.records(at: Fixtures.path("omnivore-broken.zip")))
        #expect(result.urls == ["https://example.com/omnivore/after-the-cut"])
        #expect(result.problems == [ImportProblem(
            line: 0, reason: "not valid JSON (Unexpected end of file during JSON parse); is the file complete?",
            file: "metadata_0_to_20.json")])
    }

    @Test func badItemsAreProblemsAtTheirLinesDeletedOnesIgnoredAndTheOthersAreRead() throws {
        let folder = try Fixtures.temporaryFolder([
            "export/metadata_20_to_40.json": """
                [
                  {"url": "https://example.com/b", "labels": "not a list"},
                  {"url": "https://example.com/c", "readingProgress": "half"},
                  "just a string",
                  {"url": "https://example.com/d", "state": "DELETED", "slug": "d"},
                  {"state": "Deleted", "savedAt": "not a time"}
                ]
                """,
            "export/metadata_0_to_20.json": #"[{"url": "https://example.com/a", "labels": [{"name": "x"}, "y"]}]"#,
            "export/metadata_100_to_120.json": "{\"url\": \"https://example.com/e\"}",
        ])
        let reader = try OmnivoreExport.records(at: folder)
        #expect(reader.files == ["export/metadata_0_to_20.json", "export/metadata_20_to_40.json", "export/metadata_100_to_120.json"])
        let result = ReadResult(reader)
        #expect(result.urls == ["https://example.com/a"])
        #expect(result.article("https://example.com/a")?.draft.tags == ["x", "y"])
        #expect(result.problems.map(\.description) == [
            "export/metadata_20_to_40.json line 2: labels is not a list",
            "export/metadata_20_to_40.json line 3: readingProgress is not a number",
            "export/metadata_20_to_40.json line 4: the item is not an object",
            "export/metadata_100_to_120.json: not a JSON list of items, as Omnivore's metadata files are",
        ])
        #expect(result.ignored == [
            .ignored(line: 5, reason: "the item (d) was deleted in Omnivore (state DELETED)", file: "export/metadata_20_to_40.json"),
            .ignored(line: 6, reason: "the item was deleted in Omnivore (state Deleted)", file: "export/metadata_20_to_40.json"),
        ], "deleted items are left out, not problems, whatever else is wrong with them")
    }

    @Test func anArchiveWithoutMetadataIsRefused() throws {
        let path = Fixtures.path("pocket-export.zip")
        #expect(throws: ImportProblem(
            line: 0,
            reason: "it holds no metadata_<n>_to_<m>.json files, which list the items of Omnivore's export (it holds pocket/annotations/part_000000.json, pocket/part_000000.csv, pocket/part_000001.csv); check that it is Omnivore's export"
        )) { try OmnivoreExport.records(at: path) }
    }

    @Test func jsonArrayElementLines() {
        #expect(JSONArrayLines.of(Data("[\n {\"a\": \"[,{\\\"\"},\n 2,\n\n \"x\"\n]".utf8)) == [2, 3, 5])
        #expect(JSONArrayLines.of(Data("\u{FEFF}[1, [2, 3], {\"b\": [4]}]".utf8)) == [1, 1, 1])
        #expect(JSONArrayLines.of(Data("{\"a\": 1}".utf8)) == [])
        #expect(JSONArrayLines.of(Data("[]".utf8)) == [])
    }

    @Test func highlightsAsOmnivoreWritesThemAndTolerantly() {
        // highlightToMarkdown: "> quote " + "\n\n#labels" + "\n\nnote", blocks joined by a blank line.
        let omnivore = "> First quote \n\n#a #b\n\nA note\n\nin two paragraphs\n\n> Second quote \n\n> Para one\n> \npara two "
        #expect(OmnivoreHighlights.parse(omnivore) == [
            ImportedHighlight(quote: "First quote", note: "A note\n\nin two paragraphs"),
            ImportedHighlight(quote: "Second quote"),
            ImportedHighlight(quote: "Para one\n\npara two"),
        ])
        // Every quote line prefixed, CRLF, a note on the article before the first quote, a
        // heading in a note, and a label line that is not right after the quote.
        let other = "\u{FEFF}A note on the article\r\n\r\n>Quote line one\r\n> quote line two\r\n\r\n# Heading\r\n\r\n#tag\r\n"
        #expect(OmnivoreHighlights.parse(other) == [
            ImportedHighlight(quote: "Quote line one\nquote line two", note: "# Heading\n\n#tag"),
        ])
        #expect(OmnivoreHighlights.parse("> \n\nA note of an empty quote").isEmpty)
        #expect(OmnivoreHighlights.parse("").isEmpty)
    }
}
