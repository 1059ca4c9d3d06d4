import Foundation
import Testing

/// `readlist import` of Pocket's zipped export, Omnivore's export (zip archives and folders) and
/// Readwise's CSVs through the real binary (fixtures in `seeds/import/`).
@Suite struct ArchiveImportCommandTests: ImportResultReading {
    static let pocketZip = "seeds/import/pocket-export.zip"
    static let pocketFolder = "seeds/import/pocket-export"
    static let omnivoreZip = "seeds/import/omnivore-export.zip"
    static let omnivoreFolder = "seeds/import/omnivore-export"
    static let readwise = "seeds/import/readwise-highlights.csv"
    static let readwiseBulk = "seeds/import/readwise-bulk.csv"
    static let reader = "seeds/import/readwise-reader.csv"

    func importJSON(_ workspace: Workspace, _ arguments: String...) throws -> [String: Any] {
        try summary(try CommandRunner.run(["import"] + arguments + ["--json", "--db", workspace.db]))
    }

    /// The skipped records as `file line: reason`.
    func skipped(_ summary: [String: Any]) -> [String] {
        (summary["skipped"] as? [[String: Any]] ?? []).map { record in
            let place = [record["file"] as? String, (record["line"] as? Int).flatMap { $0 > 0 ? "line \($0)" : nil }]
                .compactMap { $0 }.joined(separator: " ")
            return "\(place): \(record["reason"] as? String ?? "")"
        }
    }

    func counts(_ summary: [String: Any]) -> [Int?] {
        ["imported", "merged", "unchanged", "highlights", "skippedCount"].map { summary[$0] as? Int }
    }

    func highlights(_ workspace: Workspace, of article: String) throws -> [[String: Any]] {
        try #require(try workspace.succeed("highlight", "list", article, "--json").json() as? [[String: Any]])
    }

    @Test func pocketsZipIsDetectedAndItsPartsImportedInOrder() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        let result = try importJSON(workspace, Self.pocketZip)
        #expect(counts(result) == [7, 2, 0, 3, 1], "\(result)")
        #expect(skipped(result) == ["pocket/part_000001.csv line 6: the url is empty"])
        let commaMarks = try highlights(workspace, of: "https://example.com/zip/comma")
        #expect(commaMarks.compactMap { $0.string("quote") }.sorted() == ["A sentence worth keeping.", "Another one, as a string time."])
        #expect(commaMarks.compactMap { $0.string("createdAt") }.sorted() == ["2023-11-14T22:21:40Z", "2023-11-14T22:23:20Z"])
        #expect(try highlights(workspace, of: "https://example.com/zip/annotated-only").count == 1, "a page only the annotations name is kept")
        let jQuery = try object(workspace.succeed("show", "http://youmightnotneedjquery.com/", "--json"))
        #expect(jQuery.string("addedAt") == "2017-07-14T02:40:00Z", "the row of part 2 has the earlier save time")
        #expect(jQuery["archived"] as? Bool == true && jQuery["tags"] as? [String] == ["web"])
        let comma = try object(workspace.succeed("show", "https://example.com/zip/comma", "--json"))
        #expect(comma.string("title") == "Zip export, with a comma" && comma["tags"] as? [String] == ["café", "naïve"])
        #expect(try object(workspace.succeed("show", "https://example.com/zip/two-lines", "--json")).string("title") == "A title over two lines")

