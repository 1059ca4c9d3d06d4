import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import GRDB
import ReadingListModel

/// Keeps a copied library file from sharing its replica id with the original (SPEC.md §3.7).
///
/// A library records the device and inode of the file it lives in. Opened from another file
/// (a `cp`, a backup restored, a file synced by a cloud drive), it takes a new replica id and
/// incarnation before anything is written, so two files never stamp changes as one replica.
/// A rename or `mv` within a file system keeps the inode and the identity.
enum FileIdentity {
    /// A file's place on disk.
    struct Location: Equatable {
        var device: Int64
        var inode: Int64
    }

    /// The device and inode of the file at `path` (after symbolic links).
    static func location(of path: String) throws(ReadingListError) -> Location {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ReadingListError(
                .libraryUnavailable, "Cannot read library \(path): \(String(cString: strerror(errno))). Check the file.")
        }
        return Location(device: Int64(bitPattern: UInt64(info.st_dev)), inode: Int64(bitPattern: UInt64(info.st_ino)))
    }

    /// Confirms that the library in `writer` lives where it recorded, rotating its replica
    /// identity when it does not, or when it recorded no place (an upgraded older file, or an
    /// empty file made a library in place: neither can prove it is not a copy). New files
    /// record their place before they appear (``LibraryFile/create(path:)``). A rotation is
    /// checkpointed into the main file at once, so a copy of the main file alone sees it.
    /// - Returns: whether the identity was rotated.
    @discardableResult
    static func confirm(_ writer: some DatabaseWriter, path: String) throws -> Bool {
        let here = try location(of: path)
        if try writer.read({ try recorded($0) }) == here { return false }
        return try writer.writeWithoutTransaction { db in
            var rotated = false
            try db.inTransaction(.immediate) {
                let recorded = try recorded(db)
                guard recorded != here else { return .commit }
                try rotate(db)
                rotated = true
                try record(here, db)
                return .commit
            }
            try db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)")
            return rotated
        }
    }

    /// Records `location` as the file's place.
    static func record(_ location: Location, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO file_identity (singleton, device, inode) VALUES (1, ?, ?)
                ON CONFLICT (singleton) DO UPDATE SET device = excluded.device, inode = excluded.inode
                """,
            arguments: [location.device, location.inode])
    }

    /// Gives the library a new replica id and incarnation. Existing values keep their stamps
    /// (they were written by the old id, which the original file still is); the clock is kept,
    /// so the new id's stamps follow every stamp the file holds.
    static func rotate(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO replica (replica_id) VALUES (?)", arguments: [UUID().lowercaseText])
        try db.execute(
            sql: "UPDATE library_state SET replica_ordinal = ?, incarnation = ?",
            arguments: [db.lastInsertedRowID, UUID().lowercaseText])
    }

    private static func recorded(_ db: Database) throws -> Location? {
        try Row.fetchOne(db, sql: "SELECT device, inode FROM file_identity").map { Location(device: $0["device"], inode: $0["inode"]) }
    }
}
