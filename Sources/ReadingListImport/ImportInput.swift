public import Foundation
public import ReadingListModel

/// What `readlist import` was given, looked at without being read whole: one file (its first
/// bytes), or a zip archive or a folder (the names of the files in it).
public struct ImportInput: Sendable {
    /// What the path names.
    public enum Kind: Sendable {
        /// One file: a CSV, HTML or JSON export.
        case file
        /// A zip archive (a file starting `PK`).
        case zipArchive
        /// A folder, such as an unpacked zip archive.
        case folder
    }

    /// How many bytes of a file ``head`` holds.
    public static let headSize = 4_096

    /// The path given.
    public let path: String
    /// What it names.
    public let kind: Kind
    /// A file's first ``headSize`` bytes; empty for a zip archive or folder.
    public let head: Data
    /// The files in a zip archive or folder, paths inside it, sorted; empty for a file.
    public let files: [String]

    /// Looks at what `path` names.
    /// - Throws: ``ImportProblem`` (line 0) with the reason and what to do, when it cannot be
    ///   read: no such file, permission denied, a damaged zip archive. The reason does not name
    ///   the path.
    public init(path: String) throws(ImportProblem) {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportProblem(line: 0, reason: "no such file or folder; check the path")
        }
        if isDirectory.boolValue {
            guard FileManager.default.isReadableFile(atPath: path) else { throw ImportProblem(line: 0, reason: "permission denied; check the folder's permissions") }
            kind = .folder
            head = Data()
            files = try ExportArchive(path: path).files
            return
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ImportProblem(line: 0, reason: "permission denied; check the file's permissions") }
        let head = (try? handle.read(upToCount: Self.headSize)) ?? Data()
        try? handle.close()
        if ExportArchive.isZip(head) {
            kind = .zipArchive
            self.head = Data()
            files = try ExportArchive(path: path).files
        } else {
            kind = .file
            self.head = head
            files = []
        }
    }

    /// The format the input is in, as far as can be told from its first bytes or its file names.
    public var detectedFormat: ImportFormat? {
        kind == .file ? ImportFormat.detect(head) : ImportFormat.detect(archiveFiles: files)
    }

    /// The first few of ``files``, for a message: `a.json, b.txt and 12 more`, or `no files`.
    public var fileListing: String { Self.listing(files) }

    static func listing(_ files: [String]) -> String {
        guard !files.isEmpty else { return "no files" }
        let shown = files.prefix(5).joined(separator: ", ")
        return files.count > 5 ? "\(shown) and \(files.count - 5) more" : shown
    }
}
