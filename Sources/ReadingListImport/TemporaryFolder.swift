import Foundation
import ReadingListModel

/// A folder of this process's own in the system's temporary folder, removed with everything in
/// it when the last reference goes away.
final class TemporaryFolder: Sendable {
    /// The folder.
    let url: URL

    /// Creates the folder.
    /// - Throws: ``ImportProblem`` (line 0) when it cannot be created.
    init() throws(ImportProblem) {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("readlist-unpack-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw ImportProblem(line: 0, reason: "cannot create a temporary folder in \(url.deletingLastPathComponent().path) (\(error.localizedDescription)); check that it is writable and has space")
        }
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// A new path inside the folder, for a file named like `name` (its extension kept).
    func newFile(like name: String) -> URL {
        let ext = (name as NSString).pathExtension
        return url.appendingPathComponent(UUID().uuidString + (ext.isEmpty ? "" : ".\(ext)"))
    }
}
