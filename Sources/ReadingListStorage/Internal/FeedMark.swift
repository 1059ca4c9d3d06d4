import Foundation
import GRDB
import ReadingListModel

/// A small file beside the library (`<library>-served`) recording how far into this replica's
/// feed it has let peers read (SPEC.md §3.7).
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

    init(libraryPath: String) {
        path = libraryPath + "-served"
        recorded = Self.load(path)
    }

    /// Records that peers may have read this replica's feed up to `sequence`, before they get it.
    func record(_ sequence: Int64, replica: String) throws(ReadingListError) {
        lock.lock()
        defer { lock.unlock() }
        if let recorded, recorded.replica == replica, recorded.served >= sequence { return }
        // Another process may have moved the mark on: it never goes back.
        if let onDisk = Self.load(path), onDisk.replica == replica, onDisk.served >= sequence {
            recorded = onDisk
            return
        }
        do {
            let data = try JSONEncoder().encode(Record(replica: replica, served: String(sequence)))
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ReadingListError(
                .libraryUnavailable, "Cannot write \(path), which sync needs beside the library: \(error.localizedDescription). Check the folder's permissions.")
        }
        recorded = (replica, sequence)
    }

    /// Rotates the library's replica identity if its feed ends before the mark this replica
    /// recorded: the file was replaced by an older copy of itself.
    /// - Returns: whether it rotated.
    @discardableResult
    func confirm(_ writer: some DatabaseWriter) throws -> Bool {
        guard let mark = lock.withLock({ recorded }) else { return false }
        return try writer.writeWithoutTransaction { db in
            var rotated = false
            try db.inTransaction(.immediate) {
                let identity = try ReadingLibrary.identity(db)
                if identity.replicaID == mark.replica, try ReadingLibrary.feedPosition(db) < mark.served {
                    try FileIdentity.rotate(db)
                    rotated = true
                }
                return .commit
            }
            return rotated
        }
    }

    private static func load(_ path: String) -> (replica: String, served: Int64)? {
        guard let data = FileManager.default.contents(atPath: path),
            let record = try? JSONDecoder().decode(Record.self, from: data), let served = Int64(record.served)
        else { return nil }
        return (record.replica, served)
    }
}
