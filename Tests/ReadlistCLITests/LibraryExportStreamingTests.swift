import Foundation
@testable import ReadingList
import Testing

/// `ReadingLibrary.export(as:tagged:to:)` on real library files: the bytes the export in memory
/// made, whatever the batch size, and nothing half written when a write fails.
@Suite struct LibraryExportStreamingTests {
    /// A library with tags, highlights, read, archived and favourite articles, one saved from a
    /// file, several saved at the same second, unicode and quotes.
    static func library(in workspace: Workspace) throws -> ReadingLibrary {
        let clock = Date(timeIntervalSince1970: 1_780_000_000)
        let library = try ReadingLibrary(path: workspace.db, now: { clock })
        for index in 0..<9 {
            try library.save(ArticleDraft(
                source: .url("https://example.com/\(index)?q=\"\(index)\"&x=1"), title: "Article \(index): «café» 日本語 \"quoted\"",
                byline: index.isMultiple(of: 2) ? "Jane Doe" : nil, excerpt: "Excerpt\nof \(index)",
                content: "Text of article \(index).\n\nIt has \"quotes\", a \\backslash and a tab\t.", tags: index % 3 == 0 ? ["Swift", "a,b|c"] : ["Other"],
                addedAt: index < 4 ? nil : Date(timeIntervalSince1970: 1_700_000_000 + Double(index / 2))))
        }
        try library.save(ArticleDraft(source: .fileContents(Data("notes".utf8)), headline: "Notes from a file", content: "notes", tags: ["Swift"]))
        try library.addHighlight(to: "https://example.com/1?q=\"1\"&x=1", quote: "quotes", note: "a note", color: .blue)
        try library.addHighlight(to: "https://example.com/1?q=\"1\"&x=1", quote: "Text of")
        try library.setRead("https://example.com/2?q=\"2\"&x=1", true)
        try library.setArchived("https://example.com/3?q=\"3\"&x=1", true)
        try library.setFavorite("https://example.com/4?q=\"4\"&x=1", true)
        return library
    }

    @Test(arguments: ExportFormat.allCases, [[], ["swift"]])
    func theStreamedExportHasTheBytesOfTheExportInMemory(format: ExportFormat, tags: [String]) throws {
        let workspace = try Workspace()
        let library = try Self.library(in: workspace)
        let inMemory = try ArticleExporter.export(try library.exportArticles(tagged: tags), as: format)
        for batchSize in [2, 3, ReadingLibrary.articleBatchSize] {
            let path = workspace.folder.appendingPathComponent("export-\(batchSize).\(format.fileExtension)").path
            let summary = try ArticleExporter.export(as: format, to: .path(path)) { write throws(ReadingListError) in
                try library.forEachArticle(tagged: tags, order: format.articleOrder, batchSize: batchSize, write)
            }
            #expect(summary.exportedCount == inMemory.exportedCount && summary.withoutURLCount == inMemory.withoutURLCount)
            try Self.expect(path, holds: inMemory.output)
        }
        let path = workspace.folder.appendingPathComponent("export.\(format.fileExtension)").path
        let summary = try library.export(as: format, tagged: tags, to: .path(path))
        #expect(summary == ExportSummary(format: format, exportedCount: inMemory.exportedCount, withoutURLCount: inMemory.withoutURLCount))
        #expect(summary.exportedCount + summary.withoutURLCount == (tags.isEmpty ? 10 : 4))
        #expect(summary.withoutURLCount == (format.needsURL ? 1 : 0))
        try Self.expect(path, holds: inMemory.output)
    }

    static func expect(_ path: String, holds output: ExportResult.Output) throws {
        switch output {
        case .document(let data):
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == data, "\(path)")
        case .files(let files):
            #expect(try FileManager.default.contentsOfDirectory(atPath: path).sorted() == files.map(\.name))
            for file in files {
                #expect(try Data(contentsOf: URL(fileURLWithPath: path).appendingPathComponent(file.name)) == file.contents)
            }
        }
    }

    /// A write that fails half way (the file-size limit is hit: EFBIG) leaves the earlier file
    /// and no temporary file, and says why.
    @Test func aWriteThatFailsHalfWayLeavesTheEarlierFile() throws {
        let workspace = try Workspace()
        let long = String(repeating: "A long text. ", count: 4_000)
        do {
            let library = try ReadingLibrary(path: workspace.db)
            for index in 0..<6 {
                try library.save(ArticleDraft(source: .url("https://example.com/\(index)"), title: "Article \(index)", content: long))
            }
        }
        let target = try workspace.write("earlier export\n", to: "library.json")
        // 100 kB at most per file; SIGXFSZ ignored, so the write fails instead of killing readlist.
        let launcher = ["/usr/bin/prlimit", "--fsize=100000", "--", "/bin/sh", "-c", "trap '' XFSZ; exec \"$0\" \"$@\""]
        let result = try CommandRunner.run(["export", "--output", target, "--db", workspace.db], launcher: launcher)
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("Cannot write \(target): File too large"), "\(result)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "earlier export\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.folder.path).filter { $0.hasPrefix(".") } == [])
        // Without the limit, the same export succeeds.
        try workspace.succeed("export", "--output", target)
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)).count > 100_000)
    }
}