        let before = try workspace.export()
        #expect(counts(try importJSON(workspace, Self.pocketZip)) == [0, 0, 9, 0, 1], "importing the zip again changes nothing")
        let folder = try importJSON(workspace, Self.pocketFolder)
        #expect(counts(folder) == [0, 0, 9, 0, 1], "the unpacked folder holds the same records")
        #expect(skipped(folder) == ["part_000001.csv line 6: the url is empty"])
        #expect(try workspace.export() == before)
        let text = try workspace.succeed("import", Self.pocketFolder, "--dry-run")
        #expect(text.stderr.contains("skipped part_000001.csv line 6: the url is empty"), "\(text)")
    }

    @Test func strictNamesThePartAndLineAndDryRunWritesNothing() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        try workspace.succeed("add", "https://example.com/existing")
        let before = try workspace.export()
        let strict = try workspace.readlist("import", Self.pocketZip, "--strict")
        #expect(strict.status != 0 && strict.errorLines.count == 1, "\(strict)")
        #expect(strict.stderr.contains("pocket/part_000001.csv line 6: the url is empty. Nothing was imported (--strict)."), "\(strict)")
        #expect(try workspace.export() == before)
        let dry = try importJSON(workspace, Self.pocketZip, "--dry-run")
        #expect(dry["dryRun"] as? Bool == true && counts(dry) == [7, 2, 0, 3, 1])
        let omnivore = try importJSON(workspace, Self.omnivoreZip, "--dry-run")
        #expect(counts(omnivore) == [4, 0, 0, 4, 1])
        let readwise = try importJSON(workspace, Self.readwise, "--dry-run")
        #expect(counts(readwise) == [2, 2, 0, 4, 1])
        #expect(try workspace.export() == before)
    }

    @Test func archivesThatAreNotAnExportAreRefusedClearly() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        let unknown = try workspace.readlist("import", "seeds/import/pocket-no-csv.zip")
        #expect(unknown.status != 0 && unknown.stderr.contains("Cannot tell the format of the zip archive"), "\(unknown)")
        #expect(unknown.stderr.contains("README.txt, annotations/part_000000.json") && unknown.stderr.contains("--format pocket-zip"))
        let forced = try workspace.readlist("import", "seeds/import/pocket-no-csv.zip", "--format", "pocket-zip")
        #expect(forced.status != 0 && forced.stderr.contains("holds no CSV files"), "\(forced)")
        let asOmnivore = try workspace.readlist("import", Self.pocketZip, "--format", "omnivore")
        #expect(asOmnivore.status != 0 && asOmnivore.stderr.contains("holds no metadata_<n>_to_<m>.json files"), "\(asOmnivore)")
        let asCSV = try workspace.readlist("import", Self.pocketZip, "--format", "pocket-csv")
        #expect(asCSV.status == 0, "pocket-csv reads Pocket's zip as pocket-zip: \(asCSV)")
        let asInstapaper = try workspace.readlist("import", Self.pocketZip, "--format", "instapaper-csv")
        #expect(asInstapaper.status != 0 && asInstapaper.stderr.contains("unpack it"), "\(asInstapaper)")
        let folderAsFile = try workspace.readlist("import", Self.omnivoreFolder, "--format", "netscape-html")
        #expect(folderAsFile.status != 0 && folderAsFile.stderr.contains("give the export file itself"), "\(folderAsFile)")
        let whole = try Data(contentsOf: CommandRunner.repositoryRoot.appendingPathComponent(Self.pocketZip))
        let cut = workspace.folder.appendingPathComponent("cut.zip")
        try whole.prefix(300).write(to: cut)
        let damaged = try workspace.readlist("import", cut.path)
        #expect(damaged.status != 0 && damaged.stderr.contains("cut.zip: not a readable zip archive"), "\(damaged)")
        let missing = try workspace.readlist("import", workspace.folder.appendingPathComponent("none.zip").path)
        #expect(missing.status != 0 && missing.stderr.contains("none.zip: no such file or folder; check the path."), "\(missing)")
        let notZip = try workspace.readlist("import", "seeds/import/omnivore-export/metadata_0_to_3.json", "--format", "omnivore")
        #expect(notZip.status != 0 && notZip.stderr.contains("it is not a zip archive. Give the export's zip archive"), "\(notZip)")
        #expect(try workspace.succeed("list", "--all", "--json").stdout.contains("example.com/zip/comma"), "only the pocket-csv import wrote")
    }

    @Test func omnivoresExportWithLabelsStateProgressAndAnchoredHighlights() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        let result = try importJSON(workspace, Self.omnivoreZip)
        #expect(counts(result) == [4, 0, 0, 4, 1], "\(result)")
        #expect(skipped(result) == ["metadata_3_to_5.json line 2: the item (no-url) has no url"])
        let article = "https://example.com/omnivore/local-first"
        let active = try object(workspace.succeed("show", article, "--json"))
        #expect(active.string("title") == "Why Local-First Reading Lists Outlive Their Apps")
        #expect(active.string("byline") == "Ada Lindqvist")
        #expect(active["tags"] as? [String] == ["café", "Reading"])
        #expect(active["progress"] as? Double == 40 && active["read"] as? Bool == false)
        #expect(active.string("addedAt") == "2024-10-29T16:30:11Z")
        let marks = try highlights(workspace, of: article)
        let byQuote = Dictionary(uniqueKeysWithValues: marks.map { ($0.string("quote") ?? "", $0) })
        let anchored = try #require(byQuote["A reading list is a small thing: a link, a title, a few tags, whether you finished it, and the sentences you wanted to keep."])
        #expect(anchored["orphaned"] as? Bool == false && anchored.string("note") == "My note on it,\nover two lines.")
        let orphan = try #require(byQuote["A quote that is nowhere in the text"])
        #expect(orphan["orphaned"] as? Bool == true && orphan.string("note") == "A note on the orphan.")
        #expect(marks.count == 3)
        let archived = try object(workspace.succeed("show", "https://example.fr/omnivore/malgre-la-crise", "--json"))
        #expect(archived["archived"] as? Bool == true && archived["read"] as? Bool == true)
        #expect(archived["tags"] as? [String] == ["history", "RSS"])
        let text = try workspace.succeed("highlight", "list").stdout
        #expect(text.contains("Les libraires ont connu un bel été."))

        let before = try workspace.export()
        for again in [Self.omnivoreZip, Self.omnivoreFolder] {
            #expect(counts(try importJSON(workspace, again)) == [0, 0, 4, 0, 1], "\(again)")
        }
        #expect(try workspace.export() == before)
        let strict = try workspace.readlist("import", Self.omnivoreFolder, "--strict")
        #expect(strict.status != 0 && strict.stderr.contains("metadata_3_to_5.json line 2: the item (no-url) has no url"), "\(strict)")
    }

    /// An Omnivore export folder in `workspace` with one active item and two deleted ones.
    static func omnivoreWithDeletedItems(in workspace: Workspace) throws -> String {
        let folder = workspace.folder.appendingPathComponent("omnivore-deleted")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let metadata = """
            [
              {"id": "1", "slug": "kept", "url": "https://example.com/omnivore/kept", "title": "Kept", "state": "Active", "savedAt": "2024-10-29T16:30:11.000Z"},
              {"id": "2", "slug": "gone", "url": "https://example.com/omnivore/gone", "title": "Gone", "state": "DELETED", "savedAt": "2024-10-30T08:00:00.000Z"},
              {"id": "3", "slug": "gone-too", "url": "https://example.com/omnivore/gone-too", "state": "Deleted", "savedAt": "2024-10-31T08:00:00.000Z"}
            ]

            """
        try Data(metadata.utf8).write(to: folder.appendingPathComponent("metadata_0_to_3.json"))
        return folder.path
    }

    @Test func deletedOmnivoreItemsAreLeftOutAndCountedAsIgnoredNotAsProblems() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        let folder = try Self.omnivoreWithDeletedItems(in: workspace)
        let result = try importJSON(workspace, folder, "--strict")
        #expect(counts(result) == [1, 0, 0, 0, 0] && result["ignored"] as? Int == 2, "\(result)")
        #expect(skipped(result).isEmpty)
        let articles = try #require(try workspace.succeed("list", "--all", "--json").json() as? [[String: Any]])
        #expect(articles.compactMap { $0.string("url") } == ["https://example.com/omnivore/kept"], "deleted items are not imported")
        let text = try workspace.succeed("import", folder, "--strict", "--dry-run")
        #expect(text.stdout.contains("Would import 0 new articles, merged 0, 1 unchanged, skipped 0, ignored 2"), "\(text)")
        #expect(text.stderr.isEmpty, "ignored records are not reported as skipped: \(text)")
        let withoutDeleted = try importJSON(workspace, Self.pocketFolder, "--dry-run")
        #expect(withoutDeleted["ignored"] as? Int == 0, "\(withoutDeleted)")
    }

    @Test func aBrokenOmnivoreMetadataFileIsSkippedWithItsName() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        let result = try importJSON(workspace, "seeds/import/omnivore-broken.zip")
        #expect(counts(result) == [1, 0, 0, 0, 1])
        #expect(skipped(result) == ["metadata_0_to_20.json: not valid JSON (Unexpected end of file during JSON parse); is the file complete?"])
    }

    @Test func readwiseHighlightsGroupIntoTheirBooksAndReimportChangesNothing() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        let result = try importJSON(workspace, Self.readwise)
        #expect(counts(result) == [2, 2, 0, 4, 1], "\(result)")
        #expect(skipped(result) == ["line 6: the highlight is empty"])
        let books = try #require(try workspace.succeed("list", "--json").json() as? [[String: Any]])
        let stalin = try #require(books.first { $0.string("title") == "Stalin: Volume I" })
        #expect(stalin["url"] is NSNull && stalin.string("byline") == "Stephen Kotkin")
        #expect(stalin["tags"] as? [String] == ["favorites", "history", "power"])
        #expect(stalin.string("addedAt") == "2026-07-17T14:00:25Z")
        let marks = try highlights(workspace, of: try #require(stalin.string("id")))
        #expect(marks.map { $0.string("quote") ?? "" }.sorted() == [
            "A passage with a bad time.", "First passage, with a comma.", "Second passage of the same book.",
        ], "a highlight whose time is unreadable is kept")
        let first = try #require(marks.first { $0.string("quote") == "First passage, with a comma." })
        #expect(first.string("note") == "my note" && first.string("color") == "yellow" && first["orphaned"] as? Bool == true)
        #expect(first.string("createdAt") == "2026-07-17T14:00:25Z")
        let prince = try #require(books.first { $0.string("title") == "Le Petit Prince" })
        #expect(prince.string("byline") == "Antoine de Saint-Exupéry")

        let before = try workspace.export()
        #expect(counts(try importJSON(workspace, Self.readwise)) == [0, 0, 4, 0, 1])
        #expect(try workspace.export() == before)
        let strict = try workspace.readlist("import", Self.readwise, "--strict")
        #expect(strict.status != 0 && strict.stderr.contains("Cannot import \(Self.readwise): line 6: the highlight is empty. Nothing was imported (--strict)."), "\(strict)")
    }

    @Test func readwiseHighlightsAnchorInAnArticleThatHasItsText() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        try workspace.succeed("add", "https://example.com/sample", "--file", "seeds/sample-article.html")
        let result = try importJSON(workspace, Self.readwiseBulk)
        #expect(counts(result) == [1, 2, 0, 3, 1], "\(result)")
        #expect(skipped(result) == ["line 5: the record names neither a URL nor a Book Title, so the highlight belongs to no article"])
        let marks = try highlights(workspace, of: "https://example.com/sample")
        let anchored = try #require(marks.first { $0.string("note") == "A note, quoted" })
        #expect(anchored["orphaned"] as? Bool == false && (anchored["start"] as? Int ?? 0) > 0)
        #expect(marks.first { $0.string("quote") == "A sentence the article does not hold." }?["orphaned"] as? Bool == true)
        let title = try object(workspace.succeed("show", "https://example.com/sample", "--json")).string("title")
        #expect(title == "Why Local-First Reading Lists Outlive Their Apps")
        #expect(counts(try importJSON(workspace, Self.readwiseBulk)) == [0, 0, 3, 0, 1])
    }

    @Test func readerDocumentsKeepTheirLocationsProgressAndTags() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        let result = try importJSON(workspace, Self.reader)
        #expect(counts(result) == [5, 0, 0, 0, 0], "\(result)")
        #expect(result["ignored"] as? Int == 1, "the feed item on line 6 is left out, not a problem")
        #expect(skipped(result) == [])
        #expect(try object(workspace.succeed("show", "https://example.com/reader/bad", "--json"))["tags"] as? [String] == ["unclosed"])
        let archived = try object(workspace.succeed("show", "https://example.com/reader/archived", "--json"))
        #expect(archived["archived"] as? Bool == true && archived["read"] as? Bool == true && archived["progress"] as? Double == 100)
        #expect(archived["tags"] as? [String] == ["it's", "naïve"])
        let one = try object(workspace.succeed("show", "https://example.com/reader/one", "--json"))
        #expect(one.string("addedAt") == "2026-03-14T23:55:23.291Z", "milliseconds kept")
        #expect(one["tags"] as? [String] == ["tag1", "tag2"])
        let short = try object(workspace.succeed("show", "https://example.com/reader/short", "--json"))
        #expect(short["favorite"] as? Bool == true && short["progress"] as? Double == 25)
        let before = try workspace.export()
        #expect(counts(try importJSON(workspace, Self.reader)) == [0, 0, 5, 0, 0])
        #expect(try workspace.export() == before)
    }
}
