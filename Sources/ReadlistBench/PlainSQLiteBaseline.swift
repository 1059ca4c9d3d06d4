import Foundation
import ReadingListModel

/// The baseline every write figure is compared with: the same rows inserted into the same
/// tables with the same indexes and the same full-text index, through the same SQLite library
/// and pragmas, with plain prepared statements in one transaction, and no change tracking (no
/// field clocks, no change feed, no reads before writes).
struct PlainSQLiteBaseline {
    /// An article as the baseline stores it: every value computed before the clock starts.
    struct Row {
        var id: String
        var url: String
        var canonicalURL: String
        var title: String
        var excerpt: String?
        var content: String?
        var wordCount: Int
        var addedAt: Int
        var readAt: Int?
        var archived: Bool
        var tags: [(id: String, name: String)]
    }

    /// The library's article, tag and membership tables (`LibrarySchema`) without their sync
    /// columns (`clock`, `seq`), with the same indexes and the same FTS5 index, filled the same
    /// way: new articles in one statement at the end of the transaction (the library has no
    /// insert trigger; its update and delete triggers never fire in a bulk insert).
    static let schema = """
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
            tags TEXT NOT NULL DEFAULT '',
            search_id INTEGER NOT NULL
        );
        CREATE INDEX article_by_added ON article (alive, added_at);
        CREATE INDEX article_by_search_key ON article (search_id, alive, id);
        CREATE TABLE tag (
            id TEXT PRIMARY KEY,
            alive INTEGER NOT NULL DEFAULT 0,
            name TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE article_tag (
            article_id TEXT NOT NULL,
            tag_id TEXT NOT NULL,
            alive INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (article_id, tag_id)
        ) WITHOUT ROWID;
        CREATE INDEX article_tag_by_tag ON article_tag (tag_id, alive);
        CREATE VIRTUAL TABLE article_search USING fts5(
            title, byline, site, excerpt, content, tags,
            content = 'article', content_rowid = 'search_id',
            tokenize = 'porter unicode61 remove_diacritics 2'
        );
        """

    /// The rows for `articles`, with ids as the library derives them (SPEC §2).
    static func rows(
        _ articles: [SyntheticLibrary.Article], excerpts: Bool, bodies: Bool
    ) throws -> [Row] {
        try articles.map { article in
            let canonical = try CanonicalURL(parsing: article.url)
            let tags = try article.tags.map { name in
                guard let tag = TagName(name) else { throw BenchError("The synthetic tag \"\(name)\" is not a tag name.") }
                return (id: tag.id.uuidString.lowercased(), name: tag.display)
            }
            let content = bodies ? article.body : nil
            return Row(
                id: Identity.articleID(for: canonical).uuidString.lowercased(), url: article.url,
                canonicalURL: canonical.rawValue, title: article.title, excerpt: excerpts ? article.excerpt : nil,
                content: content, wordCount: content.map(ReadingTime.wordCount) ?? 0, addedAt: article.addedAt * 1000,
                readAt: article.isRead ? article.addedAt * 1000 : nil, archived: article.isRead, tags: tags)
        }
    }

    /// Creates the baseline's tables in a new file at `path`.
    static func create(path: String) throws -> PlainSQLite {
        let database = try PlainSQLite(path: path)
        try database.execute(schema)
        return database
    }

    /// Inserts `rows` in one transaction: an article, its tags if new, its memberships.
    static func insert(_ rows: [Row], into database: PlainSQLite) throws {
        let insertArticle = try database.prepare("""
            INSERT INTO article (id, alive, url, canonical_url, title, excerpt, content, word_count, added_at, read_at,
                archived, tags, search_id)
            VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertTag = try database.prepare("INSERT OR IGNORE INTO tag (id, alive, name) VALUES (?, 1, ?)")
        let insertMembership = try database.prepare("INSERT INTO article_tag (article_id, tag_id, alive) VALUES (?, ?, 1)")
        try database.execute("BEGIN IMMEDIATE")
        for (index, row) in rows.enumerated() {
            try insertArticle.run([
                .text(row.id), .text(row.url), .text(row.canonicalURL), .text(row.title),
                row.excerpt.map(PlainSQLite.Value.text) ?? .null, row.content.map(PlainSQLite.Value.text) ?? .null,
                .integer(row.wordCount), .integer(row.addedAt), row.readAt.map(PlainSQLite.Value.integer) ?? .null,
                .integer(row.archived ? 1 : 0), .text(row.tags.map(\.name).joined(separator: " ")), .integer(index + 1),
            ])
            for tag in row.tags {
                try insertTag.run([.text(tag.id), .text(tag.name)])
                try insertMembership.run([.text(row.id), .text(tag.id)])
            }
        }
        // The search index in one statement, as the library fills it.
        try database.execute(
            "INSERT INTO article_search (rowid, title, byline, site, excerpt, content, tags) SELECT search_id, title, byline, site, excerpt, content, tags FROM article")
        try database.execute("COMMIT")
    }
}
