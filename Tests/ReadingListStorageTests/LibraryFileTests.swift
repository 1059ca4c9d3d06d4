import Foundation
import GRDB
import ReadingListModel
@testable import ReadingListStorage
import Testing

@Suite struct LibraryFileTests {
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("readlist-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aNewLibraryIsCreatedWithMode0600InWALMode() throws {
        let temporary = try TemporaryLibrary()
        try temporary.library.save(ArticleDraft(source: .url("https://example.com/a")))
        let attributes = try FileManager.default.attributesOfItem(atPath: temporary.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let mode = try DatabaseQueue(path: temporary.path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func openingAndReadingALibraryLeavesItsFileUnchanged() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("library.sqlite").path
        do {
            let library = try ReadingLibrary(path: path)
            try library.save(ArticleDraft(source: .url("https://example.com/kestrel"), title: "Kestrel", tags: ["birds"]))
        }
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "the last close checkpoints and removes the WAL")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for _ in 0..<2 {
            let library = try ReadingLibrary(path: path)
            #expect(try library.search("kestrel").count == 1)
            #expect(try library.articles().count == 1)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "reads wrote to the library")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))

        // Writes still reach the file, through the WAL SQLite writes over the placeholder.
        do {
            let library = try ReadingLibrary(path: path)
            try library.save(ArticleDraft(source: .url("https://example.com/falcon"), title: "Falcon"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) != before)
        #expect(try ReadingLibrary(path: path).articles().count == 2)
    }

    /// A pull's pages leave their writes in the WAL (up to a bound far above SQLite's 1,000
    /// pages), to be copied into the file once: at the pull's last page, or, when the pull
    /// stops before it, at the next commit. The WAL then shrinks back when it starts over.
    @Test func theWALOfAPullIsCopiedIntoTheFileAtItsLastPageOrTheNextWrite() throws {
        let source = try TemporaryLibrary()
        let words = (0..<2_000).map { "word\($0 % 97)" }.joined(separator: " ")
        for index in 0..<800 {
            try source.library.save(ArticleDraft(source: .url("https://example.com/\(index)"), content: "Article \(index). \(words)"))
        }
        let fields = try source.library.changes(after: 0, limit: .max).changes.count
        let first = try source.library.changes(after: 0, limit: fields / 2)
        let rest = try source.library.changes(after: first.toSequence, limit: .max)
        #expect(first.hasMore && !rest.hasMore)
        let peer = try source.library.identity()
        func fileSize(_ path: String) throws -> Int {
            try (FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        }
        for ending in ["last page", "next write"] {
            let target = try TemporaryLibrary()
            try target.library.save(ArticleDraft(source: .url("https://example.com/own")))
            let before = try fileSize(target.path)
            try target.library.apply(first, from: peer)
            #expect(try fileSize(target.path + "-wal") > 1_000 * 4_096)
            #expect(try fileSize(target.path) == before, "a page with more to come was copied into the file")
            if ending == "last page" {
                try target.library.apply(rest, from: peer)
            } else {
                try target.library.save(ArticleDraft(source: .url("https://example.com/own"), title: "Own"))
            }
            #expect(try fileSize(target.path) > before + 1_000 * 4_096, "the \(ending) did not copy the WAL into the file")
            // The WAL starts over with the next write, cut back to 4 MiB.
            try target.library.setFavorite("https://example.com/own", true)
            #expect(try fileSize(target.path + "-wal") <= 4 * 1_048_576 + 64 * 1_024)
        }
    }

    @Test func aMissingFolderIsNamedInTheError() throws {
        let path = "/nonexistent-\(UUID().uuidString)/library.sqlite"
        let error = #expect(throws: ReadingListError.self) { try ReadingLibrary(path: path) }
        #expect(error?.code == .libraryUnavailable)
        #expect(error?.message.contains("does not exist") == true)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndLeftAlone() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("notes.txt").path
        try Data("just some notes\n".utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: ReadingListError.self) { try ReadingLibrary(path: path) }
        #expect(error?.code == .notALibrary)
        #expect(error?.message.contains(path) == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("just some notes\n".utf8))
    }

    @Test func anotherProgramsDatabaseIsRefused() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE things (x)") }
        let error = #expect(throws: ReadingListError.self) { try ReadingLibrary(path: path) }
        #expect(error?.code == .notALibrary)
        let tables = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") }
        #expect(tables == ["things"])
    }

    @Test func anotherProgramsDatabaseIsNotSwitchedToWAL() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE things (x)") }
        #expect(throws: ReadingListError.self) { try ReadingLibrary(path: path) }
        let mode = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "delete")
    }

    @Test func aDanglingLinkIsRefusedAndLeftAlone() throws {
        let folder = try temporaryFolder()
        let link = folder.appendingPathComponent("library.sqlite").path
        let target = folder.appendingPathComponent("unmounted/library.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let error = #expect(throws: ReadingListError.self) { try ReadingLibrary(path: link) }
        #expect(error?.message.contains("it is a link to \(target), which does not exist") == true)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    }

    @Test func aTruncatedFileIsRefused() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("cut.sqlite").path
        try Data("SQLite format 3\0".utf8 + [0, 1, 2]).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: ReadingListError.self) { try ReadingLibrary(path: path) }
        #expect(error?.code == .notALibrary)
    }

    @Test func anEmptyFileBecomesALibrary() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("empty.sqlite").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let library = try ReadingLibrary(path: path)
        #expect(try library.status().schemaVersion == ReadingLibrary.schemaVersion)
    }

