import Foundation
import Testing

@Suite struct ProcessTests {
    @Test func twoWriterProcessesAtOnceBothSucceedEvenOnANewFile() throws {
        let workspace = try Workspace()
        let readlist = CommandRunner.productsFolder.appendingPathComponent("readlist").path
        let writers = (0..<2).map { writer -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = [
                "-c",
                "for i in $(seq 1 40); do \"$0\" add \"https://example.com/$1/$i\" --offline --tag \"writer$1\" --db \"$2\" >/dev/null || exit 1; "
                    + "\"$0\" read \"https://example.com/$1/$i\" --db \"$2\" >/dev/null || exit 1; done",
                readlist, "\(writer)", workspace.db,
            ]
            return process
        }
        for process in writers { try process.run() }
        for process in writers { process.waitUntilExit() }
        #expect(writers.map(\.terminationStatus) == [0, 0])
        let status = try #require(try workspace.succeed("status", "--json").json() as? [String: Any])
        #expect(status["articles"] as? Int == 80)
        #expect(status["read"] as? Int == 80)
        let tags = try #require(try workspace.succeed("tag", "list", "--json").json() as? [[String: Any]])
        #expect(tags.map { $0["count"] as? Int } == [40, 40])
    }

    @Test func processesCreatingANewLibraryAtOnceAllSucceed() throws {
        let readlist = CommandRunner.productsFolder.appendingPathComponent("readlist").path
        for round in 0..<8 {
            let workspace = try Workspace()
            let processes = (0..<3).map { index -> Process in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: readlist)
                process.arguments = ["add", "https://example.com/\(round)/\(index)", "--offline", "--db", workspace.db]
                process.standardOutput = FileHandle.nullDevice
                return process
            }
            for process in processes { try process.run() }
            for process in processes { process.waitUntilExit() }
            #expect(processes.map(\.terminationStatus) == [0, 0, 0], "round \(round)")
            let status = try #require(try workspace.succeed("status", "--json").json() as? [String: Any])
            #expect(status["articles"] as? Int == 3, "round \(round)")
        }
    }

    @Test func theEmbeddingExampleBuildsAndRuns() throws {
        let workspace = try Workspace()
        let result = try CommandRunner.run([workspace.db], program: "ReadingListExample")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Local-first software [essays, Local First, sync]"))
        #expect(!result.stdout.contains("Notes on CRDTs"))
    }

    @Test func colourIsUsedOnATerminalUnlessNO_COLORIsSet() throws {
        let workspace = try Workspace()
        try workspace.succeed("add", "https://example.com/a", "--title", "A title")
        let readlist = CommandRunner.productsFolder.appendingPathComponent("readlist").path
        let command = "'\(readlist)' list --db '\(workspace.db)'"
        // script(1) runs the command on a pseudo-terminal.
        let onTerminal = try CommandRunner.execute(
            ["/usr/bin/script", "-qec", command, "/dev/null"],
            environment: ["TERM": "xterm-256color", "PATH": "/usr/bin:/bin"])
        #expect(onTerminal.status == 0, "\(onTerminal)")
        #expect(onTerminal.stdout.contains("\u{1B}[1mA title"), "\(onTerminal)")
        let withoutColor = try CommandRunner.execute(
            ["/usr/bin/script", "-qec", command, "/dev/null"],
            environment: ["TERM": "xterm-256color", "PATH": "/usr/bin:/bin", "NO_COLOR": "1"])
        #expect(withoutColor.stdout.contains("A title"))
        #expect(!withoutColor.stdout.contains("\u{1B}["), "\(withoutColor)")
    }

    @Test func syncShowsAProgressLineOnATerminalOnly() throws {
        let workspace = try Workspace()
        let other = workspace.folder.appendingPathComponent("other.sqlite").path
        try workspace.succeed("add", "https://example.com/a")
        #expect(try CommandRunner.run(["add", "https://example.com/b", "--db", other]).status == 0)
        let readlist = CommandRunner.productsFolder.appendingPathComponent("readlist").path
        let command = "'\(readlist)' sync '\(other)' --db '\(workspace.db)'"
        let onTerminal = try CommandRunner.execute(
            ["/usr/bin/script", "-qec", command, "/dev/null"], environment: ["TERM": "xterm-256color", "PATH": "/usr/bin:/bin"])
        #expect(onTerminal.status == 0, "\(onTerminal)")
        #expect(onTerminal.stdout.contains("\r\u{1B}[Ksync: receiving"), "\(onTerminal)")
        #expect(onTerminal.stdout.contains("\r\u{1B}[K"), "the line is erased when done")
        let piped = try CommandRunner.run(["sync", other, "--db", workspace.db])
        #expect(!piped.stderr.contains("sync: "), "\(piped)")
    }

    @Test func importShowsAProgressBarOnATerminalOnly() throws {
        let workspace = try Workspace()
        let file = workspace.folder.appendingPathComponent("pocket.csv")
        let rows = (1...500).map { "Article \($0),https://example.com/\($0),1600000000,,unread" }
        try ("title,url,time_added,tags,status\n" + rows.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let readlist = CommandRunner.productsFolder.appendingPathComponent("readlist").path
        let command = "'\(readlist)' import '\(file.path)' --db '\(workspace.db)'"
        let onTerminal = try CommandRunner.execute(
            ["/usr/bin/script", "-qec", command, "/dev/null"], environment: ["TERM": "xterm-256color", "PATH": "/usr/bin:/bin"])
        #expect(onTerminal.status == 0, "\(onTerminal)")
        #expect(onTerminal.stdout.contains("\r\u{1B}[Kimport: [####"), "\(onTerminal)")
        #expect(onTerminal.stdout.contains("% 100 records"), "\(onTerminal)")
        #expect(onTerminal.stdout.contains("Imported 500 new articles"), "\(onTerminal)")
        let piped = try CommandRunner.run(["import", file.path, "--db", workspace.db, "--dry-run"])
        #expect(piped.status == 0, "\(piped)")
        #expect(!piped.stderr.contains("import: "), "\(piped)")
    }

    /// Runs `readlist import <file>` into `workspace`'s library on a pseudo-terminal (script(1)).
    static func importOnATerminal(_ file: String, into workspace: Workspace) throws -> ProcessResult {
        let readlist = CommandRunner.productsFolder.appendingPathComponent("readlist").path
        let command = "'\(readlist)' import '\(file)' --db '\(workspace.db)'"
        return try CommandRunner.execute(
            ["/usr/bin/script", "-qec", command, "/dev/null"], environment: ["TERM": "xterm-256color", "PATH": "/usr/bin:/bin"])
    }

    @Test func jsonImportsShowAProgressBarOnATerminalToo() throws {
        // readlist's own export, of 500 articles.
        let source = try Workspace()
        let csv = source.folder.appendingPathComponent("pocket.csv")
        let rows = (1...500).map { "Article \($0),https://example.com/\($0),1600000000,,unread" }
        try ("title,url,time_added,tags,status\n" + rows.joined(separator: "\n") + "\n").write(to: csv, atomically: true, encoding: .utf8)
        try source.succeed("import", csv.path)
        let export = try source.write(try source.export(), to: "library.json")
        let target = try Workspace()
        let readlistJSON = try Self.importOnATerminal(export, into: target)
        #expect(readlistJSON.status == 0, "\(readlistJSON)")
        #expect(readlistJSON.stdout.contains("\r\u{1B}[Kimport: [#"), "\(readlistJSON)")
        #expect(readlistJSON.stdout.contains("% 100 records"), "\(readlistJSON)")
        #expect(readlistJSON.stdout.contains("Imported 500 new articles"), "\(readlistJSON)")

        // wallabag's export, written on one line as wallabag writes it: no line tells how far.
        let entries = (1...500).map { #"{"url":"https://example.org/\#($0)","title":"Entry \#($0)","is_archived":0,"is_starred":0,"created_at":"2020-01-01T10:00:00+0100"}"# }
        let wallabag = try target.write("[" + entries.joined(separator: ",") + "]", to: "wallabag.json")
        let oneLine = try Self.importOnATerminal(wallabag, into: target)
        #expect(oneLine.status == 0, "\(oneLine)")
        #expect(oneLine.stdout.contains("\r\u{1B}[Kimport: [#"), "\(oneLine)")
        #expect(oneLine.stdout.contains("% 100 records"), "\(oneLine)")
        #expect(oneLine.stdout.contains("Imported 500 new articles"), "\(oneLine)")
        let piped = try CommandRunner.run(["import", wallabag, "--db", target.db, "--dry-run"])
        #expect(piped.status == 0 && !piped.stderr.contains("import: "), "\(piped)")
    }

    @Test func colourIsNeverWrittenToAPipe() throws {
        let workspace = try Workspace()
        try workspace.succeed("add", "https://example.com/a", "--title", "A")
        let result = try CommandRunner.run(["list", "--db", workspace.db], environment: ["TERM": "xterm-256color"])
        #expect(!result.stdout.contains("\u{1B}["))
    }
}
