import Foundation
import Testing

/// Bad input gives one clear line naming the input and the fix, a non-zero exit, and leaves
/// the library unchanged.
@Suite struct BadInputTests {
    /// A library with one article with text, and its export before the bad command.
    func prepared() throws -> (Workspace, id: String, export: String) {
        let workspace = try Workspace()
        let file = try workspace.write("An Article About Testing Things Well\n\nSome text with a quotable sentence in it.\n", to: "a.txt")
        let added = try workspace.succeed("add", "--file", file, "--tag", "t", "--json")
        let article = try #require((try added.json() as? [String: Any])?["article"] as? [String: Any])
        return (workspace, try #require(article["id"] as? String), try workspace.export())
    }

    func expectRefused(
        _ arguments: [String], status: Int32, mentioning fragment: String, in workspace: Workspace, unchanged export: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try CommandRunner.run(arguments + ["--db", workspace.db])
        #expect(result.status == status, "\(arguments): \(result)", sourceLocation: sourceLocation)
        #expect(result.errorLines.count == 1, "\(arguments): \(result)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(fragment), "\(arguments): \(result)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(try workspace.export() == export, "\(arguments) changed the library", sourceLocation: sourceLocation)
    }

    @Test func unknownArticle() throws {
        let (workspace, _, export) = try prepared()
        for command in [["show"], ["read"], ["archive"], ["favorite"], ["delete"], ["progress"], ["tag", "add"], ["highlight", "add"]] {
            var arguments = command + ["https://example.com/never-saved"]
            if command == ["progress"] { arguments.append("50") }
            if command.first == "tag" || command.first == "highlight" { arguments.append("text") }
            try expectRefused(arguments, status: 1, mentioning: "No article matches \"https://example.com/never-saved\"", in: workspace, unchanged: export)
        }
        try expectRefused(["show", "ffffffff"], status: 1, mentioning: "No article matches \"ffffffff\"", in: workspace, unchanged: export)
        try expectRefused(["show", "abc"], status: 64, mentioning: "too short", in: workspace, unchanged: export)
    }

    @Test func ambiguousPrefix() throws {
        let workspace = try Workspace()
        var seen: [String: String] = [:]
        var prefix: String?
        var index = 0
        while prefix == nil {
            let result = try workspace.succeed("add", "https://example.com/\(index)", "--json")
            let id = try #require(((try result.json() as? [String: Any])?["article"] as? [String: Any])?["id"] as? String)
            let head = String(id.prefix(4))
            if seen[head] != nil { prefix = head }
            seen[head] = id
            index += 1
            if index > 2000 { break }
        }
        let ambiguous = try #require(prefix)
        try expectRefused(["read", ambiguous], status: 1, mentioning: "matches more than one article", in: workspace, unchanged: try workspace.export())
    }

    @Test func invalidURLsAndSchemes() throws {
        let (workspace, _, export) = try prepared()
        try expectRefused(["add", "ftp://example.com/file"], status: 64, mentioning: "ftp://example.com/file", in: workspace, unchanged: export)
        try expectRefused(["add", "javascript:alert(1)"], status: 64, mentioning: "javascript:alert(1)", in: workspace, unchanged: export)
        try expectRefused(["add", "not a url"], status: 64, mentioning: "not a url", in: workspace, unchanged: export)
        try expectRefused(["add", "https://"], status: 64, mentioning: "https://", in: workspace, unchanged: export)
        try expectRefused(["add"], status: 64, mentioning: "Nothing to save", in: workspace, unchanged: export)
    }

    @Test func emptyTitleUnknownColourBadProgressAndEmptyTag() throws {
        let (workspace, id, export) = try prepared()
        try expectRefused(["add", "https://example.com/x", "--title", "  "], status: 64, mentioning: "title is empty", in: workspace, unchanged: export)
        try expectRefused(["highlight", "add", id, "quotable sentence", "--color", "mauve"], status: 64, mentioning: "Unknown colour \"mauve\"", in: workspace, unchanged: export)
        try expectRefused(["progress", id, "140"], status: 64, mentioning: "Progress \"140\"", in: workspace, unchanged: export)
        try expectRefused(["progress", id, "half"], status: 64, mentioning: "Progress \"half\"", in: workspace, unchanged: export)
        try expectRefused(["tag", "add", id, "  "], status: 64, mentioning: "tag name is empty", in: workspace, unchanged: export)
        try expectRefused(["add", "https://example.com/y", "--tag", "ok", "--tag", " "], status: 64, mentioning: "tag name is empty", in: workspace, unchanged: export)
    }

    @Test func filesThatCannotBeSaved() throws {
        let (workspace, _, export) = try prepared()
        let missing = workspace.folder.appendingPathComponent("missing.html").path
        try expectRefused(["add", "--file", missing], status: 64, mentioning: "Cannot read \(missing): no such file", in: workspace, unchanged: export)
        let image = workspace.folder.appendingPathComponent("photo.png").path
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).write(to: URL(fileURLWithPath: image))
        try expectRefused(["add", "--file", image], status: 64, mentioning: "photo.png", in: workspace, unchanged: export)
        let empty = try workspace.write("  \n", to: "empty.txt")
        try expectRefused(["add", "--file", empty], status: 64, mentioning: "empty.txt", in: workspace, unchanged: export)
        try expectRefused(["add", "--file", workspace.folder.path], status: 64, mentioning: "it is a folder", in: workspace, unchanged: export)
    }

