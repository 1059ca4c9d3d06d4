import Foundation
@testable import ReadingListExport
import ReadingListModel
import Testing

/// Exports streamed a batch at a time to files: the bytes of the export in memory, written
/// atomically, nothing left behind when they fail.
@Suite struct StreamingExportTests {
    /// Articles of every kind: unread, read, archived, favourite, without a URL, tagged,
    /// highlighted, equal save times, unicode and markup in titles and text.
    static let articles: [Article] = [
        WriterTests.unread, WriterTests.done, WriterTests.readOnly, WriterTests.fromFile,
        Fixtures.article("00000000", url: "https://example.com/twin", title: "Twin — même heure", added: 1_700_000_500, tags: ["z", "a"]),
        Fixtures.article("00000001", url: "https://example.com/twin2", title: "Twin 2", content: "Line one\n\n\"Quoted\" *text*", added: 1_700_000_500),
        Fixtures.article("eeeeeeee", url: nil, title: "日本語のメモ", content: "本文", added: 1_650_000_000, favorite: true),
        Fixtures.article("ffffffff", url: "https://example.com/f", title: "Line one\r\nline \"two\"", added: 1_650_000_000, tags: ["x|y", "z,w"]),
    ]

    /// A fresh folder, removed when the test ends.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("readlist-export-tests-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted() }
    }

    /// Hands `articles`, in `format`'s order, in batches of `batchSize`.
    static func feed(
        _ articles: [Article], as format: ExportFormat, batchSize: Int
    ) -> (ArticleExporter.Write) throws(ReadingListError) -> Void {
        let sorted = articles.sorted { ArticleExporter.precedes($0, $1, in: format.articleOrder) }
        return { write throws(ReadingListError) in
            for start in stride(from: 0, to: sorted.count, by: batchSize) {
                try write(Array(sorted[start..<min(start + batchSize, sorted.count)]))
            }
        }
    }

    @Test(arguments: ExportFormat.allCases, [1, 2, 3, 100])
    func aStreamedExportHasTheBytesOfTheExportInMemory(format: ExportFormat, batchSize: Int) throws {
        let folder = try Folder()
        let path = folder.path(format.writesFolder ? "notes" : "export.\(format.fileExtension)")
        let summary = try ArticleExporter.export(as: format, to: .path(path), articles: Self.feed(Self.articles, as: format, batchSize: batchSize))
        let inMemory = try ArticleExporter.export(Self.articles, as: format)
        #expect(summary == ExportSummary(format: format, exportedCount: inMemory.exportedCount, withoutURLCount: inMemory.withoutURLCount))
        #expect(summary.exportedCount == (format.needsURL ? 6 : 8))
        switch inMemory.output {
        case .document(let data):
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == data)
            #expect(folder.names == [(path as NSString).lastPathComponent], "no temporary file is left")
        case .files(let files):
            let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
            #expect(names == files.map(\.name))
            for file in files {
                #expect(try Data(contentsOf: URL(fileURLWithPath: path).appendingPathComponent(file.name)) == file.contents, "\(file.name)")
            }
        }
    }

    @Test(arguments: ExportFormat.allCases)
    func anEmptyExportIsTheDocumentOfNoArticle(format: ExportFormat) throws {
        let folder = try Folder()
        let path = folder.path(format.writesFolder ? "notes" : "empty.\(format.fileExtension)")
        let summary = try ArticleExporter.export(as: format, to: .path(path)) { _ throws(ReadingListError) in }
        #expect(summary == ExportSummary(format: format))
        switch try ArticleExporter.export([], as: format).output {
        case .document(let data): #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == data)
        case .files(let files): #expect(try files.isEmpty && FileManager.default.contentsOfDirectory(atPath: path).isEmpty)
        }
    }

    @Test func notesWhoseNamesCollideAcrossBatchesTakeTheWholeId() throws {
        let one = Article(id: ArticleID("abcdef01-1111-5000-8000-000000000000")!, url: nil, canonicalURL: nil, title: "Same!", addedAt: .now)
        let two = Article(id: ArticleID("abcdef01-2222-5000-8000-000000000000")!, url: nil, canonicalURL: nil, title: "same?", addedAt: .now)
        let three = Article(id: ArticleID("abcdef01-3333-5000-8000-000000000000")!, url: nil, canonicalURL: nil, title: "Other", addedAt: .now)
        let folder = try Folder()
        try ArticleExporter.export(
            as: .markdown, to: .path(folder.url.path), articles: Self.feed([three, WriterTests.done, two, one], as: .markdown, batchSize: 1))
        #expect(folder.names == [
            "cafe-strasse-bbbbbbbb.md", "other-abcdef01.md",
            "same-abcdef01-1111-5000-8000-000000000000.md", "same-abcdef01-2222-5000-8000-000000000000.md",
        ])
    }

    @Test(arguments: [ExportFormat.json, .html, .csv])
    func aFailureLeavesTheEarlierFileAndNoTemporaryFile(format: ExportFormat) throws {
        let folder = try Folder()
        let path = folder.path("export.\(format.fileExtension)")
        try Data("earlier export".utf8).write(to: URL(fileURLWithPath: path))
        let failure = ReadingListError(.storage, "the library went away")
        #expect(throws: failure) {
            try ArticleExporter.export(as: format, to: .path(path)) { write throws(ReadingListError) in
                try write(Array(Self.articles.sorted { ArticleExporter.precedes($0, $1, in: format.articleOrder) }.prefix(2)))
                #expect(folder.names.count == 2, "the export is written to a temporary file beside the target")
                throw failure
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "earlier export")
        #expect(folder.names == ["export.\(format.fileExtension)"])
    }

    @Test func articlesOutOfOrderAreRefusedAndNothingIsWritten() throws {
        let folder = try Folder()
        let path = folder.path("export.csv")
        #expect(throws: ReadingListError.self) {
            try ArticleExporter.export(as: .csv, to: .path(path)) { write throws(ReadingListError) in
                try write([WriterTests.readOnly])
                try write([WriterTests.done])
            }
        }
        #expect(folder.names.isEmpty)
    }

    @Test func aTargetThatBecomesAFolderFailsTheRenameAndLeavesNothing() throws {
        let folder = try Folder()
        let path = folder.path("export.json")
        #expect(throws: ReadingListError.self) {
            try ArticleExporter.export(as: .json, to: .path(path)) { write throws(ReadingListError) in
                try write([WriterTests.unread])
                try? FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
            }
        }
        #expect(folder.names == ["export.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: path) == ["inside"])
    }

    @Test func pathsThatCannotBeWrittenAreRefusedWithTheFix() throws {
        let folder = try Folder()
        func refusal(_ format: ExportFormat, _ path: String) -> ReadingListError? {
            do {
                _ = try ArticleExporter.export(as: format, to: .path(path), articles: Self.feed(Self.articles, as: format, batchSize: 2))
                return nil
            } catch {
                return error
            }
        }
        let intoFolder = refusal(.html, folder.url.path)
        #expect(intoFolder?.code == .invalidInput && intoFolder?.message.contains("it is a folder") == true, "\(String(describing: intoFolder))")
        let missing = refusal(.csv, folder.path("missing/export.csv"))
        #expect(missing?.message.contains(folder.path("missing/export.csv")) == true && missing?.message.contains("Check the folder exists") == true)
        try Data("a file".utf8).write(to: URL(fileURLWithPath: folder.path("file.txt")))
        let notAFolder = refusal(.markdown, folder.path("file.txt"))
        #expect(notAFolder?.message.contains("not a folder") == true, "\(String(describing: notAFolder))")
        #expect(folder.names == ["file.txt"])
        #expect(throws: ReadingListError.self) {
            try ArticleExporter.export(as: .markdown, to: .standardOutput) { _ throws(ReadingListError) in }
        }
    }

    @Test(.enabled(if: getuid() != 0, "root writes into read-only folders"))
    func aReadOnlyFolderIsRefusedAndLeftEmpty() throws {
        let folder = try Folder()
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.url.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.url.path) }
        #expect(throws: ReadingListError.self) {
            try ArticleExporter.export(as: .json, to: .path(folder.path("export.json")), articles: Self.feed(Self.articles, as: .json, batchSize: 2))
        }
        #expect(folder.names.isEmpty)
    }

    @Test func theFileIsMadeAsAnAtomicDataWriteMakesIt() throws {
        let folder = try Folder()
        try Data().write(to: URL(fileURLWithPath: folder.path("foundation")), options: .atomic)
        try Data("earlier".utf8).write(to: URL(fileURLWithPath: folder.path("export.json")))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: folder.path("export.json"))
        try ArticleExporter.export(as: .json, to: .path(folder.path("export.json")), articles: Self.feed(Self.articles, as: .json, batchSize: 3))
        let attributes = { (name: String) in try FileManager.default.attributesOfItem(atPath: folder.path(name))[.posixPermissions] as? Int }
        #expect(try attributes("export.json") == attributes("foundation"))
    }
}
