import Foundation
import Testing

/// Every command, end to end through the real binary on a temporary library.
@Suite struct CommandTests {
    func object(_ result: ProcessResult) throws -> [String: Any] {
        try #require(try result.json() as? [String: Any], "\(result)")
    }

    func articles(_ result: ProcessResult) throws -> [[String: Any]] {
        try #require(try result.json() as? [[String: Any]], "\(result)")
    }

    @Test func addShowsWhatHappenedAndMergesOnTheSecondSave() throws {
        let workspace = try Workspace()
        let first = try object(workspace.succeed(
            "add", "https://Example.com/notes/crdts?utm_source=x", "--title", "Notes on CRDTs", "--tag", "sync", "--json"))
        #expect(first.string("outcome") == "created")
        let article = try #require(first["article"] as? [String: Any])
        #expect(article.string("canonicalUrl") == "https://example.com/notes/crdts")
        #expect(article.string("url") == "https://Example.com/notes/crdts?utm_source=x")
        let second = try object(workspace.succeed("add", "https://example.com/notes/crdts", "--tag", "Sync", "--tag", "papers", "--json"))
        #expect(second.string("outcome") == "merged")
        #expect(second["addedTags"] as? [String] == ["papers"])
        let human = try workspace.succeed("add", "https://example.com/notes/crdts")
        #expect(human.stdout.hasPrefix("Already saved "))
    }

    @Test func addDerivesATitleFromTheURL() throws {
        let workspace = try Workspace()
        let result = try object(workspace.succeed("add", "https://example.com/blog/why-sync-is-hard.html", "--json"))
        #expect((result["article"] as? [String: Any])?.string("title") == "Why sync is hard")
    }

    @Test func addFromAnHTMLFileKeepsItsHeadlineAndText() throws {
        let workspace = try Workspace()
        let page = try workspace.write("""
            <!doctype html><html lang="en"><head><title>Fallback | Site</title>
            <meta property="og:title" content="A Saved Page"></head>
            <body><nav>Home About</nav><article><h1>A Saved Page</h1>
            <p>First paragraph of a saved page, long enough to be the body of an article, with commas, words and more words.</p>
            <p>Second paragraph mentions zeppelins.</p></article></body></html>
            """, to: "page.html")
        let saved = try object(workspace.succeed("add", "https://example.com/saved", "--file", page, "--json"))
        let article = try #require(saved["article"] as? [String: Any])
        #expect(article.string("title") == "A Saved Page")
        #expect(article.string("canonicalUrl") == "https://example.com/saved")
        let shown = try object(workspace.succeed("show", "https://example.com/saved", "--json", "--content"))
        #expect(shown.string("content")?.contains("zeppelins") == true)
        #expect(shown.string("content")?.contains("Home About") == false)
    }

