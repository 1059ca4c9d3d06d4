import Foundation
import GRDB
import ReadingListModel

/// The library's migrations. A migration never changes once shipped; a change is a new one.
enum LibrarySchema {
    /// `PRAGMA application_id` of every readlist library ("RDLS").
    static let applicationID: Int32 = 0x5244_4C53
    /// The schema version this build writes (`PRAGMA user_version`).
    static let currentVersion = 5

    /// Brings the file up to the current schema. Another process may be migrating the same new
    /// file at the same moment; if it wins the race, its migration stands and ours is a no-op.
    static func migrate(_ writer: some DatabaseWriter) throws {
        do {
            try migrator.migrate(writer)
        } catch {
            guard try writer.read({ try migrator.hasCompletedMigrations($0) }) else { throw error }
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 library") { db in
            try db.execute(sql: """
                PRAGMA application_id = \(applicationID);

                -- Replicas whose stamps appear in this file. Ordinal 1 is the one that created it.
                CREATE TABLE replica (
                    ordinal INTEGER PRIMARY KEY,
                    replica_id TEXT NOT NULL
                );
                CREATE INDEX replica_by_id ON replica (replica_id);

                -- This replica: who it is and its hybrid logical clock (high-water mark).
                CREATE TABLE library_state (
                    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                    replica_ordinal INTEGER NOT NULL,
                    incarnation TEXT NOT NULL,
                    clock INTEGER NOT NULL
                );

                -- Peers this replica pulls from: how far into each one's feed it has applied,
                -- for which incarnation of that peer, and when.
                CREATE TABLE peer (
                    replica_id TEXT PRIMARY KEY,
                    incarnation TEXT NOT NULL,
                    cursor INTEGER NOT NULL,
                    synced_at INTEGER NOT NULL
                );

                -- The change feed: an entry per row and sequence at which some of its current
                -- values were written (SPEC.md §3.4).
                CREATE TABLE change_feed (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    entity INTEGER NOT NULL,
                    row_key TEXT NOT NULL
                );

                -- Synced tables. Every user column is a field with a stamp in `clock`;
                -- `seq` is the row's entry in change_feed. Existence is the `alive` field.
                CREATE TABLE article (
                    id TEXT PRIMARY KEY,
                    alive INTEGER NOT NULL DEFAULT 0,
                    url TEXT,
                    canonical_url TEXT,
                    title TEXT NOT NULL DEFAULT '',
                    byline TEXT,
                    site TEXT,
                    excerpt TEXT,
                    content TEXT,
                    language TEXT,
                    published_at INTEGER,
                    word_count INTEGER NOT NULL DEFAULT 0,
                    added_at INTEGER,
                    read_at INTEGER,
                    archived INTEGER NOT NULL DEFAULT 0,
                    favorite INTEGER NOT NULL DEFAULT 0,
                    progress INTEGER NOT NULL DEFAULT 0,
                    tags TEXT NOT NULL DEFAULT '',  -- local: live tag names, for search only
                    search_id INTEGER NOT NULL,      -- local: the search index's key, set once
                    clock BLOB NOT NULL,
                    seq INTEGER NOT NULL
                );
                CREATE INDEX article_by_added ON article (alive, added_at);
                CREATE INDEX article_by_search_id ON article (search_id);

                CREATE TABLE tag (
                    id TEXT PRIMARY KEY,
                    alive INTEGER NOT NULL DEFAULT 0,
                    name TEXT NOT NULL DEFAULT '',
                    clock BLOB NOT NULL,
                    seq INTEGER NOT NULL
                );

                CREATE TABLE article_tag (
                    article_id TEXT NOT NULL,
                    tag_id TEXT NOT NULL,
                    alive INTEGER NOT NULL DEFAULT 0,
                    clock BLOB NOT NULL,
                    seq INTEGER NOT NULL,
                    PRIMARY KEY (article_id, tag_id)
                ) WITHOUT ROWID;
                CREATE INDEX article_tag_by_tag ON article_tag (tag_id, alive);

                CREATE TABLE highlight (
                    id TEXT PRIMARY KEY,
                    alive INTEGER NOT NULL DEFAULT 0,
                    article_id TEXT NOT NULL DEFAULT '',
                    quote TEXT NOT NULL DEFAULT '',
                    prefix TEXT NOT NULL DEFAULT '',
                    suffix TEXT NOT NULL DEFAULT '',
                    start_offset INTEGER NOT NULL DEFAULT 0,
                    end_offset INTEGER NOT NULL DEFAULT 0,
                    note TEXT,
                    color TEXT,
                    created_at INTEGER NOT NULL DEFAULT 0,
                    clock BLOB NOT NULL,
                    seq INTEGER NOT NULL
                );
                CREATE INDEX highlight_by_article ON highlight (article_id);

                -- Full-text index over the article table (external content; derived, local).
                -- Keyed by search_id, not the implicit rowid, which VACUUM may renumber.
                CREATE VIRTUAL TABLE article_search USING fts5(
                    title, byline, site, excerpt, content, tags,
                    content = 'article', content_rowid = 'search_id',
                    tokenize = 'porter unicode61 remove_diacritics 2'
                );
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

                PRAGMA user_version = 1;
                """)
            let replicaID = UUID().lowercaseText
            let incarnation = UUID().lowercaseText
            try db.execute(sql: "INSERT INTO replica (ordinal, replica_id) VALUES (1, ?)", arguments: [replicaID])
            try db.execute(
                sql: "INSERT INTO library_state (singleton, replica_ordinal, incarnation, clock) VALUES (1, 1, ?, 0)",
                arguments: [incarnation])
        }
        migrator.registerMigration("v2 file identity and foreign fields") { db in
            try db.execute(sql: """
                -- Where this file was when it last confirmed its replica identity (SPEC.md §3.7):
                -- found at another device or inode (a copy, a restore), it takes a new replica id.
                CREATE TABLE file_identity (
                    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                    device INTEGER NOT NULL,
                    inode INTEGER NOT NULL
                );

                -- Values of entities or fields this build does not know, from newer replicas:
                -- kept by last-writer-wins and relayed like any other value (SPEC.md §3.8).
                -- Their change-feed entries have entity code 0 and name the value's `seq`.
                CREATE TABLE foreign_field (
                    entity TEXT NOT NULL,
                    row_key TEXT NOT NULL,    -- the key's parts, as a JSON array
                    field TEXT NOT NULL,
                    value,                    -- NULL, INTEGER or TEXT, read by `kind`
                    kind INTEGER NOT NULL,    -- 0 null, 1 boolean, 2 integer, 3 text
                    hlc INTEGER NOT NULL,
                    replica INTEGER NOT NULL, -- ordinal in `replica`
                    seq INTEGER NOT NULL,
                    PRIMARY KEY (entity, row_key, field)
                );
                CREATE INDEX foreign_field_by_seq ON foreign_field (seq);

                PRAGMA user_version = 2;
                """)
        }
        migrator.registerMigration("v3 kept state checksum") { db in
            // The state checksum (SPEC.md §3.6), adjusted by every write instead of computed
            // from every row at each sync. Older builds would not adjust it, so they must
            // refuse the file: hence a new schema version.
            // The search key's index also covers `alive` and `id`, so ranking a common word's
            // matches reads only the index, not each matching article's (large) row.
            // New articles enter the search index together, at the end of a write
            // (`ChangeWriter.indexNewArticles`), not by a trigger per row: FTS5 writes a
            // segment per statement, which made the index most of the cost of a bulk insert.
            // Articles above `search_indexed_through` are not indexed yet (inserted by the
            // write in progress): the update and delete triggers leave them alone, and the
            // write indexes their final text when it ends.
            try db.execute(sql: """
                ALTER TABLE library_state ADD COLUMN checksum INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE library_state ADD COLUMN search_indexed_through INTEGER NOT NULL DEFAULT 0;
                UPDATE library_state SET search_indexed_through = (SELECT coalesce(max(search_id), 0) FROM article);
                DROP TRIGGER article_search_insert;
                DROP TRIGGER article_search_delete;
                DROP TRIGGER article_search_update;
                CREATE TRIGGER article_search_delete AFTER DELETE ON article
                WHEN old.search_id <= (SELECT search_indexed_through FROM library_state) BEGIN
                    INSERT INTO article_search (article_search, rowid, title, byline, site, excerpt, content, tags)
                    VALUES ('delete', old.search_id, old.title, old.byline, old.site, old.excerpt, old.content, old.tags);
                END;
                CREATE TRIGGER article_search_update
                AFTER UPDATE OF title, byline, site, excerpt, content, tags ON article
                WHEN old.search_id <= (SELECT search_indexed_through FROM library_state) BEGIN
                    INSERT INTO article_search (article_search, rowid, title, byline, site, excerpt, content, tags)
                    VALUES ('delete', old.search_id, old.title, old.byline, old.site, old.excerpt, old.content, old.tags);
                    INSERT INTO article_search (rowid, title, byline, site, excerpt, content, tags)
                    VALUES (new.search_id, new.title, new.byline, new.site, new.excerpt, new.content, new.tags);
                END;
                DROP INDEX article_by_search_id;
                CREATE INDEX article_by_search_key ON article (search_id, alive, id);
                PRAGMA user_version = 3;
                """)
            try StateChecksum.store(try StateChecksum.recount(db), db)
        }
        migrator.registerMigration("v4 page fetches") { db in
            // The last attempt to fetch each article's page on this replica: local, never
            // synced or checksummed (another replica may reach a page this one cannot).
            try db.execute(sql: """
                CREATE TABLE page_fetch (
                    article_id TEXT PRIMARY KEY,
                    requested_url TEXT NOT NULL,
                    resolved_url TEXT,
                    status INTEGER,
                    media_type TEXT,
                    error TEXT,
                    attempted_at INTEGER NOT NULL  -- Unix milliseconds
                ) WITHOUT ROWID;
                PRAGMA user_version = 4;
                """)
        }
        migrator.registerMigration("v5 feed entry origin and current search tags") { db in
            // The replica (ordinal in `replica`) that stamped every value of a feed entry, or
            // NULL when they came from more than one (or the entry is older than the column).
            // A pull leaves out the puller's own values (SPEC.md §6.3); with this it skips
            // entries holding nothing else without reading their rows. The values of an entry
            // only ever leave it (§3.4), so an entry of one replica stays one. Entries older
            // than the column are NULL: read as before.
            // From this version on, the `tags` of an article not in the search index yet is
            // kept current too (an insert works them out from the memberships there are, and
            // TagWrites.refreshSearchText rewrites them), not worked out when it is indexed:
            // bring those an older build left behind up to date.
            try db.execute(sql: """
                ALTER TABLE change_feed ADD COLUMN origin INTEGER;
                UPDATE article SET tags = coalesce((
                    SELECT group_concat(tag.name, ' ') FROM article_tag m JOIN tag ON tag.id = m.tag_id
                    WHERE m.article_id = article.id AND m.alive = 1), '')
                WHERE search_id > (SELECT search_indexed_through FROM library_state);
                PRAGMA user_version = 5;
                """)
        }
        return migrator
    }
}
