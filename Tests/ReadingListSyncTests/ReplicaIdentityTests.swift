import Foundation
import ReadingListModel
import ReadingListStorage
import ReadingListSync
import ReadingListWire
import Testing

/// SPEC.md §3.7: a copied file never shares its replica id with the original; `clone` makes a
/// new replica that does not need a first full exchange.
@Suite struct ReplicaIdentityTests {
    let folder: SyncSessionTests.Folder

    init() throws { folder = try SyncSessionTests.Folder() }

    func path(_ name: String) -> String { folder.url.appendingPathComponent(name).path }

    func sync(_ initiator: ReadingLibrary, _ responder: ReadingLibrary) throws -> SyncReport {
        try SyncSession.run(initiator, over: LocalTransport(responder: SyncResponder(library: responder)))
    }

    /// Saves into a new library at `name` and closes it (a file is copied while closed).
    func closedLibrary(_ name: String, now: @escaping @Sendable () -> Date = { Date() }) throws -> ReplicaIdentity {
        let library = try ReadingLibrary(path: path(name), now: now)
        try library.save(ArticleDraft(source: .url("https://example.com/1"), tags: ["x"]))
        return try library.identity()
    }

    @Test func reopeningOrRenamingAFileKeepsItsIdentity() throws {
        let identity = try closedLibrary("a.sqlite")
        #expect(try ReadingLibrary(path: path("a.sqlite")).identity() == identity)
        try FileManager.default.moveItem(atPath: path("a.sqlite"), toPath: path("renamed.sqlite"))
        #expect(try ReadingLibrary(path: path("renamed.sqlite")).identity() == identity)
    }

    @Test func aCopiedFileTakesANewReplicaIdAndKeepsItsData() throws {
        let mine = try closedLibrary("a.sqlite")
        try FileManager.default.copyItem(atPath: path("a.sqlite"), toPath: path("copy.sqlite"))
        let copy = try ReadingLibrary(path: path("copy.sqlite"))
        let original = try ReadingLibrary(path: path("a.sqlite"))
        let theirs = try copy.identity()
        #expect(mine.replicaID != theirs.replicaID)
        #expect(mine.incarnation != theirs.incarnation)
        #expect(try original.identity() == mine)
        #expect(try copy.exportArticles().count == 1)
        #expect(try copy.exportArticles() == original.exportArticles())
        #expect(try copy.checksum() == original.checksum(), "the copy's values keep their stamps")
        #expect(try ReadingLibrary(path: path("copy.sqlite")).identity() == theirs, "rotated once, then stable")
    }

    @Test func aCopyAndItsOriginalEditTheSameFieldAndStillConverge() throws {
        let instant = Date(timeIntervalSince1970: 1_780_000_000)
        _ = try closedLibrary("a.sqlite", now: { instant })
        try FileManager.default.copyItem(atPath: path("a.sqlite"), toPath: path("copy.sqlite"))
        let original = try ReadingLibrary(path: path("a.sqlite"), now: { instant })
        let copy = try ReadingLibrary(path: path("copy.sqlite"), now: { instant })
        // The same clock reading on both: without rotation these would be two different values
        // with one stamp, and the replicas could never agree.
        try original.setFavorite("https://example.com/1", true)
        try copy.setArchived("https://example.com/1", true)
        try copy.setFavorite("https://example.com/1", false)
        let report = try sync(original, copy)
        #expect(!report.repaired)
        #expect(try original.exportArticles() == copy.exportArticles())
        let article = try original.article("https://example.com/1")
        #expect(article.isArchived)
    }

