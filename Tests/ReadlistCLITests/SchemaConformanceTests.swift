import Foundation
import Testing

/// Every JSON shape the CLI prints is checked against `Protocol/schemas/v1` by an independent
/// validator (Python's `jsonschema`).
@Suite struct SchemaConformanceTests {
    @Test func everyJSONOutputMatchesItsSchema() throws {
        let workspace = try Workspace()
        let seed = "seeds/000_c54e80fb70a5c8fb.txt"
        var outputs: [(schema: String, json: String)] = []
        func emit(_ schema: String, _ arguments: String...) throws {
            let result = try CommandRunner.run(arguments + ["--db", workspace.db])
            guard result.status == 0 else { throw CommandFailure(arguments: arguments, result: result) }
            outputs.append((schema, result.stdout))
        }
        try emit("add-result.schema.json", "add", "--file", seed, "--tag", "politics", "--json")
        try emit("add-result.schema.json", "add", "https://example.com/a?utm_source=x", "--title", "A", "--tag", "Z", "--json")
        let id = try #require(((try JSONSerialization.jsonObject(with: Data(outputs[0].json.utf8)) as? [String: Any])?["article"] as? [String: Any])?["id"] as? String)
        try emit("highlight.schema.json", "highlight", "add", id, "through negotiation", "--note", "n", "--color", "blue", "--json")
        try emit("article.schema.json", "read", id, "--json")
        try emit("article.schema.json", "progress", id, "33.3", "--json")
        try emit("article.schema.json", "show", id, "--json")
        try emit("article.schema.json", "show", id, "--content", "--json")
        try emit("article-list.schema.json", "list", "--all", "--json")
        try emit("article-list.schema.json", "list", "--json")
        try emit("article-list.schema.json", "search", "negotiation", "--json")
        try emit("highlight-list.schema.json", "highlight", "list", "--json")
        try emit("tag-list.schema.json", "tag", "list", "--json")
        let other = workspace.folder.appendingPathComponent("other.sqlite").path
        _ = try CommandRunner.run(["add", "https://example.com/elsewhere", "--tag", "b", "--db", other])
        try emit("sync-report.schema.json", "sync", other, "--json")
        try emit("status.schema.json", "status", "--json")
        try emit("import-result.schema.json", "import", "seeds/import/pocket-variant-a.csv", "--dry-run", "--json")
        try emit("import-result.schema.json", "import", "seeds/import/pocket-export.zip", "--dry-run", "--json")
        let omnivore = try ArchiveImportCommandTests.omnivoreWithDeletedItems(in: workspace)
        try emit("import-result.schema.json", "import", omnivore, "--dry-run", "--json")
        try emit("export.schema.json", "export", "--format", "json")

        var arguments: [String: [String]] = [:]
        for (index, output) in outputs.enumerated() {
            let path = try workspace.write(output.json, to: "output-\(index).json")
            arguments[output.schema, default: []].append(path)
        }
        for (schema, files) in arguments.sorted(by: { $0.key < $1.key }) {
            let result = try Python.run(["Protocol/tools/validate_json.py", schema] + files)
            #expect(result.status == 0, "\(schema): \(result)")
        }
    }
}

/// Runs the repository's Python tools.
enum Python {
    static func run(_ arguments: [String]) throws -> ProcessResult {
        try CommandRunner.execute(["/usr/bin/env", "python3"] + arguments)
    }
}
