import Foundation

/// The folder for the libraries and files a benchmark run writes: a temporary one, removed at
/// the end, or one the user names, kept (to profile commands on the prepared libraries).
final class ScratchFolder {
    let url: URL
    private let removedAtEnd: Bool

    /// A new temporary folder, or `kept` (created if missing) when given.
    init(kept: String? = nil) throws {
        url = kept.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("readlist-bench-\(UUID().uuidString)")
        removedAtEnd = kept == nil
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { if removedAtEnd { try? FileManager.default.removeItem(at: url) } }

    /// The path of `name` in the folder, after removing any SQLite file (and its WAL) there.
    func freshPath(_ name: String) -> String {
        let path = url.appendingPathComponent(name).path
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return path
    }

    /// The size in bytes of the file at `path` plus its WAL.
    static func size(ofDatabase path: String) -> Int {
        ["", "-wal"].reduce(0) { total, suffix in
            let attributes = try? FileManager.default.attributesOfItem(atPath: path + suffix)
            return total + ((attributes?[.size] as? NSNumber)?.intValue ?? 0)
        }
    }
}
