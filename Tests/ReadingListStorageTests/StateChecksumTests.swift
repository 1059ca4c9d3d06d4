import Foundation
import GRDB
import ReadingListModel
@testable import ReadingListStorage
import Testing

/// The state checksum is kept by every write (SPEC.md §3.6): reading it must give what counting
/// every row gives, after any kind of write, after an upgrade and after damage.
@Suite struct StateChecksumTests {
    @Test func aTermIsTheHashOfTheSpelledOutLine() {
        let replica = "0a0b0c0d-0000-4000-8000-000000000001"
        let key = ["5d2c0f5e-1c3a-5b7e-9a44-3f1e2d4c6b8a", "9e8d7c6b-5a49-5382-8170-6f5e4d3c2b1a"]
        let timestamp = HybridTimestamp(rawValue: 0x0001_9a2b_3c4d_0007)
        let line = "articleTag \(key[0]) \(key[1]) _alive 00019a2b3c4d0007 \(replica)"
        let term = StateChecksum.term(
            rowPrefix: StateChecksum.rowPrefix(entity: "articleTag", key: key), field: "_alive", timestamp: timestamp,
            replicaID: replica)
        #expect(term == StateChecksum.fnv1a(line))
        #expect(StateChecksum.text(0xab) == "00000000000000ab")
    }

    @Test func everyKindOfWriteKeepsTheChecksumEqualToACount() throws {
        let temporary = try TemporaryLibrary()
        let library = temporary.library
        var seen: Set<String> = [try library.checksum()]
        func step(_ what: String, _ write: () throws -> Void) throws {
            try write()
            let kept = try library.checksum()
            #expect(kept == (try library.checksum(recounting: true)), "after \(what)")
            #expect(seen.insert(kept).inserted, "\(what) left the checksum as it was")
        }
        let draft = ArticleDraft(source: .url("https://example.com/kept"), title: "Kept", content: "A quote worth keeping.", tags: ["one"])
        let id = try library.save(draft).article.id.description
        try step("a save") { _ = try library.save(ArticleDraft(source: .url("https://example.com/other"), tags: ["two"])) }
        try step("a read mark") { _ = try library.setRead(id, true) }
        try step("tags") { _ = try library.addTags(["three"], to: id) }
        try step("a tag removal") { _ = try library.removeTags(["one"], from: id) }
        try step("a rename") { _ = try library.renameTag("three", to: "four") }
        let highlight = try library.addHighlight(to: id, quote: "worth keeping")
        try step("a note") { _ = try library.setHighlightNote(highlight.id.description, "why") }
        try step("a highlight deletion") { _ = try library.deleteHighlight(highlight.id.description) }
        try step("a deletion") { _ = try library.delete(id) }
    }

    @Test func mergedAndUnknownValuesKeepTheChecksumEqualToACount() throws {
        let a = try TemporaryLibrary(), b = try TemporaryLibrary()
        try a.library.save(ArticleDraft(source: .url("https://example.com/a"), tags: ["x"]))
        try b.library.save(ArticleDraft(source: .url("https://example.com/a"), title: "Later", tags: ["y"]))
        let stamp = ChangeStamp(timestamp: HybridTimestamp(rawValue: 1 << 20), replicaID: "0a0b0c0d-0000-4000-8000-000000000009")
        let unknown = FieldChange(entity: "collection", key: ["c1"], field: "name", value: .text("Reading"), stamp: stamp)
        _ = try a.library.apply(try b.library.changes(after: 0, limit: Int.max).changes + [unknown])
        #expect(try a.library.checksum() == (try a.library.checksum(recounting: true)))
        let newer = ChangeStamp(timestamp: HybridTimestamp(rawValue: 1 << 21), replicaID: stamp.replicaID)
        _ = try a.library.apply([FieldChange(entity: "collection", key: ["c1"], field: "name", value: .text("Later"), stamp: newer)])
        #expect(try a.library.checksum() == (try a.library.checksum(recounting: true)))
        _ = try b.library.apply(try a.library.changes(after: 0, limit: Int.max).changes)
        #expect(try a.library.checksum() == b.library.checksum())
    }

