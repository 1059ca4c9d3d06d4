import Foundation
import Testing

/// `readlist import` of wallabag's JSON export (annotations become highlights) and of a damaged
/// readlist JSON export, through the real binary (fixtures in `seeds/import/`).
@Suite struct JSONImportCommandTests: ImportResultReading {
    static let wallabag = "seeds/import/wallabag-v2.json"
    static let malformed = "seeds/import/wallabag-malformed.json"
    static let cutShort = "seeds/import/wallabag-truncated.json"
    static let truncated = "seeds/import/readlist-truncated.json"
    static let mediapart = "https://www.mediapart.fr/journal/france/080916/les-medias-independants"
    static let tombstones = "https://blog.example.com/2023/tombstones"

    func highlights(_ workspace: Workspace) throws -> [[String: Any]] {
        try #require(try workspace.succeed("highlight", "list", "--json").json() as? [[String: Any]])
    }

    @Test func aWallabagExportIsDetectedAndItsAnnotationsBecomeHighlights() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        let result = try summary(try CommandRunner.run(["import", Self.wallabag, "--json", "--db", workspace.db]))
        #expect((result["imported"] as? Int, result["highlights"] as? Int, result["skippedCount"] as? Int) == (4, 4, 0), "\(result)")

        let french = try object(workspace.succeed("show", Self.mediapart, "--json"))
        #expect(french.string("title") == "Les médias indépendants face à la concentration")
        #expect(french["favorite"] as? Bool == true && french["read"] as? Bool == false)
        #expect(french.string("addedAt") == "2016-09-08T09:55:58Z", "an offset without a colon (+0200)")
        #expect(french.string("publishedAt") == "2016-09-08T04:00:00Z")
        #expect(french.string("byline") == "Edwy Plenel" && french.string("language") == "fr")
        #expect(french["tags"] as? [String] == ["médias", "presse"])
        let archived = try object(workspace.succeed("show", Self.tombstones, "--json"))
        #expect(archived["read"] as? Bool == true && archived["archived"] as? Bool == true)
        #expect(archived.string("readAt") == "2023-03-20T18:02:11Z", "read when archived in wallabag")

        let all = try highlights(workspace)
        #expect(all.count == 4)
        let byQuote = Dictionary(uniqueKeysWithValues: all.compactMap { highlight in highlight.string("quote").map { ($0, highlight) } })
        let quoted = try #require(byQuote["les journaux indépendants misent sur l’abonnement"])
        #expect(quoted.string("note") == "À citer dans l’article sur la presse")
        #expect(quoted["orphaned"] as? Bool == false && quoted.string("articleId") == french.string("id"))
        #expect(quoted.string("createdAt") == "2016-09-08T10:01:30Z")
        let anchored = try #require(byQuote["A tombstone records the deletion and its time"])
        #expect(anchored["orphaned"] as? Bool == false && anchored["note"] is NSNull)
        #expect(anchored["end"] as? Int ?? 0 > anchored["start"] as? Int ?? 0)
        let orphaned = try #require(byQuote["Vector clocks are not always needed"])
        #expect(orphaned["orphaned"] as? Bool == true, "a quote that is not in the text is kept, orphaned")
        #expect(orphaned.string("note") == "This sentence was in the first version of the post.")
        #expect(byQuote["同じ景色は二度とない"]?.string("note") == "この一文が好き")