    @Test func aCloneStartsInSyncAndSendsOnlyLaterChanges() throws {
        let original = try folder.library("a.sqlite")
        for index in 0..<50 { try original.save(ArticleDraft(source: .url("https://example.com/\(index)"), tags: ["t\(index % 5)"])) }
        let clone = try original.clone(to: path("clone.sqlite"))
        #expect(try clone.identity().replicaID != original.identity().replicaID)
        #expect(try clone.exportArticles() == original.exportArticles())
        #expect(try clone.cursor(for: original.identity().replicaID) != nil)
        #expect(try original.cursor(for: clone.identity().replicaID) != nil)

        let quiet = try sync(clone, original)
        #expect((quiet.changesReceived, quiet.changesSent) == (0, 0))
        try original.setRead("https://example.com/1", true)
        try clone.delete("https://example.com/2")
        let later = try sync(clone, original)
        #expect(later.changesReceived > 0 && later.changesReceived < 5)
        #expect(later.changesSent > 0 && later.changesSent < 5)
        #expect(try clone.exportArticles() == original.exportArticles())
    }

    @Test func cloningOntoAnExistingFileIsRefused() throws {
        let original = try folder.library("a.sqlite")
        try original.save(ArticleDraft(source: .url("https://example.com/1")))
        _ = try folder.library("b.sqlite")
        let error = #expect(throws: ReadingListError.self) { try original.clone(to: path("b.sqlite")) }
        #expect(error?.message.contains("exists") == true)
        let missingFolder = #expect(throws: ReadingListError.self) { try original.clone(to: path("no/such/folder.sqlite")) }
        #expect(missingFolder?.code == .libraryUnavailable)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".readlist") }
        #expect(leftovers.isEmpty)
    }
}

/// SPEC.md §3.7: a backup restored over the library file (same inode) is noticed.
@Suite struct RestoreTests {
    let folder: SyncSessionTests.Folder

    init() throws { folder = try SyncSessionTests.Folder() }

    func path(_ name: String) -> String { folder.url.appendingPathComponent(name).path }

    func sync(_ initiator: ReadingLibrary, _ responder: ReadingLibrary) throws -> SyncReport {
        try SyncSession.run(initiator, over: LocalTransport(responder: SyncResponder(library: responder)))
    }

    /// Writes `source`'s bytes over `destination` in place, keeping its inode.
    func overwrite(_ destination: String, with source: String) throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: source))
        let handle = try #require(FileHandle(forWritingAtPath: destination))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: bytes)
        try handle.close()
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: destination + suffix) }
    }

    @Test func aBackupRestoredInPlaceTakesANewIdentityAndLosesNothingItHadSynced() throws {
        let b = try folder.library("b.sqlite")
        let original: ReplicaIdentity
        do {
            let a = try folder.library("a.sqlite")
            for index in 0..<3 { try a.save(ArticleDraft(source: .url("https://example.com/\(index)"))) }
            original = try a.identity()
        }
        try FileManager.default.copyItem(atPath: path("a.sqlite"), toPath: path("backup.sqlite"))
        do {
            let a = try folder.library("a.sqlite")
            for index in 3..<6 { try a.save(ArticleDraft(source: .url("https://example.com/\(index)"))) }
            _ = try sync(b, a)
        }
        try overwrite(path("a.sqlite"), with: path("backup.sqlite"))

        let restored = try folder.library("a.sqlite")
        #expect(try restored.identity().replicaID != original.replicaID)
        #expect(try restored.status().articles == 3)
        try restored.save(ArticleDraft(source: .url("https://example.com/after-restore")))
        let report = try sync(b, restored)
        #expect(!report.repaired)
        #expect(try restored.exportArticles() == b.exportArticles())
        #expect(try b.status().articles == 7, "the change made after the restore reached the peer")
        #expect(try restored.status().articles == 7, "what the peer had synced came back")
    }

    @Test func reopeningAfterServingKeepsTheIdentity() throws {
        let a = try folder.library("a.sqlite")
        let b = try folder.library("b.sqlite")
        try a.save(ArticleDraft(source: .url("https://example.com/1")))
        _ = try sync(b, a)
        #expect(FileManager.default.fileExists(atPath: path("a.sqlite") + "-served"))
        #expect(try folder.library("a.sqlite").identity() == a.identity())
    }
}

