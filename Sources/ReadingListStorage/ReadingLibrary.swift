package import Foundation
import GRDB
public import ReadingListModel

/// A reading list stored in one SQLite file.
///
/// Safe to share between threads and processes: GRDB serializes this process's writes, and
/// SQLite's locks (with a busy timeout) serialize writers in other processes.
///
/// ```swift
/// let library = try ReadingLibrary(path: "library.sqlite")
/// let saved = try library.save(ArticleDraft(source: .url("https://example.com/a"), tags: ["swift"]))
/// let unread = try library.articles(ArticleQuery(state: .unread))
/// ```
public final class ReadingLibrary: Sendable {
    /// The schema version this build of the library writes.
    public static let schemaVersion = LibrarySchema.currentVersion

    /// The file's path.
    public let path: String
    let pool: DatabasePool
    /// How far peers may have read this replica's feed (a restore check).
    let feedMark: FeedMark
    /// The wall clock; injectable for tests.
    let now: @Sendable () -> Date

    /// Opens the library at `path`, creating the file (mode 0600) if it does not exist.
    ///
    /// The folder must exist; the CLI creates its default folder before calling this. Any number
    /// of processes may open (and create) the same file at once.
    /// - Throws: ``ReadingListError`` when the folder is missing or read-only, the file is not a
    ///   readlist library, or it was written by a newer version.
    public convenience init(path: String) throws(ReadingListError) {
        try self.init(path: path, now: { Date() })
    }

    /// Opens the library at `path` with an injected wall clock.
    package init(path: String, now: @escaping @Sendable () -> Date) throws(ReadingListError) {
        self.path = path
        self.now = now
        feedMark = FeedMark(libraryPath: path)
        let state = try LibraryFile.prepare(path: path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(15)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // The writer keeps a page cache of up to 32 MiB (SQLite's default is 2 MiB): bulk
            // writes to a large library (an import, a first sync) touch index pages all over
            // the file. Readers, of which a pool opens several, keep 8 MiB each: they read a
            // few rows, or (serving a sync) the feed in order.
            try db.execute(sql: db.configuration.readonly ? "PRAGMA cache_size = -8192" : "PRAGMA cache_size = -32768")
            // A WAL that grew (a pull lets it reach 256 MiB) is cut back when it next starts over.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA journal_size_limit = \(ChangeWriter.walSizeLimit)") }
            try BestMatchesBM25.register(db)
        }
        do {
            if state == .missing { try LibraryFile.create(path: path) }
            LibraryFile.provideWAL(path: path)
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.read { db in try LibraryFile.checkIdentity(db, path: path) }
            try LibrarySchema.migrate(pool)
            try FileIdentity.confirm(pool, path: path)
            try feedMark.confirm(pool)
        } catch {
            throw LibraryFile.translate(error, path: path)
        }
    }

    /// Runs `body` in one immediate write transaction with the change writer: it either commits
    /// whole, with the clock persisted, or changes nothing. With `rollingBack`, it always
    /// changes nothing (a preview).
    func change<T>(rollingBack: Bool = false, _ body: (ChangeWriter) throws -> T) throws(ReadingListError) -> T {
        let now = now()
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                defer { ChangeWriter.restoreCheckpointPages(db) }
                try db.inTransaction(.immediate) {
                    let writer = try ChangeWriter.begin(db, now: now)
                    result = try body(writer)
                    try writer.commitClock()
                    if !rollingBack { feedMark.noteWrite() }
                    return rollingBack ? .rollback : .commit
                }
                guard let result else { preconditionFailure("transaction committed without a result") }
                return result
            }
        } catch {
            throw LibraryFile.translate(error, path: path)
        }
    }

    deinit {
        // Best effort: how far the feed got, so a later restore of an older copy is noticed.
        guard feedMark.hasUnrecordedWrites,
            let (position, identity) = try? pool.read({ db in (try Self.feedPosition(db), try Self.identity(db)) })
        else { return }
        try? feedMark.record(position, replica: identity.replicaID, durable: false)
    }

    /// Runs `body` in a read transaction.
    func read<T>(_ body: (Database) throws -> T) throws(ReadingListError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw LibraryFile.translate(error, path: path)
        }
    }
}