    @Test func anUpgradedVersion2LibraryCountsItsChecksumOnce() throws {
        let temporary = try TemporaryLibrary()
        try temporary.library.save(ArticleDraft(source: .url("https://example.com/old"), tags: ["kept"]))
        let expected = try temporary.library.checksum()
        // Back to schema version 2 (no kept checksum, the old search key index and insert trigger), as an older build left the file.
        try DatabaseQueue(path: temporary.path).write { db in
            try db.execute(sql: """
                DROP TRIGGER article_search_delete;
                DROP TRIGGER article_search_update;
                ALTER TABLE library_state DROP COLUMN checksum;
                ALTER TABLE library_state DROP COLUMN search_indexed_through;
                DROP INDEX article_by_search_key;
                CREATE INDEX article_by_search_id ON article (search_id);
                CREATE TRIGGER article_search_insert AFTER INSERT ON article BEGIN
                    INSERT INTO article_search (rowid, title, byline, site, excerpt, content, tags)
                    VALUES (new.search_id, new.title, new.byline, new.site, new.excerpt, new.content, new.tags);
                END;
                CREATE TRIGGER article_search_delete AFTER DELETE ON article BEGIN
                    INSERT INTO article_search (article_search, rowid, title, byline, site, excerpt, content, tags)
                    VALUES ('delete', old.search_id, old.title, old.byline, old.site, old.excerpt, old.content, old.tags);
                END;
                CREATE TRIGGER article_search_update
                AFTER UPDATE OF title, byline, site, excerpt, content, tags ON article BEGIN
                    INSERT INTO article_search (article_search, rowid, title, byline, site, excerpt, content, tags)
                    VALUES ('delete', old.search_id, old.title, old.byline, old.site, old.excerpt, old.content, old.tags);
                    INSERT INTO article_search (rowid, title, byline, site, excerpt, content, tags)
                    VALUES (new.search_id, new.title, new.byline, new.site, new.excerpt, new.content, new.tags);
                END;
                """)
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3 kept state checksum'")
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        let reopened = try ReadingLibrary(path: temporary.path)
        #expect(try reopened.status().schemaVersion == 3)
        #expect(try reopened.checksum() == expected)
        // Its articles were indexed by the old triggers; later writes index theirs.
        try reopened.save(ArticleDraft(source: .url("https://example.com/new"), title: "Newer words"))
        _ = try reopened.addTags(["fresh"], to: "https://example.com/old")
        #expect(try reopened.search("newer").count == 1)
        #expect(try reopened.search("fresh").count == 1)
        try expectWholeSearchIndex(temporary.path)
    }

    @Test func aRecountRepairsADamagedKeptChecksum() throws {
        let temporary = try TemporaryLibrary()
        try temporary.library.save(ArticleDraft(source: .url("https://example.com/a")))
        let expected = try temporary.library.checksum()
        try DatabaseQueue(path: temporary.path).write { try $0.execute(sql: "UPDATE library_state SET checksum = 12345") }
        #expect(try temporary.library.checksum() != expected)
        #expect(try temporary.library.checksum(recounting: true) == expected)
        #expect(try temporary.library.checksum() == expected)
    }
}

/// The sync's check of ids in changes: lowercase UUIDs only.
@Suite struct LowercaseUUIDCheckTests {
    @Test func acceptsExactlyLowercaseUUIDs() {
        for _ in 0..<200 {
            let id = UUID().uuidString
            #expect(FieldChange.isLowercaseUUID(id.lowercased()))
            #expect(!FieldChange.isLowercaseUUID(id.uppercased()))
        }
        for bad in ["", "0a0b0c0d-0000-4000-8000-00000000000", "0a0b0c0d-0000-4000-8000-0000000000011", "0a0b0c0d00000-4000-8000-000000000001",
                    "0a0b0c0d-0000-4000-8000-00000000000g", " a0b0c0d-0000-4000-8000-000000000001", "0a0b0c0d-0000-4000-8000-00000000000é"] {
            #expect(!FieldChange.isLowercaseUUID(bad), "\(bad)")
        }
        #expect(FieldChange.isLowercaseUUID("0a0b0c0d-0000-4000-8000-000000000001"))
    }
}