    @Test func aQuoteNotInTheArticle() throws {
        let (workspace, id, export) = try prepared()
        try expectRefused(["highlight", "add", id, "a sentence that is not there"], status: 1, mentioning: "\"a sentence that is not there\" is not in article", in: workspace, unchanged: export)
    }

    @Test func searchFullOfOperatorsIsNotAnError() throws {
        let (workspace, _, _) = try prepared()
        for query in ["AND OR NOT", "\"", "(((", "-", "*", "NEAR(a b", "title:x", "a) OR (b"] {
            let result = try workspace.readlist("search", query)
            #expect(result.status == 0, "\(query): \(result)")
        }
        #expect(try workspace.readlist("search", "quotable AND (sentence").status == 0)
    }

    @Test func libraryInAMissingFolder() throws {
        let workspace = try Workspace()
        let path = workspace.folder.appendingPathComponent("missing/sub/library.sqlite").path
        let result = try CommandRunner.run(["add", "https://example.com/a", "--db", path])
        #expect(result.status == 1)
        #expect(result.errorLines.count == 1)
        #expect(result.stderr.contains("does not exist") && result.stderr.contains("mkdir -p"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func libraryInAReadOnlyFolder() throws {
        let workspace = try Workspace()
        let folder = workspace.folder.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        // Root may write anywhere, so as root the command runs as an unprivileged user.
        let launcher = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: workspace.folder.path)
        let path = folder.appendingPathComponent("library.sqlite").path
        let result = try CommandRunner.run(["add", "https://example.com/a", "--db", path], launcher: launcher)
        #expect(result.status == 1, "\(result)")
        #expect(result.errorLines.count == 1, "\(result)")
        #expect(result.stderr.contains("read-only"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFileThatIsNotASQLiteDatabase() throws {
        let workspace = try Workspace()
        let path = try workspace.write("these are my notes, not a database\n", to: "notes.txt")
        let result = try CommandRunner.run(["list", "--db", path])
        #expect(result.status == 1)
        #expect(result.errorLines.count == 1)
        #expect(result.stderr.contains("\(path) is not a readlist library"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "these are my notes, not a database\n")
    }

    @Test func aLibraryFromANewerSchema() throws {
        let (workspace, _, _) = try prepared()
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version=7'); c.commit()", workspace.db]
        try sqlite.run()
        sqlite.waitUntilExit()
        try #require(sqlite.terminationStatus == 0)
        let result = try workspace.readlist("list")
        #expect(result.status == 1)
        #expect(result.errorLines.count == 1)
        #expect(result.stderr.contains("schema version 7") && result.stderr.contains("Upgrade readlist"))
    }

    @Test func unknownCommandsAndOptionsAreMisuse() throws {
        #expect(try CommandRunner.run(["frobnicate"]).status == 64)
        #expect(try CommandRunner.run(["list", "--colour"]).status == 64)
        #expect(try CommandRunner.run(["list", "--limit", "-3"]).status == 64)
    }
}