extension ReplicaIdentityTests {
    @Test func aCopyOfTheMainFileOfAnOpenLibraryTakesANewID() throws {
        let original = try folder.library("open.sqlite")
        try original.save(ArticleDraft(source: .url("https://example.com/1")))
        // Only the main file, while the library is open (its WAL not checkpointed).
        try FileManager.default.copyItem(atPath: path("open.sqlite"), toPath: path("copy.sqlite"))
        let copy = try ReadingLibrary(path: path("copy.sqlite"))
        #expect(try copy.identity().replicaID != original.identity().replicaID)
    }
}

extension RestoreTests {
    @Test func aSourceRestoredToBeforeItWasClonedTakesANewIdentity() throws {
        let original: ReplicaIdentity
        do {
            let a = try folder.library("a.sqlite")
            try a.save(ArticleDraft(source: .url("https://example.com/1")))
            original = try a.identity()
        }
        try FileManager.default.copyItem(atPath: path("a.sqlite"), toPath: path("backup.sqlite"))
        do {
            let a = try folder.library("a.sqlite")
            try a.save(ArticleDraft(source: .url("https://example.com/2")))
            try a.clone(to: path("clone.sqlite"))
        }
        try overwrite(path("a.sqlite"), with: path("backup.sqlite"))
        let restored = try folder.library("a.sqlite")
        #expect(try restored.identity().replicaID != original.replicaID)
        let clone = try folder.library("clone.sqlite")
        try restored.setFavorite("https://example.com/1", true)
        _ = try sync(clone, restored)
        #expect(try clone.exportArticles() == restored.exportArticles())
        #expect(try restored.status().articles == 2)
    }

    @Test func localWritesAfterABackupAreRecordedWhenTheLibraryCloses() throws {
        let original: ReplicaIdentity
        do {
            let a = try folder.library("a.sqlite")
            try a.save(ArticleDraft(source: .url("https://example.com/1")))
            original = try a.identity()
        }
        try FileManager.default.copyItem(atPath: path("a.sqlite"), toPath: path("backup.sqlite"))
        do {
            let a = try folder.library("a.sqlite")
            try a.save(ArticleDraft(source: .url("https://example.com/2")))
        }
        try overwrite(path("a.sqlite"), with: path("backup.sqlite"))
        #expect(try folder.library("a.sqlite").identity().replicaID != original.replicaID)
    }

    @Test func aPullPastTheEndOfTheFeedIsRefusedAndTheReplicaRotates() throws {
        let b = try folder.library("b.sqlite")
        let original: ReplicaIdentity
        do {
            let a = try folder.library("a.sqlite")
            try a.save(ArticleDraft(source: .url("https://example.com/1")))
            original = try a.identity()
        }
        try FileManager.default.copyItem(atPath: path("a.sqlite"), toPath: path("backup.sqlite"))
        do {
            let a = try folder.library("a.sqlite")
            for index in 2..<5 { try a.save(ArticleDraft(source: .url("https://example.com/\(index)"))) }
            _ = try sync(b, a)
        }
        // The restore also loses the mark beside the file.
        try overwrite(path("a.sqlite"), with: path("backup.sqlite"))
        try FileManager.default.removeItem(atPath: path("a.sqlite") + "-served")
        let restored = try folder.library("a.sqlite")
        #expect(try restored.identity() == original)
        let failure = #expect(throws: SyncFailure.self) { try sync(b, restored) }
        #expect(failure?.code == .cursorInvalid)
        #expect(try restored.identity().replicaID != original.replicaID)
        try restored.save(ArticleDraft(source: .url("https://example.com/after")))
        _ = try sync(b, restored)
        #expect(try restored.exportArticles() == b.exportArticles())
        #expect(try b.status().articles == 5)
    }
}