    @Test func manyOpenersCreatingOneNewFileAtOnceAllSucceedWithOneReplica() async throws {
        for _ in 0..<5 {
            let folder = try temporaryFolder()
            let path = folder.appendingPathComponent("library.sqlite").path
            let replicas = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<4 {
                    group.addTask {
                        let library = try ReadingLibrary(path: path)
                        try library.save(ArticleDraft(source: .url("https://example.com/\(index)")))
                        return try library.status().replicaID
                    }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(replicas.count == 1)
            #expect(try ReadingLibrary(path: path).status().articles == 4)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".readlist-new") }
            #expect(leftovers.isEmpty)
        }
    }

    @Test func aLibraryFromANewerSchemaIsRefused() throws {
        let temporary = try TemporaryLibrary()
        try DatabaseQueue(path: temporary.path).write { try $0.execute(sql: "PRAGMA user_version = 99") }
        let error = #expect(throws: ReadingListError.self) { try ReadingLibrary(path: temporary.path) }
        #expect(error?.code == .newerSchema)
        #expect(error?.message.contains("99") == true)
    }

    @Test func twoLibrariesOnOneFileWriteConcurrently() async throws {
        let temporary = try TemporaryLibrary()
        let other = try ReadingLibrary(path: temporary.path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, library) in [temporary.library, other].enumerated() {
                group.addTask {
                    for item in 0..<50 {
                        try library.save(ArticleDraft(source: .url("https://example.com/\(index)/\(item)"), tags: ["w\(index)"]))
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try temporary.library.status().articles == 100)
        #expect(try temporary.library.tags().map(\.count) == [50, 50])
    }

    @Test func statusCountsWhatIsSaved() throws {
        let temporary = try TemporaryLibrary()
        let library = temporary.library
        try library.save(ArticleDraft(source: .url("https://example.com/a"), content: "Some text", tags: ["a", "b"]))
        try library.save(ArticleDraft(source: .url("https://example.com/b")))
        try library.setRead("https://example.com/b", true)
        try library.addHighlight(to: "https://example.com/a", quote: "text")
        let status = try library.status()
        #expect(status.path == temporary.path)
        #expect(UUID(uuidString: status.replicaID) != nil)
        #expect(status.schemaVersion == ReadingLibrary.schemaVersion)
        #expect((status.articles, status.unread, status.read, status.tags, status.highlights) == (2, 1, 1, 2, 1))
    }
}
