import Foundation
import Testing

/// `readlist import` of Netscape bookmark files and Pocket's legacy HTML export through the
/// real binary (fixtures in `seeds/import/`).
@Suite struct HTMLImportCommandTests: ImportResultReading {
    static let firefox = "seeds/import/firefox-bookmarks.html"
    static let linkding = "seeds/import/linkding-bookmarks.html"
    static let pocket = "seeds/import/pocket-legacy.html"

    /// An RFC 3339 time as readlist prints it (with or without milliseconds).
    static func time(_ text: String?) -> Date? {
        guard let text else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = text.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter.date(from: text)
    }

    @Test func aBrowserExportIsDetectedAndItsFoldersBecomeTags() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        let result = try summary(try CommandRunner.run(["import", Self.firefox, "--json", "--db", workspace.db]))
        #expect((result["imported"] as? Int, result["merged"] as? Int, result["unchanged"] as? Int) == (8, 0, 0), "\(result)")
        #expect(skippedLines(result) == [] && result["ignored"] as? Int == 2, "the place: and javascript: links are ignored")
        let essay = try object(workspace.succeed("show", "https://example.com/essays/ben-and-jerry", "--json"))
        #expect(essay.string("title") == "Ben & Jerry's: a history")
        #expect(essay["tags"] as? [String] == ["business", "food", "Reading"])
        #expect(essay.string("excerpt") == "How two friends built an ice-cream company")
        #expect(essay.string("addedAt") == "2023-11-14T22:13:20Z")
        #expect(essay["read"] as? Bool == false, "a browser's bookmarks are not marked read")
        let french = try object(workspace.succeed("show", "https://example.fr/cafe-creme", "--json"))
        #expect(french["tags"] as? [String] == ["Français", "Reading"])
        #expect(french.string("title") == "Le café crème, à la française")
        let toolbar = try object(workspace.succeed("show", "https://news.example.org/", "--json"))
        #expect(toolbar["tags"] as? [String] == ["news"], "the toolbar folder is no tag")
    }

    @Test func readStateArchiveMarkerAndNotesFromLinkding() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        let started = Date()
        let result = try summary(try CommandRunner.run(["import", Self.linkding, "--json", "--db", workspace.db]))
        #expect(result["imported"] as? Int == 5 && skippedLines(result) == [], "\(result)")
        let badDate = try object(workspace.succeed("show", "https://example.com/bad-date", "--json"))
        let savedAt = try #require(Self.time(badDate.string("addedAt")), "\(badDate)")
        #expect(savedAt >= started.addingTimeInterval(-1) && savedAt <= Date(), "an unreadable ADD_DATE: saved at the import's time")
        let unread = try object(workspace.succeed("show", "https://example.com/unread-one", "--json"))
        #expect(unread["read"] as? Bool == false && unread["archived"] as? Bool == false)
        #expect(unread.string("excerpt") == "A description <with markup>\n\nFirst note line\nsecond note line")
        let read = try object(workspace.succeed("show", "https://example.com/read-one", "--json"))
        #expect(read["read"] as? Bool == true && read["archived"] as? Bool == false)
        let archived = try object(workspace.succeed("show", "https://example.com/archived", "--json"))
        #expect(archived["archived"] as? Bool == true)
        #expect(archived["tags"] as? [String] == ["history"])
    }

    @Test func importingTheSameFilesAgainChangesNothing() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        let files = [Self.firefox, Self.linkding, "seeds/import/chrome-bookmarks.html", Self.pocket]
        for file in files { try workspace.succeed("import", file) }
        let before = try workspace.export()
        for file in files {
            let again = try summary(try CommandRunner.run(["import", file, "--json", "--db", workspace.db]))
            #expect(again["imported"] as? Int == 0 && again["merged"] as? Int == 0, "\(file): \(again)")
        }
        #expect(try workspace.export() == before)
    }

    @Test func strictRefusesNamingTheLineAndDryRunWritesNothing() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        try workspace.succeed("add", "https://example.com/existing")
        let before = try workspace.export()
        let broken = workspace.folder.appendingPathComponent("broken.html")
        try Data("<DL><p>\n<DT><A HREF=\"https://a.example/\">A</A>\n<DT><A>no address</A>\n</DL>\n".utf8).write(to: broken)
        let strict = try CommandRunner.run(["import", broken.path, "--strict", "--db", workspace.db])
        #expect(strict.status != 0)
        #expect(strict.errorLines.count == 1 && strict.stderr.contains("Cannot import \(broken.path): line 3: the link has no address (HREF). Nothing was imported"), "\(strict)")
        #expect(try workspace.export() == before)
        let firefox = try CommandRunner.run(["import", Self.firefox, "--strict", "--dry-run", "--db", workspace.db])
        #expect(firefox.status == 0, "a browser's place: and javascript: links do not make --strict refuse its file: \(firefox)")
        let dry = try summary(try CommandRunner.run(["import", Self.pocket, "--dry-run", "--json", "--db", workspace.db]))
        #expect(dry["dryRun"] as? Bool == true && dry["imported"] as? Int == 6 && skippedLines(dry) == [], "\(dry)")
        #expect(try workspace.export() == before)
    }

    @Test func pocketsLegacyExportIsDetectedAndItsArchiveIsRead() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        let started = Date()
        let result = try summary(try CommandRunner.run(["import", Self.pocket, "--json", "--db", workspace.db]))
        #expect(result["imported"] as? Int == 6 && skippedLines(result) == [], "\(result)")
        let badTime = try object(workspace.succeed("show", "https://example.com/pocket/bad-time", "--json"))
        let savedAt = try #require(Self.time(badTime.string("addedAt")), "\(badTime)")
        #expect(savedAt >= started.addingTimeInterval(-1) && savedAt <= Date(), "an unreadable time_added: saved at the import's time")
        let archived = try object(workspace.succeed("show", "https://example.com/pocket/archived", "--json"))
        #expect(archived["read"] as? Bool == true && archived["archived"] as? Bool == true)
        #expect(archived["tags"] as? [String] == ["old"])
        #expect(archived.string("addedAt") == "2017-07-14T02:40:00Z")
        let unread = try object(workspace.succeed("show", "https://example.com/pocket/unread", "--json"))
        #expect(unread["read"] as? Bool == false && unread["tags"] as? [String] == ["ifttt", "new_entry_simple"])
    }

    @Test func htmlWithoutBookmarksIsRefusedClearly() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        let page = "seeds/import/not-bookmarks.html"
        let undetected = try CommandRunner.run(["import", page, "--db", workspace.db])
        #expect(undetected.status != 0 && undetected.stderr.contains("--format"), "\(undetected)")
        let forced = try CommandRunner.run(["import", page, "--format", "netscape-html", "--db", workspace.db])
        #expect(forced.status != 0 && forced.stderr.contains("as netscape-html: the file holds no bookmarks"), "\(forced)")
        let emptyPocket = try CommandRunner.run(["import", "seeds/import/pocket-empty.html", "--db", workspace.db])
        #expect(emptyPocket.status != 0 && emptyPocket.stderr.contains("as pocket-html: the file holds no saved links"), "\(emptyPocket)")
        let csvAsHTML = try CommandRunner.run(["import", "seeds/import/pocket-variant-a.csv", "--format", "netscape-html", "--db", workspace.db])
        #expect(csvAsHTML.status != 0 && csvAsHTML.stderr.contains("no bookmarks"), "\(csvAsHTML)")
        #expect(try CommandRunner.run(["list", "--all", "--json", "--db", workspace.db]).stdout.contains("example") == false)
    }
}
