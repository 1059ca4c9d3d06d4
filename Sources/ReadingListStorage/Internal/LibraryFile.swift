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

/// Checks and errors about the library file itself.
enum LibraryFile {
    /// What `prepare(path:)` found at the path.
    enum State {
        /// A file that is (or, if empty, will become) a readlist library.
        case existing
        /// Nothing: the caller creates the library with `create(path:)`.
        case missing
    }

    /// Checks that `path` can hold a library, without changing anything: its folder exists and
    /// is writable, it is not a folder or a dangling link, and an existing file looks like a
    /// readlist library (judged from its header, before SQLite opens it).
    static func prepare(path: String) throws(ReadingListError) -> State {
        let fileManager = FileManager.default
        guard !path.isEmpty else {
            throw ReadingListError(.invalidInput, "The library path is empty. Give a file path, e.g. --db ~/reading/library.sqlite.")
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw ReadingListError(
                .libraryUnavailable,
                "Cannot open library \(path): the folder \(folder) does not exist. Create it (mkdir -p \(folder)) or choose another --db path.")
        }
        guard isDirectory.boolValue else {
            throw ReadingListError(
                .libraryUnavailable, "Cannot open library \(path): \(folder) is not a folder. Choose another --db path.")
        }
        if let destination = try? fileManager.destinationOfSymbolicLink(atPath: path), !fileManager.fileExists(atPath: path) {
            throw ReadingListError(
                .libraryUnavailable,
                "Cannot open library \(path): it is a link to \(destination), which does not exist. Mount or restore it, or choose another --db path.")
        }
        guard fileManager.isWritableFile(atPath: folder) else {
            throw ReadingListError(
                .libraryUnavailable,
                "Cannot open library \(path): the folder \(folder) is read-only. Make it writable or choose another --db path.")
        }
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        guard !isDirectory.boolValue else {
            throw ReadingListError(
                .libraryUnavailable, "Cannot open library \(path): it is a folder. Give the path of a file, e.g. \(path)/library.sqlite.")
        }
        guard fileManager.isReadableFile(atPath: path) else {
            throw ReadingListError(
                .libraryUnavailable, "Cannot open library \(path): permission denied. Check the file's permissions (ls -l \(path)).")
        }
        guard fileManager.isWritableFile(atPath: path) else {
            throw ReadingListError(
                .libraryUnavailable, "Cannot open library \(path): the file is read-only. Make it writable (chmod u+w \(path)).")
        }
        try checkHeader(path: path)
        return .existing
    }

    /// Creates a complete, migrated library at `path` atomically: it is built in a temporary
    /// file beside it (mode 0600) and linked into place, so no process ever sees a half-made
    /// library. If another process creates the file first, its library stands and ours is
    /// discarded.
    static func create(path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".readlist-new-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
        }
        guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw ReadingListError(.libraryUnavailable, "Cannot create library \(path). Check that the folder is writable.")
        }
        let queue = try DatabaseQueue(path: temporary)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try LibrarySchema.migrate(queue)
        // link() keeps the inode, so the file's place is known before anyone can copy it.
        let location = try FileIdentity.location(of: temporary)
        try queue.write { db in try FileIdentity.record(location, db) }
        try queue.close()
        if link(temporary, path) != 0, errno != EEXIST {
            throw ReadingListError(
                .libraryUnavailable, "Cannot create library \(path): \(String(cString: strerror(errno))). Check the folder.")
        }
    }

    /// Puts an empty WAL file (one byte, less than a WAL header) beside a WAL-mode library that
    /// has none, before GRDB opens it. Finding no WAL file (SQLite deletes it when the last
    /// connection closes), GRDB makes one by creating and dropping a table: a write, two syncs
    /// and a checkpoint into the file on every open, even for a command that only reads. SQLite
    /// reads a WAL file shorter than its 32-byte header as empty and writes its own header on
    /// the first commit. Best effort: if another process made the file first, or anything
    /// fails, GRDB's write is the fallback.
    static func provideWAL(path: String) {
        let database = open(path, O_RDONLY | O_CLOEXEC)
        guard database >= 0 else { return }
        defer { close(database) }
        var header = [UInt8](repeating: 0, count: 20)
        var status = stat()
        guard pread(database, &header, 20, 0) == 20, header[18] == 2, header[19] == 2, fstat(database, &status) == 0 else { return }
        let wal = open(path + "-wal", O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, status.st_mode & 0o777)
        guard wal >= 0 else { return }
        // As SQLite does for its own files: run as root, keep the library owner's ownership.
        if geteuid() == 0 { _ = fchown(wal, status.st_uid, status.st_gid) }
        var byte: UInt8 = 0
        _ = write(wal, &byte, 1)
        close(wal)
    }

    /// Refuses a file that is neither empty nor a readlist library, reading only its header:
    /// SQLite's magic string, and the application id at offset 68.
    private static func checkHeader(path: String) throws(ReadingListError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        guard !header.isEmpty else { return }
        guard header.count >= 16, header[0..<16].elementsEqual("SQLite format 3\0".utf8) else {
            throw notALibrary(path: path, reason: "it is not an SQLite database")
        }
        guard header.count == 100 else { throw notALibrary(path: path, reason: "the SQLite file is truncated") }
        let applicationID = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        if applicationID != UInt32(bitPattern: LibrarySchema.applicationID) {
            throw notALibrary(path: path, reason: "it is an SQLite database of another program")
        }
    }

    /// Refuses a library from a newer schema. (Another program's database was already refused
    /// from its header; the version is read through SQLite because a newer readlist's
    /// migration may still sit in the WAL.)
    static func checkIdentity(_ db: Database, path: String) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if version > LibrarySchema.currentVersion {
            throw ReadingListError(
                .newerSchema,
                "Library \(path) has schema version \(version), newer than this readlist understands (\(LibrarySchema.currentVersion)). Upgrade readlist to open it.")
        }
    }

    static func notALibrary(path: String, reason: String) -> ReadingListError {
        ReadingListError(.notALibrary, "\(path) is not a readlist library: \(reason). Choose another --db path.")
    }

    /// Turns any error from the storage stack into a ``ReadingListError`` that names the file.
    static func translate(_ error: any Error, path: String) -> ReadingListError {
        if let error = error as? ReadingListError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB: return notALibrary(path: path, reason: "it is not an SQLite database")
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return ReadingListError(
                    .libraryUnavailable, "Library \(path) is locked by another process. Try again when it finishes.")
            case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
                return ReadingListError(
                    .libraryUnavailable, "Cannot write library \(path): \(error.message ?? "access denied"). Check the permissions of the file and its folder.")
            case .SQLITE_CORRUPT:
                return ReadingListError(.storage, "Library \(path) is damaged (\(error.message ?? "corrupt")). Restore it from a backup or export.")
            case .SQLITE_FULL:
                return ReadingListError(.storage, "Cannot write library \(path): the disk is full. Free some space and try again.")
            default:
                return ReadingListError(.storage, "Library \(path): \(error.message ?? "\(error.resultCode)").")
            }
        }
        return ReadingListError(.storage, "Library \(path): \(error)")
    }
}
