import Foundation
import Testing

/// `readlist-bench --quick`, the benchmark's smoke test: every scenario runs on tiny libraries
/// and the JSON report has its figures. Only the report's shape is checked, never a timing.
@Suite struct BenchSmokeTests {
    /// The harness's scenarios, by their `--only` names.
    static let scenarios = [
        "save", "import", "merge", "first-sync", "first-sync-bodies", "incremental-sync", "wire", "metadata",
        "sync-memory", "add", "browse",
    ]

    @Test func aQuickRunReportsFiguresForEveryScenarioWithTheMachineAndCommit() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        let path = workspace.folder.appendingPathComponent("bench.json").path
        let result = try CommandRunner.run(["--quick", "--json", path], program: "readlist-bench")
        try #require(result.status == 0, "\(result)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])

        let machine = try #require(report["machine"] as? [String: Any])
        #expect((machine["cores"] as? Int ?? 0) > 0)
        #expect(!(machine.string("commit") ?? "").isEmpty)

        let listed = try #require(report["scenarios"] as? [String])
        #expect(Set(Self.scenarios).isSubset(of: Set(listed)), "scenarios run: \(listed)")
        let figures = try #require(report["figures"] as? [[String: Any]])
        for scenario in listed {
            let own = figures.filter { $0.string("scenario") == scenario }
            #expect(!own.isEmpty, "no figure for \(scenario)")
            for figure in own {
                let median = (figure["median"] as? NSNumber)?.doubleValue
                #expect(median?.isFinite == true, "\(scenario): \(figure.string("name") ?? "?") has no finite median")
            }
        }
    }

    /// `readlist-bench extraction` on a tiny folder of Readability's layout: a complete page, a
    /// page without reference files, a folder without `source.html`, and an unrelated file.
    @Test func theExtractionCommandScoresAFolderOfPagesAndExplainsWhatIsMissing() throws {
        let workspace = try Workspace()
        defer { withExtendedLifetime(workspace) {} }
        let pages = workspace.folder.appendingPathComponent("pages")
        let manager = FileManager.default
        for name in ["complete", "source-only", "no-source"] {
            try manager.createDirectory(at: pages.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let paragraph = "The council voted on Monday to keep the old library open, which surprised many residents."
        let source = """
            <html><head><title>Library stays open</title><meta name="author" content="Ann Lee"></head>
            <body><nav><a href="/">Home</a></nav><article><p>\(paragraph)</p><p>\(paragraph)</p></article></body></html>
            """
        try Data(source.utf8).write(to: pages.appendingPathComponent("complete/source.html"))
        try Data("<div><p>\(paragraph)</p><p>\(paragraph)</p></div>".utf8)
            .write(to: pages.appendingPathComponent("complete/expected.html"))
        try Data(#"{"title": "Library stays open", "byline": "Ann Lee", "excerpt": null}"#.utf8)
            .write(to: pages.appendingPathComponent("complete/expected-metadata.json"))
        try Data(source.utf8).write(to: pages.appendingPathComponent("source-only/source.html"))
        try Data("{}".utf8).write(to: pages.appendingPathComponent("no-source/expected-metadata.json"))
        try Data("notes".utf8).write(to: pages.appendingPathComponent("README.md"))

        let jsonPath = workspace.folder.appendingPathComponent("extraction.json").path
        let result = try CommandRunner.run(
            ["extraction", pages.path, "--repetitions", "1", "--json", jsonPath], program: "readlist-bench")
        try #require(result.status == 0, "\(result)")
        #expect(result.stdout.contains("no-source: skipped, no source.html"))
        #expect(result.stdout.contains("no readable expected.html"))
        #expect(result.stdout.contains("2 pages: title 100.0 % exact, byline 100.0 %"))

        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: jsonPath))) as? [String: Any])
        let totals = try #require(report["totals"] as? [String: Any])
        #expect((totals["meanF1"] as? NSNumber)?.doubleValue == 1)
        #expect(totals.string("minimumF1Page") == "complete")
        #expect((totals["medianMilliseconds"] as? NSNumber)?.doubleValue.isFinite == true)
        let scored = try #require(report["pages"] as? [[String: Any]])
        #expect(scored.compactMap { $0.string("page") } == ["complete", "source-only"])

        let missing = try CommandRunner.run(
            ["extraction", workspace.folder.appendingPathComponent("absent").path], program: "readlist-bench")
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("is not a folder"))
    }
}
