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
}