    @Test func listFiltersSortsLimitsAndFitsTheWidth() throws {
        let workspace = try Workspace()
        try workspace.succeed("add", "https://example.com/b", "--title", "Bravo article", "--tag", "x")
        try workspace.succeed("add", "https://example.com/a", "--title", "Alpha article with a rather long title that will not fit", "--tag", "x", "--tag", "y")
        try workspace.succeed("add", "https://example.com/c", "--title", "Charlie")
        try workspace.succeed("read", "https://example.com/c")
        #expect(try articles(workspace.succeed("list", "--json")).compactMap { $0.string("title") }.count == 2)
        #expect(try articles(workspace.succeed("list", "--read", "--json")).compactMap { $0.string("title") } == ["Charlie"])
        #expect(try articles(workspace.succeed("list", "--all", "--sort", "title", "--json")).compactMap { $0.string("title") }.first?.hasPrefix("Alpha") == true)
        #expect(try articles(workspace.succeed("list", "--tag", "X", "--tag", "y", "--json")).count == 1)
        #expect(try articles(workspace.succeed("list", "--all", "--limit", "1", "--json")).count == 1)
        let table = try CommandRunner.run(["list", "--db", workspace.db], environment: ["COLUMNS": "60"])
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.count <= 60 })
        #expect(table.stdout.contains("…"))
        #expect(!table.stdout.contains("\u{1B}["))
        let misuse = try workspace.readlist("list", "--read", "--archived")
        #expect(misuse.status == 64)
    }

    @Test func stateCommandsChangeOnlyTheirField() throws {
        let workspace = try Workspace()
        try workspace.succeed("add", "https://example.com/a", "--title", "A")
        let url = "https://example.com/a"
        var state = try object(workspace.succeed("read", url, "--json"))
        #expect(state["read"] as? Bool == true)
        #expect(state.string("readAt") != nil)
        state = try object(workspace.succeed("favorite", url, "--json"))
        #expect(state["favorite"] as? Bool == true && state["read"] as? Bool == true)
        state = try object(workspace.succeed("archive", url, "--json"))
        #expect(state["archived"] as? Bool == true)
        state = try object(workspace.succeed("progress", url, "42.5", "--json"))
        #expect(state["progress"] as? Double == 42.5)
        state = try object(workspace.succeed("unarchive", url, "--json"))
        #expect(state["archived"] as? Bool == false && state["favorite"] as? Bool == true)
        state = try object(workspace.succeed("unfavorite", url, "--json"))
        #expect(state["favorite"] as? Bool == false)
        state = try object(workspace.succeed("unread", url, "--json"))
        #expect(state["read"] as? Bool == false && state["readAt"] is NSNull && state["progress"] as? Double == 42.5)
        let shown = try workspace.succeed("show", url)
        #expect(shown.stdout.contains("progress 42.5%"))
        try workspace.succeed("delete", url)
        #expect(try articles(workspace.succeed("list", "--all", "--json")).isEmpty)
        #expect(try workspace.readlist("show", url).status == 1)
    }

    @Test func tagCommandsAddRemoveListAndRename() throws {
        let workspace = try Workspace()
        try workspace.succeed("add", "https://example.com/a", "--title", "A")
        try workspace.succeed("add", "https://example.com/b", "--title", "B", "--tag", "Machine Learning")
        let tagged = try object(workspace.succeed("tag", "add", "https://example.com/a", "ml", "reading", "--json"))
        #expect(tagged["tags"] as? [String] == ["ml", "reading"])
        let untagged = try object(workspace.succeed("tag", "remove", "https://example.com/a", "reading", "--json"))
        #expect(untagged["tags"] as? [String] == ["ml"])
        try workspace.succeed("tag", "rename", "ML", "machine learning")
        let tags = try #require(try workspace.succeed("tag", "list", "--json").json() as? [[String: Any]])
        #expect(tags.map { $0.string("name") } == ["Machine Learning"])
        #expect(tags.map { $0["count"] as? Int } == [2])
        #expect(try workspace.succeed("tag", "list").stdout == "2  Machine Learning\n")
    }

    @Test func highlightCommandsAddListNoteAndDelete() throws {
        let workspace = try Workspace()
        let page = try workspace.write("A Headline For Testing Highlights Here\n\nThe quick brown fox jumps over the lazy dog, again and again, for the tests.\n", to: "a.txt")
        let saved = try object(workspace.succeed("add", "--file", page, "--json"))
        let id = try #require((saved["article"] as? [String: Any])?.string("id"))
        let highlight = try object(workspace.succeed("highlight", "add", String(id.prefix(6)), "QUICK  brown fox", "--note", "classic", "--color", "Pink", "--json"))
        #expect(highlight.string("quote") == "quick brown fox")
        #expect(highlight.string("color") == "pink")
        #expect(highlight.string("note") == "classic")
        let highlightID = try #require(highlight.string("id"))
        let listed = try #require(try workspace.succeed("highlight", "list", id, "--json").json() as? [[String: Any]])
        #expect(listed.map { $0.string("id") } == [highlightID])
        let noted = try object(workspace.succeed("highlight", "note", String(highlightID.prefix(8)), "even better", "--json"))
        #expect(noted.string("note") == "even better")
        #expect(try workspace.succeed("highlight", "list").stdout.contains("even better"))
        try workspace.succeed("highlight", "delete", highlightID)
        #expect(try #require(try workspace.succeed("highlight", "list", "--json").json() as? [Any]).isEmpty)
    }

    @Test func searchFindsRanksAndPrintsSnippets() throws {
        let workspace = try Workspace()
        try workspace.succeed("add", "https://example.com/a", "--title", "Zeppelins of the north")
        try workspace.succeed("add", "https://example.com/b", "--title", "Other", "--tag", "zeppelins")
        let results = try articles(workspace.succeed("search", "zeppelin", "--json"))
        #expect(results.compactMap { $0.string("title") } == ["Zeppelins of the north", "Other"])
        #expect(results.allSatisfy { $0["snippet"] is String && $0["rank"] is Double })
        let human = try workspace.succeed("search", "zeppelin", "--limit", "1")
        #expect(human.stdout.contains("Zeppelins of the north") && !human.stdout.contains("Other"))
        let operators = try workspace.readlist("search", "\"AND (-* NEAR( OR")
        #expect(operators.status == 0)
        let excluded = try articles(workspace.succeed("search", "-north", "zeppelin", "--json"))
        #expect(excluded.compactMap { $0.string("title") } == ["Other"])
    }

    @Test func statusReportsTheLibrary() throws {
        let workspace = try Workspace()
        try workspace.succeed("add", "https://example.com/a", "--tag", "t")
        let status = try object(workspace.succeed("status", "--json"))
        #expect(status.string("path") == workspace.db)
        #expect(status["articles"] as? Int == 1)
        #expect(status["schemaVersion"] as? Int == 5)
        #expect(UUID(uuidString: status.string("replicaId") ?? "") != nil)
        #expect(try workspace.succeed("status").stdout.contains("replica"))
    }

    @Test func exportIsSortedAndStable() throws {
        let workspace = try Workspace()
        try workspace.succeed("add", "https://example.com/b", "--tag", "z", "--tag", "a")
        try workspace.succeed("add", "https://example.com/a")
        let first = try workspace.export()
        #expect(first == (try workspace.export()))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        #expect(document.string("format") == "readlist-export")
        #expect(document["version"] as? Int == 1)
        let ids = try #require(document["articles"] as? [[String: Any]]).compactMap { $0.string("id") }
        #expect(ids == ids.sorted())
        let copy = workspace.folder.appendingPathComponent("export.json").path
        try workspace.succeed("export", "--format", "json", "--output", copy)
        #expect(try String(contentsOfFile: copy, encoding: .utf8) == first)
        #expect(try workspace.readlist("export", "--format", "docx").status == 64)
    }

    @Test func theDefaultLibraryLivesInTheXDGDataFolder() throws {
        let workspace = try Workspace()
        let dataHome = workspace.folder.appendingPathComponent("data").path
        let result = try CommandRunner.run(["add", "https://example.com/a"], environment: ["XDG_DATA_HOME": dataHome])
        #expect(result.status == 0, "\(result)")
        #expect(FileManager.default.fileExists(atPath: dataHome + "/readlist/library.sqlite"))
        let home = workspace.folder.appendingPathComponent("home").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let fallback = try CommandRunner.run(["status"], environment: ["HOME": home], removingEnvironment: ["XDG_DATA_HOME"])
        #expect(fallback.status == 0, "\(fallback)")
        #expect(FileManager.default.fileExists(atPath: home + "/.local/share/readlist/library.sqlite"))
        let fromEnvironment = try CommandRunner.run(["status", "--json"], environment: ["READLIST_DB": workspace.db])
        #expect(fromEnvironment.stdout.contains(workspace.db))
    }

    @Test func helpAndCompletionsExistForEveryCommand() throws {
        for command in [[], ["add"], ["list"], ["show"], ["search"], ["read"], ["unread"], ["archive"], ["unarchive"],
                        ["favorite"], ["unfavorite"], ["progress"], ["delete"], ["tag"], ["tag", "add"], ["tag", "remove"],
                        ["tag", "list"], ["tag", "rename"], ["highlight"], ["highlight", "add"], ["highlight", "list"],
                        ["highlight", "note"], ["highlight", "delete"], ["status"], ["export"]] {
            let help = try CommandRunner.run(command + ["--help"])
            #expect(help.status == 0 && help.stdout.contains("USAGE"), "\(command): \(help)")
        }
        for shell in ["bash", "zsh", "fish"] {
            let script = try CommandRunner.run(["--generate-completion-script", shell])
            #expect(script.status == 0 && script.stdout.contains("readlist"))
        }
    }
}