        let text = try workspace.succeed("show", Self.mediapart, "--content").stdout
        #expect(text.contains("fait ses preuves & inspire de nouveaux titres") && !text.contains("&amp;"))
    }

    @Test func importingAgainAddsNothingAndKeepsTitlesChosenHere() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        try workspace.succeed("add", Self.tombstones, "--title", "My title")
        let first = try summary(try CommandRunner.run(["import", Self.wallabag, "--format", "wallabag-json", "--json", "--db", workspace.db]))
        #expect((first["imported"] as? Int, first["merged"] as? Int, first["highlights"] as? Int) == (3, 1, 4), "\(first)")
        #expect(try object(workspace.succeed("show", Self.tombstones, "--json")).string("title") == "My title")
        let before = try workspace.export()
        let again = try summary(try CommandRunner.run(["import", Self.wallabag, "--json", "--db", workspace.db]))
        #expect((again["imported"] as? Int, again["merged"] as? Int, again["unchanged"] as? Int) == (0, 0, 4), "\(again)")
        #expect(again["highlights"] as? Int == 0)
        #expect(try workspace.export() == before)
        #expect(try highlights(workspace).count == 4)
    }

    @Test func badEntriesAreSkippedByLineOrRefusedWholeWithStrict() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        let strict = try CommandRunner.run(["import", Self.malformed, "--strict", "--db", workspace.db])
        #expect(strict.status != 0)
        #expect(strict.errorLines.count == 1 && strict.stderr.contains("Cannot import \(Self.malformed): line 3: entry 2: url is not a string"), "\(strict)")
        #expect(try workspace.export().contains("example.com") == false)

        let lenient = try summary(try CommandRunner.run(["import", Self.malformed, "--json", "--db", workspace.db]))
        #expect(lenient["imported"] as? Int == 5 && lenient["highlights"] as? Int == 1, "\(lenient)")
        #expect(skippedLines(lenient) == [3, 4])
        let orphan = try #require(try highlights(workspace).first)
        #expect(orphan["orphaned"] as? Bool == true && orphan.string("note") == "kept as orphaned")
    }

    @Test func aTruncatedWallabagExportIsRefusedWhole() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        for arguments in [[Self.cutShort], [Self.cutShort, "--format", "wallabag-json", "--dry-run"]] {
            let cut = try CommandRunner.run(["import"] + arguments + ["--json", "--db", workspace.db])
            #expect(cut.status != 0 && cut.stdout.isEmpty, "\(cut)")
            #expect(cut.errorLines.count == 1, "\(cut)")
            #expect(
                cut.stderr.contains(
                    "Cannot import \(Self.cutShort) as wallabag-json: line 49: the file ends inside a string that starts on line 49 (is it truncated?)"),
                "\(cut)")
        }
        #expect(try workspace.export().contains("\"id\"") == false, "the complete entry before the cut was not imported")
    }

    @Test func aDryRunWritesNothing() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        try workspace.succeed("add", "https://example.com/existing")
        let before = try workspace.export()
        let dry = try summary(try CommandRunner.run(["import", Self.wallabag, "--dry-run", "--json", "--db", workspace.db]))
        #expect(dry["dryRun"] as? Bool == true && dry["imported"] as? Int == 4 && dry["highlights"] as? Int == 4, "\(dry)")
        #expect(try workspace.export() == before)
        #expect(try highlights(workspace).isEmpty)
        let text = try workspace.succeed("import", Self.wallabag, "--dry-run").stdout
        #expect(text.contains("Would import 4 new articles") && text.contains("4 highlights"), "\(text)")
    }

    @Test func aTruncatedOrForeignReadlistExportIsRefusedWhole() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        let cut = try CommandRunner.run(["import", Self.truncated, "--db", workspace.db])
        #expect(cut.status != 0, "\(cut)")
        #expect(cut.stderr.contains("as readlist-json: line 72: the file ends inside a string") && cut.stderr.contains("truncated"), "\(cut)")
        #expect(try workspace.export().contains("\"id\"") == false, "nothing before the cut was imported")

        let source = try Workspace()
        defer { withExtendedLifetime(source) {} }
        try source.succeed("add", "https://example.com/one")
        let exported = try source.export()
        let newer = try workspace.write(exported.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 2"), to: "newer.json")
        let refused = try CommandRunner.run(["import", newer, "--db", workspace.db])
        #expect(refused.status != 0 && refused.stderr.contains("version is 2; this readlist reads version 1"), "\(refused)")
        let foreign = try workspace.write(exported.replacingOccurrences(of: "\"readlist-export\"", with: "\"other\""), to: "other.json")
        let notOurs = try CommandRunner.run(["import", foreign, "--format", "readlist-json", "--db", workspace.db])
        #expect(notOurs.status != 0 && notOurs.stderr.contains("its format is \"other\", not \"readlist-export\""), "\(notOurs)")
        #expect(try workspace.export().contains("example.com") == false)
    }

    @Test func aWallabagFileGivenAsAnotherJSONFormatIsRefusedClearly() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        let asReadlist = try CommandRunner.run(["import", Self.wallabag, "--format", "readlist-json", "--db", workspace.db])
        #expect(asReadlist.status != 0 && asReadlist.stderr.contains("not a readlist JSON export"), "\(asReadlist)")
        let object = try workspace.write("{\"entries\": []}\n", to: "object.json")
        let asWallabag = try CommandRunner.run(["import", object, "--format", "wallabag-json", "--db", workspace.db])
        #expect(asWallabag.status != 0 && asWallabag.stderr.contains("as wallabag-json: line 1: the file is not a JSON list"), "\(asWallabag)")
    }
}
