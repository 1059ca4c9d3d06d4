import Foundation
@testable import ReadingList
import Testing

/// Every message a real session sends or answers validates against
/// `Protocol/schemas/v1/sync-message.schema.json`, checked by Python's `jsonschema`.
@Suite struct SessionTranscriptTests {
    final class RecordingTransport: SyncTransport {
        let inner: LocalTransport
        var messages: [Data] = []

        init(_ inner: LocalTransport) { self.inner = inner }

        func exchange(_ request: Data) throws -> Data {
            let reply = try inner.exchange(request)
            messages += [request, reply]
            return reply
        }
    }

    @Test func everyMessageOfASessionMatchesTheSchema() throws {
        let workspace = try Workspace()
        let a = try ReadingLibrary(path: workspace.folder.appendingPathComponent("a.sqlite").path)
        let b = try ReadingLibrary(path: workspace.folder.appendingPathComponent("b.sqlite").path)
        try a.save(ArticleDraft(source: .url("https://example.com/1"), content: "Text with a quote.", tags: ["x"]))
        try a.addHighlight(to: "https://example.com/1", quote: "quote", note: "n", color: .green)
        try a.setProgress("https://example.com/1", ReadingProgress(clamping: 5000))
        for index in 0..<5 { try b.save(ArticleDraft(source: .url("https://example.com/b/\(index)"), tags: ["y"])) }
        try b.delete("https://example.com/b/0")
        let transport = RecordingTransport(LocalTransport(responder: SyncResponder(library: b, options: SyncOptions(pageLimit: 4))))
        _ = try SyncSession.run(a, over: transport, options: SyncOptions(pageLimit: 4))
        // An error answer, too.
        transport.messages.append(SyncResponder(library: b).respond(to: Data("garbage".utf8)))

        let types = Set(transport.messages.compactMap { (try? JSONSerialization.jsonObject(with: $0) as? [String: Any])?["type"] as? String })
        #expect(types == ["hello", "pull", "changes", "done", "error"])
        var files: [String] = []
        for (index, message) in transport.messages.enumerated() {
            let path = workspace.folder.appendingPathComponent("message-\(index).json").path
            try message.write(to: URL(fileURLWithPath: path))
            files.append(path)
        }
        let result = try Python.run(["Protocol/tools/validate_json.py", "sync-message.schema.json"] + files)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("\(files.count) passed, 0 failed"))
    }
}
