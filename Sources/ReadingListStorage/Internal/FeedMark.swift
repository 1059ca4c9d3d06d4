import Foundation
import GRDB
import ReadingListModel

/// A small file beside the library (`<library>-served`) recording how far this replica's feed
/// has reached under its id: as far as peers may have read it, a clone copied it, or local
/// writes took it, recorded when the library closes (SPEC.md §3.7).
///
/// Peers keep cursors into the feed. If the library is later replaced in place by an older
/// copy (a backup restored over it, same inode), its feed would number new changes with
/// sequences the peers believe they already have, and those changes would never reach them.
/// On open, a feed that ends before the recorded mark is such a restore: the library takes a
/// new replica id and incarnation.
final class FeedMark: @unchecked Sendable {
    private struct Record: Codable {
        var replica: String
        var served: String
    }

    let path: String
    private let lock = NSLock()
    private var recorded: (replica: String, served: Int64)?
    private var unrecordedWrites = false

    init(libraryPath: String) {
        path = libraryPath + "-served"
        recorded = Self.load(path)
    }

    /// Notes that this process wrote to the feed (recorded when the library closes).
    func noteWrite() { lock.withLock { unrecordedWrites = true } }

    /// Whether this process wrote to the feed since it last recorded the mark.
    var hasUnrecordedWrites: Bool { lock.withLock { unrecordedWrites } }

    /// Records that the feed reached `sequence`: before peers may read that far, after local
    /// writes, and for a clone.
    ///
    /// A durable record reaches the disk before this returns: a peer may read the feed next, and
    /// the library's own last commits are not on disk yet (`synchronous = NORMAL`). A record of
    /// local writes as the library closes need not be: the close checkpoints the library, and
    /// no peer has read those writes, so an older mark after a crash hides nothing a peer holds.
    /// Either way the file is replaced whole (a new file renamed over it).
    func record(_ sequence: Int64, replica: String, durable: Bool = true) throws(ReadingListError) {
        lock.lock()
        defer { lock.unlock() }
        if let recorded, recorded.replica == replica, recorded.served >= sequence {
            unrecordedWrites = false
            return
        }
        // Another process may have moved the mark on: it never goes back.
        if let onDisk = Self.load(path), onDisk.replica == replica, onDisk.served >= sequence {
            recorded = onDisk
            unrecordedWrites = false
            return
        }
        do {
            let data = try JSONEncoder().encode(Record(replica: replica, served: String(sequence)))
            if durable {
                try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            } else {
                try Self.replace(path, with: data)
            }
        } catch {
            throw ReadingListError(
                .libraryUnavailable, "Cannot write \(path), which sync needs beside the library: \(error.localizedDescription). Check the folder's permissions.")
        }
        recorded = (replica, sequence)
        unrecordedWrites = false
    }

    /// Rotates the library's replica identity if its feed ends before the mark this replica
    /// recorded: the file was replaced by an older copy of itself.
    /// - Returns: whether it rotated.
    @discardableResult
    func confirm(_ writer: some DatabaseWriter) throws -> Bool {
        guard let mark = lock.withLock({ recorded }) else { return false }
        func restored(_ db: Database) throws -> Bool {
            try ReadingLibrary.identity(db).replicaID == mark.replica && ReadingLibrary.feedPosition(db) < mark.served
        }
        // Opening is on every command's path: a read decides, and only a restore takes the write lock.
        guard try writer.read(restored) else { return false }
        return try writer.writeWithoutTransaction { db in
            var rotated = false
            try db.inTransaction(.immediate) {
                if try restored(db) {
                    try FileIdentity.rotate(db)
                    rotated = true
                }
                return .commit
            }
            return rotated
        }
    }

    /// Replaces the file at `path` with `data` without waiting for the disk (Foundation's
    /// writes always do): written beside it, then renamed over it.
    private static func replace(_ path: String, with data: Data) throws {
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        func failure() -> POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw failure() }
        let written = data.withUnsafeBytes { bytes in write(descriptor, bytes.baseAddress, bytes.count) }
        let writeError = written == data.count ? nil : failure()
        close(descriptor)
        guard writeError == nil, rename(temporary, path) == 0 else {
            let error = writeError ?? failure()
            unlink(temporary)
            throw error
        }
    }

    private static func load(_ path: String) -> (replica: String, served: Int64)? {
        guard let data = FileManager.default.contents(atPath: path),
            let record = try? JSONDecoder().decode(Record.self, from: data), let served = Int64(record.served)
        else { return nil }
        return (record.replica, served)
    }
}
