import Foundation
import ReadingListModel

/// Notes written into a folder, made with its parents (at the first note, or at the end) if
/// missing. Each note is written atomically and replaces a file of the same name (a note of an
/// earlier export of the same article); other files in the folder are left alone.
final class FolderNoteSink: NoteSink {
    private let path: String
    private var folder: URL?

    /// A sink for the folder at `path`; nothing is made until the first note.
    /// - Throws: ``ReadingListError`` `invalidInput` when `path` is a file.
    init(path: String, format: ExportFormat) throws(ReadingListError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ReadingListError(
                .invalidInput, "Cannot write \(format) notes into \(path): it is a file, not a folder. Give a folder path (it is created if missing).")
        }
        self.path = path
    }

    func write(_ note: ExportedFile) throws(ReadingListError) {
        let url = try made().appendingPathComponent(note.name)
        do {
            try note.contents.write(to: url, options: .atomic)
        } catch {
            throw ReadingListError(.invalidInput, "Cannot write \(url.path): \(error.localizedDescription). Check the folder is writable.")
        }
    }

    func commit() throws(ReadingListError) { _ = try made() }

    /// The folder, made at the first call.
    private func made() throws(ReadingListError) -> URL {
        if let folder { return folder }
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw ReadingListError(
                .invalidInput, "Cannot create the folder \(path): \(error.localizedDescription). Check the path and its permissions.")
        }
        folder = url
        return url
    }
}
