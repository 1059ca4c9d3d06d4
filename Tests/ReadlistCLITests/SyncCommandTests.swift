import Foundation
import Testing

/// `readlist sync` end to end: two library files, the real binary, every message through the codec.
@Suite struct SyncCommandTests {
    let readlist = CommandRunner.productsFolder.appendingPathComponent("readlist").path

    func libraries() throws -> (Workspace, a: String, b: String) {
        let workspace = try Workspace()
        return (workspace, workspace.folder.appendingPathComponent("a.sqlite").path, workspace.folder.appendingPathComponent("b.sqlite").path)
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> ProcessResult {
        let result = try CommandRunner.run(arguments)
        guard result.status == 0 else { throw CommandFailure(arguments: arguments, result: result) }
        return result
    }

    func export(_ db: String) throws -> String { try run(["export", "--db", db]).stdout }

    @Test func concurrentEditsOnTwoFilesConvergeToIdenticalExports() throws {
        let (workspace, a, b) = try libraries()
        defer { withExtendedLifetime(workspace) {} }
        try run(["add", "https://example.com/shared?utm_source=a", "--title", "Shared", "--tag", "from-a", "--db", a])
        try run(["add", "https://example.com/only-a", "--db", a])
        try run(["add", "https://example.com/shared", "--tag", "from-b", "--db", b])
        try run(["add", "https://example.com/only-b", "--db", b])
        try run(["sync", b, "--db", a])
        try run(["read", "https://example.com/shared", "--db", a])
        try run(["favorite", "https://example.com/shared", "--db", b])
        try run(["delete", "https://example.com/only-a", "--db", b])
        try run(["archive", "https://example.com/only-a", "--db", a])
        let report = try #require(try run(["sync", b, "--db", a, "--json"]).json() as? [String: Any])
        #expect(report["repaired"] as? Bool == false)
        #expect(try export(a) == (try export(b)))
        let shared = try #require(try run(["show", "https://example.com/shared", "--json", "--db", b]).json() as? [String: Any])
        #expect(shared["tags"] as? [String] == ["from-a", "from-b"])
        #expect(shared["read"] as? Bool == true && shared["favorite"] as? Bool == true)
        #expect(try CommandRunner.run(["show", "https://example.com/only-a", "--db", a]).status == 1)
        let status = try #require(try run(["status", "--json", "--db", a]).json() as? [String: Any])
        #expect((status["peers"] as? [[String: Any]])?.count == 1)
    }

    @Test func syncWorksOverTheStdioServer() throws {
        let (workspace, a, b) = try libraries()
        defer { withExtendedLifetime(workspace) {} }
        try run(["add", "https://example.com/1", "--tag", "x", "--db", a])
        try run(["add", "https://example.com/2", "--tag", "y", "--db", b])
        let result = try run(["sync", "--exec", "'\(readlist)' serve --stdio --db '\(b)'", "--db", a])
        #expect(result.stdout.contains("on both sides"))
        #expect(try export(a) == (try export(b)))
    }

    @Test func aSyncCutMidWayThenRerunConvergesWithNothingLostOrDoubled() throws {
        let (workspace, a, b) = try libraries()
        defer { withExtendedLifetime(workspace) {} }
        for index in 0..<12 { try run(["add", "https://example.com/a/\(index)", "--tag", "t\(index % 3)", "--db", a]) }
        for index in 0..<12 { try run(["add", "https://example.com/b/\(index)", "--db", b]) }
        // The server sees only three requests: the connection breaks in the middle of the pull.
        let threeLines = #"for i in 1 2 3; do IFS= read -r line && printf '%s\n' "$line"; done"#
        let cut = try CommandRunner.run([
            "sync", "--page-size", "2", "--exec", "\(threeLines) | '\(readlist)' serve --stdio --db '\(b)'", "--db", a,
        ])
        #expect(cut.status == 1)
        #expect(cut.errorLines.count == 1)
        let partial = try #require(try run(["status", "--json", "--db", a]).json() as? [String: Any])
        #expect((partial["articles"] as? Int).map { $0 > 12 && $0 < 24 } == true, "\(partial)")
        try run(["sync", "--page-size", "2", "--exec", "'\(readlist)' serve --stdio --db '\(b)'", "--db", a])
        #expect(try export(a) == (try export(b)))
        let status = try #require(try run(["status", "--json", "--db", a]).json() as? [String: Any])
        #expect(status["articles"] as? Int == 24)
    }

    @Test func aCloneIsANewReplicaInSyncAndACopiedFileRotatesItsId() throws {
        let (workspace, a, b) = try libraries()
        defer { withExtendedLifetime(workspace) {} }
        for index in 0..<5 { try run(["add", "https://example.com/\(index)", "--db", a]) }
        let cloned = try run(["clone", a, b])
        #expect(cloned.stdout.contains("in sync"))
        #expect(try CommandRunner.run(["clone", a, b]).status == 64)
        let first = try #require(try run(["sync", b, "--db", a, "--json"]).json() as? [String: Any])
        #expect(first["changesReceived"] as? Int == 0 && first["changesSent"] as? Int == 0)

        let copy = workspace.folder.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: a, toPath: copy)
        func replica(_ db: String) throws -> String? { (try run(["status", "--json", "--db", db]).json() as? [String: Any])?["replicaId"] as? String }
        #expect(try replica(copy) != (try replica(a)))
        try run(["favorite", "https://example.com/1", "--db", copy])
        try run(["sync", copy, "--db", a])
        #expect(try export(a) == (try export(copy)))
    }

    @Test func badPeersGiveOneClearLine() throws {
        let (workspace, a, _) = try libraries()
        defer { withExtendedLifetime(workspace) {} }
        try run(["add", "https://example.com/1", "--db", a])
        let before = try export(a)
        for command in ["false", "echo nonsense", "'\(readlist)' serve --stdio --db /nonexistent/x.sqlite"] {
            let result = try CommandRunner.run(["sync", "--exec", command, "--db", a])
            #expect(result.status == 1, "\(command): \(result)")
            #expect(result.errorLines.count == 1, "\(command): \(result)")
        }
        let missing = workspace.folder.appendingPathComponent("typo.sqlite").path
        let typo = try CommandRunner.run(["sync", missing, "--db", a])
        #expect(typo.status == 1 && typo.stderr.contains("readlist clone"), "\(typo)")
        #expect(!FileManager.default.fileExists(atPath: missing), "a mistyped path does not become an empty library")
        let itself = try CommandRunner.run(["sync", a, "--db", a])
        #expect(itself.status == 1 && itself.stderr.contains("cannot sync with itself"))
        let notALibrary = try workspace.write("text", to: "notes.txt")
        #expect(try CommandRunner.run(["sync", notALibrary, "--db", a]).status == 1)
        #expect(try CommandRunner.run(["sync", "--db", a]).status == 64)
        #expect(try export(a) == before)
    }
}
