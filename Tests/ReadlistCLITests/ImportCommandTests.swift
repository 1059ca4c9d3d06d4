import Foundation
import Testing

/// `readlist import` of Pocket CSV files through the real binary (fixtures in `seeds/import/`).
@Suite struct ImportCommandTests: ImportResultReading {
    static let variantA = "seeds/import/pocket-variant-a.csv"
    static let variantB = "seeds/import/pocket-variant-b.csv"

    @Test func pocketWithoutCursorImportsMergesAndSkipsBadRowsByLine() throws {
        let workspace = try Workspace()
        let first = try summary(try CommandRunner.run(["import", Self.variantA, "--json", "--db", workspace.db]))
        #expect((first["imported"] as? Int, first["merged"] as? Int, first["unchanged"] as? Int) == (5, 1, 0))
        #expect(skippedLines(first) == [8, 9], "\(first)")
        let badTime = try object(workspace.succeed("show", "https://example.com/bad-time", "--json"))
        #expect(badTime.string("title") == "Bad time", "a row with an unreadable time is kept, saved at the import's time")
        let quoted = try object(workspace.succeed("show", "https://example.com/quoted", "--json"))
        #expect(quoted.string("title") == "Quoted, with a comma")
        #expect(quoted["tags"] as? [String] == ["javascript", "web"])
        #expect(quoted["read"] as? Bool == true && quoted["archived"] as? Bool == true)
        #expect(quoted.string("addedAt") == "2020-09-24T15:31:36Z")
        let jQuery = try object(workspace.succeed("show", "http://youmightnotneedjquery.com/", "--json"))
        #expect(jQuery.string("addedAt") == "2017-07-14T02:40:00Z", "the earlier save time of the duplicate row wins")
        #expect(jQuery.string("title") == "You Might Not Need jQuery")
        #expect(jQuery["tags"] as? [String] == ["old"])
        #expect(try object(workspace.succeed("show", "https://example.com/two-lines", "--json")).string("title") == "Two lines")
    }

    @Test func aPipeIsReadLikeTheFileItCarries() throws {
        let workspace = try Workspace()
        let readlist = CommandRunner.productsFolder.appendingPathComponent("readlist").path
        for file in [Self.variantA, "seeds/import/pocket-export.zip"] {
            let piped = try CommandRunner.execute(["/bin/sh", "-c", "cat \(file) | '\(readlist)' import /dev/stdin --dry-run --json --db '\(workspace.db)'"])
            let direct = try CommandRunner.run(["import", file, "--dry-run", "--json", "--db", workspace.db])
            #expect(piped.status == 0 && piped.stdout == direct.stdout, "\(file): \(piped)")
        }
    }

    @Test func importingTheSameFileAgainChangesNothing() throws {
        let workspace = try Workspace()
        try workspace.succeed("import", Self.variantA)
        let before = try workspace.export()
        let again = try summary(try CommandRunner.run(["import", Self.variantA, "--json", "--db", workspace.db]))
        #expect((again["imported"] as? Int, again["merged"] as? Int, again["unchanged"] as? Int) == (0, 0, 6))
        #expect(try workspace.export() == before)
    }

    @Test func anImportNeverUndoesStateOrTitlesChosenHere() throws {
        let workspace = try Workspace()
        try workspace.succeed("add", "https://example.com/two-lines", "--title", "My own title", "--tag", "mine")
        try workspace.succeed("read", "https://example.com/two-lines")
        try workspace.succeed("import", Self.variantA)
        let article = try object(workspace.succeed("show", "https://example.com/two-lines", "--json"))
        #expect(article.string("title") == "My own title")
        #expect(article["read"] as? Bool == true, "an unread row does not mark it unread")
        #expect(article.string("addedAt") == "2020-09-24T15:31:37Z", "the earlier save time from Pocket wins")
        #expect(article["tags"] as? [String] == ["mine"])
    }

    @Test func pocketWithCursorReadsColumnsByName() throws {
        let workspace = try Workspace()
        let result = try summary(try CommandRunner.run(["import", Self.variantB, "--json", "--db", workspace.db]))
        #expect(result["imported"] as? Int == 3)
        #expect(skippedLines(result) == [5])
        let hoarder = try object(workspace.succeed("show", "https://github.com/hoarder-app/hoarder", "--json"))
        #expect(hoarder["tags"] as? [String] == ["opensource", "with space", "withÄumlaut"])
        let commas = try object(workspace.succeed("show", "https://somewebsite.com/with,commas,in,the,url", "--json"))
        #expect(commas["archived"] as? Bool == true)
    }

