import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import GRDB
public import ReadingListModel

extension ReadingLibrary {
    /// Makes a new replica of this library in a new file at `path` (SPEC.md §3.7).
    ///
    /// The new file holds a consistent snapshot of this one under a new replica id and
    /// incarnation, and each side records that it has the other's feed up to the snapshot, so
    /// their first sync sends only what changed after it. Unlike a plain file copy, nothing has
    /// to be re-sent.
    /// - Throws: ``ReadingListError`` when `path` exists or its folder cannot take a new file.
    @discardableResult
    public func clone(to path: String) throws(ReadingListError) -> ReadingLibrary {
        guard try LibraryFile.prepare(path: path) == .missing else {
            throw ReadingListError(
                .invalidInput, "Cannot clone into \(path): the file exists. Choose a new file name, or sync with it instead.")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".readlist-clone-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
        }
        let syncedAt = ArticleRows.milliseconds(now())
        do {
            guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw ReadingListError(.libraryUnavailable, "Cannot create \(path). Check that the folder is writable.")
            }
            let copy = try DatabaseQueue(path: temporary)
            // The snapshot, its feed position and this replica's identity, in one read transaction.
            let (source, position) = try pool.read { db in
                try copy.writeWithoutTransaction { try db.backup(to: $0) }
                return (try Self.identity(db), try Self.feedPosition(db))
            }
            let location = try FileIdentity.location(of: temporary)
            try copy.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.inTransaction(.immediate) {
                    try FileIdentity.rotate(db)
                    try FileIdentity.record(location, db)
                    try Self.recordCursor(source, at: position, syncedAt: syncedAt, db)
                    return .commit
                }
            }
            let identity = try copy.read { try Self.identity($0) }
            try copy.close()
            // The clone holds this feed up to `position`: a later restore of this file to an
            // older copy must be noticed (SPEC.md §3.7).
            try feedMark.record(position, replica: source.replicaID)
            guard link(temporary, path) == 0 else {
                throw ReadingListError(
                    .libraryUnavailable, "Cannot create \(path): \(String(cString: strerror(errno))). Check the folder, or choose a new file name.")
            }
            try pool.write { db in try Self.recordCursor(identity, at: position, syncedAt: syncedAt, db) }
        } catch {
            throw LibraryFile.translate(error, path: path)
        }
        return try ReadingLibrary(path: path, now: now)
    }

    /// The highest sequence this replica's feed has given out.
    static func feedPosition(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'change_feed'") ?? 0
    }

    /// Records that this replica has applied `peer`'s feed up to `sequence`.
    static func recordCursor(_ peer: ReplicaIdentity, at sequence: Int64, syncedAt: Int64, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO peer (replica_id, incarnation, cursor, synced_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (replica_id) DO UPDATE SET incarnation = excluded.incarnation,
                    cursor = excluded.cursor, synced_at = excluded.synced_at
                """,
            arguments: [peer.replicaID, peer.incarnation, sequence, syncedAt])
    }
}
