import Foundation
import GRDB
import ReadingListModel

/// Checks and errors about the library file itself.
enum LibraryFile {
    /// Makes sure `path` can hold a library: its folder exists and is writable, and a missing
    /// file is created with mode 0600 (SQLite gives the WAL files the same mode).
    static func prepare(path: String) throws(ReadingListError) {
        let fileManager = FileManager.default
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
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else {
                throw ReadingListError(
                    .libraryUnavailable, "Cannot open library \(path): it is a folder. Give the path of a file, e.g. \(path)/library.sqlite.")
            }
            guard fileManager.isReadableFile(atPath: path) else {
                throw ReadingListError(
                    .libraryUnavailable, "Cannot open library \(path): permission denied. Check the file's permissions (ls -l \(path)).")
            }
            try checkHeader(path: path)
        }
        guard fileManager.isWritableFile(atPath: folder) else {
            throw ReadingListError(
                .libraryUnavailable,
                "Cannot open library \(path): the folder \(folder) is read-only. Make it writable or choose another --db path.")
        }
        if fileManager.fileExists(atPath: path) {
            guard fileManager.isWritableFile(atPath: path) else {
                throw ReadingListError(
                    .libraryUnavailable, "Cannot open library \(path): the file is read-only. Make it writable (chmod u+w \(path)).")
            }
        } else if !fileManager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) {
            throw ReadingListError(.libraryUnavailable, "Cannot create library \(path). Check that the folder is writable.")
        }
    }

    /// Refuses a non-empty file that does not start with SQLite's header.
    private static func checkHeader(path: String) throws(ReadingListError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if !header.isEmpty, header != Data("SQLite format 3\0".utf8) {
            throw notALibrary(path: path, reason: "it is not an SQLite database")
        }
    }

    /// Refuses an SQLite file of another application, and a library from a newer schema.
    static func checkIdentity(_ db: Database, path: String) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tableCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
        if tableCount > 0, applicationID != LibrarySchema.applicationID {
            throw notALibrary(path: path, reason: "it is an SQLite database of another program")
        }
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
                    .libraryUnavailable, "Library \(path) stayed locked by another process for 15 seconds. Try again when it finishes.")
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