    @Test func instapaperFoldersBecomeStatesOrTagsInBothHeaderVariants() throws {
        let workspace = try Workspace()
        let new = try summary(try CommandRunner.run(["import", "seeds/import/instapaper-new.csv", "--json", "--db", workspace.db]))
        #expect(new["imported"] as? Int == 4 && skippedLines(new) == [], "\(new)")
        let starredNew = try object(workspace.succeed("show", "https://starred.example.com/d", "--json"))
        #expect(starredNew["tags"] as? [String] == ["not-json"], "a Tags value that is not a JSON list is read leniently")
        let archived = try object(workspace.succeed("show", "https://archived.example.com/a", "--json"))
        #expect(archived["archived"] as? Bool == true && archived["read"] as? Bool == true)
        #expect(archived.string("addedAt") == "2023-11-14T22:13:20Z")
        let unread = try object(workspace.succeed("show", "https://unread.example.com/b", "--json"))
        #expect(unread["tags"] as? [String] == ["café", "swift"])
        #expect(unread.string("excerpt") == "A selection, with a comma")
        #expect(try object(workspace.succeed("show", "https://custom.example.com/c", "--json"))["tags"] as? [String] == ["Reading List"])

        let old = try summary(try CommandRunner.run(["import", "seeds/import/instapaper-old.csv", "--json", "--db", workspace.db]))
        #expect(old["imported"] as? Int == 3)
        let starred = try object(workspace.succeed("show", "https://medium.com/@the_minh/why-foursquare", "--json"))
        #expect(starred["favorite"] as? Bool == true && starred["archived"] as? Bool == false)
        let tagged = try object(workspace.succeed("show", "https://www.20minutes.fr/monde/2079503-covfefe", "--json"))
        #expect(tagged.string("title") == "Dis donc Donald Trump, c'est quoi exactement «covfefe»?")
        #expect(tagged["tags"] as? [String] == ["test_tag"])
    }

    @Test func readlistsOwnExportRoundTripsByteForByte() throws {
        let source = try Workspace()
        try source.succeed("add", "--file", "seeds/000_c54e80fb70a5c8fb.txt", "--tag", "politics", "--tag", "Reading List")
        try source.succeed("add", "https://example.com/sample", "--file", "seeds/sample-article.html", "--tag", "Essays")
        try source.succeed("import", Self.variantB)
        let fileArticle = try #require(try CommandRunner.run(["list", "--json", "--db", source.db]).json() as? [[String: Any]])
            .first { $0["url"] is NSNull }?.string("id")
        let id = try #require(fileArticle)
        try source.succeed("highlight", "add", id, "negotiation", "--note", "a note", "--color", "green")
        try source.succeed("progress", id, "42.5")
        try source.succeed("read", "https://example.com/sample")
        try source.succeed("favorite", "https://example.com/sample")
        let exported = try source.export()
        let file = try source.write(exported, to: "export.json")

        let target = try Workspace()
        let first = try summary(try CommandRunner.run(["import", file, "--json", "--db", target.db]))
        #expect(first["imported"] as? Int == 5)
        #expect(try target.export() == exported, "export → import into an empty library → export is byte-identical")
        let again = try summary(try CommandRunner.run(["import", file, "--json", "--db", target.db]))
        #expect(again["unchanged"] as? Int == 5 && again["imported"] as? Int == 0)
        #expect(try target.export() == exported)
    }

    @Test func aDamagedExportSkipsTheBadArticleOrIsRefusedWhole() throws {
        let workspace = try Workspace()
        try workspace.succeed("add", "https://example.com/good")
        try workspace.succeed("add", "https://example.com/bad")
        var text = try workspace.export()
        let badID = try #require(try object(workspace.succeed("show", "https://example.com/bad", "--json")).string("id"))
        text = text.replacingOccurrences(of: badID, with: "not-a-uuid")
        let file = try workspace.write(text, to: "damaged.json")
        let target = try Workspace()
        let strict = try CommandRunner.run(["import", file, "--strict", "--db", target.db])
        #expect(strict.status != 0 && strict.stderr.contains("not-a-uuid"), "\(strict)")
        #expect(try CommandRunner.run(["list", "--all", "--json", "--db", target.db]).stdout.contains("example.com") == false)
        let lenient = try summary(try CommandRunner.run(["import", file, "--json", "--db", target.db]))
        #expect(lenient["imported"] as? Int == 1 && lenient["skippedCount"] as? Int == 1, "\(lenient)")
        let notJSON = try target.write("{\"articles\": [", to: "broken.json")
        #expect(try CommandRunner.run(["import", notJSON, "--db", target.db]).status != 0)
    }

    @Test func strictRefusesTheWholeFileAndDryRunChangesNothing() throws {
        let workspace = try Workspace()
        try workspace.succeed("add", "https://example.com/existing")
        let before = try workspace.export()
        let strict = try CommandRunner.run(["import", Self.variantB, "--strict", "--db", workspace.db])
        #expect(strict.status != 0)
        #expect(strict.errorLines.count == 1 && strict.stderr.contains("Cannot import \(Self.variantB): line 5:"), "\(strict)")
        #expect(try workspace.export() == before)
        let dry = try summary(try CommandRunner.run(["import", Self.variantB, "--dry-run", "--json", "--db", workspace.db]))
        #expect(dry["dryRun"] as? Bool == true && dry["imported"] as? Int == 3)
        #expect(try workspace.export() == before)
    }

    @Test func filesThatAreNotAnExportAreRefusedClearly() throws {
        let workspace = try Workspace()
        let text = try workspace.write("just some notes\n", to: "notes.txt")
        let unknown = try CommandRunner.run(["import", text, "--db", workspace.db])
        #expect(unknown.status != 0 && unknown.stderr.contains("--format"), "\(unknown)")
        let noURL = try workspace.write("title,link\nA,https://example.com\n", to: "odd.csv")
        let refused = try CommandRunner.run(["import", noURL, "--format", "pocket-csv", "--db", workspace.db])
        #expect(refused.status != 0 && refused.stderr.contains("no url column"), "\(refused)")
        #expect(try CommandRunner.run(["import", text, "--format", "evernote", "--db", workspace.db]).status == 64)
        #expect(try CommandRunner.run(["import", "/nonexistent.csv", "--db", workspace.db]).status != 0)
    }
}
