import Foundation
import GRDB
import ReadingListModel
@testable import ReadingListStorage
import Testing

/// Shipped migrations never change: the schema a new library gets is pinned here. A schema
/// change is a new migration (and a new expected entry below), never an edit of an old one.
@Suite struct SchemaHistoryTests {
    static let expectedMigrations = ["v1 library", "v2 file identity and foreign fields", "v3 kept state checksum", "v4 page fetches", "v5 feed entry origin and current search tags"]

    @Test func migrationsAreOnlyEverAppended() throws {
        let temporary = try TemporaryLibrary()
        let applied = try DatabaseQueue(path: temporary.path).read { try LibrarySchema.migrator.appliedMigrations($0) }
        #expect(applied == Self.expectedMigrations)
        #expect(LibrarySchema.currentVersion == Self.expectedMigrations.count)
    }

    @Test func theShippedSchemaIsUnchanged() throws {
        let temporary = try TemporaryLibrary()
        let schema = try DatabaseQueue(path: temporary.path).read { db in
            try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY type, name")
                .map { "\($0["type"] as String) \($0["name"] as String): \(Self.fingerprint(($0["sql"] as String?) ?? ""))" }
        }
        #expect(schema == [
            "index article_by_added: dd05759ce21476b5",
            "index article_by_search_key: 6868db794fedde30",
            "index article_tag_by_tag: 3f9ce168024374c5",
            "index foreign_field_by_seq: ed66e99388a938e",
            "index highlight_by_article: b3475b1d570183cc",
            "index replica_by_id: 877009f1e7ac604d",
            "table article: 3190a814c85c4923",
            "table article_search: 3f049333d0f22e6f",
            "table article_search_config: 8070e47981777d63",
            "table article_search_data: 932e2442be823480",
            "table article_search_docsize: f3cd6de99ecc01d5",
            "table article_search_idx: eb62cf48b183900",
            "table article_tag: 96453e3c856d9136",
            "table change_feed: 95c34ee72fb26ed7",
            "table file_identity: afd7c7ebe3ba638e",
            "table foreign_field: 880483d4fcb6f2a7",
            "table highlight: ab8b7d08dd52de8d",
            "table library_state: 9d97ec56b7434127",
            "table page_fetch: a9de38b71c9b129e",
            "table peer: 51f9015faeb8975",
            "table replica: c979b0c3c8598789",
            "table tag: 4a481bf683df2eaa",
            "trigger article_search_delete: 4a82d8a809843f7",
            "trigger article_search_update: 6a5cb4f85a28da5b",
        ])
    }

    @Test func aVersion1LibraryIsUpgradedInPlaceKeepingItsDataUnderANewReplicaID() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("readlist-v1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try LibrarySchema.migrator.migrate(queue, upTo: "v1 library")
        let replica = try queue.read { try String.fetchOne($0, sql: "SELECT replica_id FROM replica WHERE ordinal = 1") }
        try queue.close()
        let library = try ReadingLibrary(path: path)
        try library.save(ArticleDraft(source: .url("https://example.com/after-upgrade")))
        let status = try library.status()
        #expect(status.schemaVersion == LibrarySchema.currentVersion)
        #expect(status.replicaID != replica, "an upgraded file cannot prove it is not a copy, so it takes a new id")
        #expect(status.articles == 1)
    }

    /// A version 4 build worked out the tags of articles waiting for the search index only when
    /// it indexed them; from version 5 they are kept current, so the upgrade brings them up to date.
    @Test func aVersion4LibraryWithArticlesWaitingForTheSearchIndexGetsTheirTagsOnUpgrade() throws {
        let source = try TemporaryLibrary()
        try source.library.save(ArticleDraft(source: .url("https://example.com/x"), content: "Kestrels hover.", tags: ["Birds"]))
        let page = try source.library.changes(after: 0)
        let target = try TemporaryLibrary()
        try target.library.apply(
            ChangePage(changes: page.changes, afterSequence: 0, toSequence: page.toSequence, hasMore: true), from: source.library.identity())
        // As a version 4 build leaves a pull cut after a page: the article waits, its tags not worked out.
        try DatabaseQueue(path: target.path).write { db in
            try db.execute(sql: """
                UPDATE article SET tags = '';
                ALTER TABLE change_feed DROP COLUMN origin;
                DELETE FROM grdb_migrations WHERE identifier = 'v5 feed entry origin and current search tags';
                PRAGMA user_version = 4;
                """)
        }
        let upgraded = try ReadingLibrary(path: target.path)
        #expect(try upgraded.status().schemaVersion == 5)
        // The next change indexes the waiting article, with its tags.
        try upgraded.save(ArticleDraft(source: .url("https://example.com/y"), content: "Owls hoot."))
        #expect(try upgraded.search("birds").map(\.article.url) == ["https://example.com/x"])
        try expectWholeSearchIndex(target.path)
    }

    /// FNV-1a (64-bit) of the SQL text: any edit to a shipped statement changes it.
    static func fingerprint(_ sql: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in sql.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
