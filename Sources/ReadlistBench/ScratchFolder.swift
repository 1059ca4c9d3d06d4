import Foundation

/// A temporary folder for the libraries and files a benchmark run writes, removed at the end.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("readlist-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

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
