import Foundation
import ReadingListModel
import Testing
@testable import ReadingListImport

/// Pocket's zipped CSV export read by ``PocketZip``, the zip archives and folders under it
/// (``ExportArchive``), and the detection of archive formats.
@Suite struct ArchiveImportTests {
    @Test(arguments: ["pocket-export.zip", "pocket-export"])
    func partsAreReadInOrderAndProblemsNameThePartAndLine(name: String) throws {
        let reader = try PocketZip.records(at: Fixtures.path(name))
        let folder = name.hasSuffix(".zip") ? "pocket/" : ""
        #expect(reader.files == ["\(folder)part_000000.csv", "\(folder)part_000001.csv"], "macOS files are ignored")
        #expect(reader.annotations == ["\(folder)annotations/part_000000.json"])
        let result = ReadResult(reader)
        #expect(result.urls == [
            "http://youmightnotneedjquery.com/", "https://example.com/zip/comma", "https://example.com/zip/two-lines",
            "https://example.com/zip/part-two", "http://youmightnotneedjquery.com/", "https://example.com/zip/bad-time",
            "https://example.com/zip/quoted", "https://example.com/zip/comma", "https://example.com/zip/annotated-only",
        ], "the parts' records, then the annotated pages (a page without highlights is none)")
        #expect(result.problems == [ImportProblem(line: 6, reason: "the url is empty", file: "\(folder)part_000001.csv")])
        #expect(result.problems.first?.description == "\(folder)part_000001.csv line 6: the url is empty")
        let badTime = try #require(result.article("https://example.com/zip/bad-time"))
        #expect(badTime.draft.addedAt == nil && badTime.line == 4, "an unreadable time_added is left out, the record kept")
        let annotated = result.articles.filter { !$0.highlights.isEmpty }
        #expect(annotated.map(\.line) == [2, 10] && annotated.allSatisfy { $0.file == "\(folder)annotations/part_000000.json" })
        #expect(annotated[0].highlights == [
            ImportedHighlight(quote: "A sentence worth keeping.", createdAt: Date(timeIntervalSince1970: 1_700_000_500)),
            ImportedHighlight(quote: "Another one, as a string time.", createdAt: Date(timeIntervalSince1970: 1_700_000_600)),
        ])
        let comma = try #require(result.article("https://example.com/zip/comma"))
        #expect(comma.draft.headline == "Zip export, with a comma" && comma.isArchived && comma.isRead)
        #expect(comma.draft.tags == ["café", "naïve"])
        #expect(comma.file == "\(folder)part_000000.csv" && comma.line == 3)
        #expect(result.article("https://example.com/zip/two-lines")?.draft.headline == "A title\r\nover two lines")
        let quoted = try #require(result.article("https://example.com/zip/quoted"))
        #expect(quoted.draft.headline == "Quoted \"title\" in part two" && quoted.line == 5)
        #expect(quoted.draft.tags == ["with space", "über"])
    }

    @Test func anArchiveWithoutCSVFilesIsRefusedWithWhatItHolds() throws {
        let path = Fixtures.path("pocket-no-csv.zip")
        #expect(throws: ImportProblem(
            line: 0,
            reason: "it holds no CSV files, where Pocket's export holds part_000000.csv, part_000001.csv, … (it holds README.txt, annotations/part_000000.json); check that it is Pocket's export"
        )) { try PocketZip.records(at: path) }
    }

    @Test func partsAreOrderedByNumberAndOtherCSVFilesReadOnlyWithoutParts() {
        #expect(PocketZip.parts(of: ["notes.csv", "b/part_000010.csv", "a/part_000002.csv", "part_000001.CSV", "part_x.csv"])
            == ["part_000001.CSV", "a/part_000002.csv", "b/part_000010.csv"])
        #expect(PocketZip.parts(of: ["b.csv", "a.csv", "readme.txt"]) == ["a.csv", "b.csv"])
        #expect(PocketZip.parts(of: ["readme.txt", "annotations/part_000000.json"]).isEmpty)
    }

    @Test func aPartWithoutAURLColumnIsAProblemAndTheNextPartIsStillRead() throws {
        let folder = try Fixtures.temporaryFolder([
            "part_000000.csv": "title,link\nA,https://example.com/a\n",
            "part_000001.csv": "title,url,time_added,tags,status\nB,https://example.com/b,1700000000,,unread\n",
        ])
        let result = ReadResult(try PocketZip.records(at: folder))
        #expect(result.urls == ["https://example.com/b"])
        #expect(result.problems.map(\.description) == ["part_000000.csv line 1: the header has no url column (it has: title, link)"])
    }

    @Test func unpackedFilesLiveInATemporaryFolderRemovedWithTheArchive() throws {
        var folder: URL?
        do {
            let archive = try ExportArchive(path: Fixtures.path("pocket-export.zip"))
            let file = try archive.localFile("pocket/part_000001.csv")
            #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("title,url,time_added,tags,status\n"))
            archive.discard(file)
            #expect(!FileManager.default.fileExists(atPath: file.path))
            folder = try archive.localFile("pocket/part_000000.csv").deletingLastPathComponent()
            #expect(FileManager.default.fileExists(atPath: try #require(folder).path))
        }
        #expect(!FileManager.default.fileExists(atPath: try #require(folder).path), "removed with the archive")
    }

    @Test func aDamagedZipIsRefusedAndAFolderIsListed() throws {
        let whole = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("pocket-export.zip")))
        let cut = try Fixtures.temporary(whole.prefix(200), named: "pocket.zip")
        #expect(ExportArchive.isZip(whole) && ExportArchive.isZip(whole.prefix(200)))
        #expect(throws: ImportProblem.self) { try PocketZip.records(at: cut) }
        #expect(try ExportArchive(path: Fixtures.path("omnivore-export")).files == [
            "content/local-first-reading-lists-18f2a.html", "highlights/local-first-reading-lists-18f2a.md",
            "highlights/malgre-la-crise-192f5.md", "metadata_0_to_3.json", "metadata_3_to_5.json",
        ])
    }

    @Test func inputsAreDetectedFromTheirFileNames() throws {
        #expect(try ImportInput(path: Fixtures.path("pocket-export.zip")).detectedFormat == .pocketZip)
        #expect(try ImportInput(path: Fixtures.path("pocket-export")).detectedFormat == .pocketZip)
        #expect(try ImportInput(path: Fixtures.path("omnivore-export.zip")).detectedFormat == .omnivore)
        #expect(try ImportInput(path: Fixtures.path("omnivore-export")).detectedFormat == .omnivore)
        #expect(try ImportInput(path: Fixtures.path("omnivore-broken.zip")).detectedFormat == .omnivore)
        let unknown = try ImportInput(path: Fixtures.path("pocket-no-csv.zip"))
        #expect(unknown.kind == .zipArchive && unknown.detectedFormat == nil)
        #expect(unknown.fileListing == "README.txt, annotations/part_000000.json")
        let file = try ImportInput(path: Fixtures.path("pocket-variant-a.csv"))
        #expect(file.kind == .file && file.detectedFormat == .pocketCSV)
        #expect(throws: ImportProblem(line: 0, reason: "no such file or folder; check the path")) { try ImportInput(path: Fixtures.path("nothing-here.zip")) }
    }

    @Test func anAnnotationTimeBeyondAnyDateIsLeftOut() throws {
        let folder = try Fixtures.temporaryFolder([
            "part_000000.csv": "title,url,time_added,tags,status\nA,https://example.com/a,1700000000,,unread\n",
            "annotations/part_000000.json": #"[{"url":"https://example.com/a","highlights":[{"quote":"q","created_at":1e30},{"quote":"r","created_at":[1]}]}]"#,
        ])
        let result = ReadResult(try PocketZip.records(at: folder))
        #expect(result.problems.isEmpty)
        #expect(result.articles.last?.highlights == [ImportedHighlight(quote: "q"), ImportedHighlight(quote: "r")])
    }

}
