import Foundation
@testable import ReadingList
import Testing

/// Two libraries with equal state export byte-identical files, whatever order things happened in.
@Suite struct ExportDeterminismTests {
    @Test func equalLibrariesExportByteIdenticalFiles() throws {
        let workspace = try Workspace()
        let fixed = Date(timeIntervalSince1970: 1_780_000_000)
        let first = try ReadingLibrary(path: workspace.folder.appendingPathComponent("one.sqlite").path, now: { fixed })
        let second = try ReadingLibrary(path: workspace.folder.appendingPathComponent("two.sqlite").path, now: { fixed })

        try first.save(ArticleDraft(source: .url("https://example.com/a"), content: "Alpha beta gamma.", tags: ["x", "Y"]))
        try first.save(ArticleDraft(source: .url("https://example.com/b"), title: "B"))
        try first.addHighlight(to: "https://example.com/a", quote: "gamma", color: .blue)
        try first.addHighlight(to: "https://example.com/a", quote: "alpha")
        try first.setRead("https://example.com/b", true)

        try second.save(ArticleDraft(source: .url("https://example.com/b"), title: "B"))
        try second.save(ArticleDraft(source: .url("https://example.com/a"), content: "Alpha beta gamma.", tags: ["Y"]))
        try second.addTags(["x"], to: "https://example.com/a")
        try second.setRead("https://example.com/b", true)
        try second.addHighlight(to: "https://example.com/a", quote: "alpha")
        try second.addHighlight(to: "https://example.com/a", quote: "gamma", color: .blue)

        var one = try first.exportArticles()
        var two = try second.exportArticles()
        // Highlight ids are random by design; give them the same ids to compare the rest.
        for index in one.indices { one[index].highlights = one[index].highlights.map(Self.normalized) }
        for index in two.indices { two[index].highlights = two[index].highlights.map(Self.normalized) }
        #expect(try WireJSON.encode(LibraryExport(articles: one)) == (try WireJSON.encode(LibraryExport(articles: two))))
    }

    static func normalized(_ highlight: Highlight) -> Highlight {
        var copy = highlight
        copy.id = HighlightID(UUID(uuidString: "00000000-0000-4000-8000-\(String(format: "%012d", highlight.start))")!)
        return copy
    }
}
