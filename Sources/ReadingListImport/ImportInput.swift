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
    /// Where to read it: the path given, or, for a pipe or a device (`/dev/stdin`, a shell's
    /// `<(…)`), which can be read only once, a temporary copy of what it held.
    public let readablePath: String
    /// The folder holding that copy, removed when the last copy of this input goes.
    private let spool: TemporaryFolder?
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
        (readablePath, spool) = try Self.spooled(path)
        let path = readablePath
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

    /// `path` itself when it can be read more than once (a file, a folder); else a temporary
    /// file holding what it gives, and its folder: for a pipe, which cannot go back to its
    /// start, and for a descriptor's name (`/dev/stdin`, `/dev/fd/3`, `/proc/self/fd/0`), which
    /// on some systems shares its reading position with every other opening of it.
    private static func spooled(_ path: String) throws(ImportProblem) -> (String, TemporaryFolder?) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let source = FileHandle(forReadingAtPath: path)
        else { return (path, nil) }
        let descriptorName = ["/dev/", "/proc/"].contains { path.hasPrefix($0) }
        guard descriptorName || (try? source.seekToEnd()) == nil else {
            try? source.close()
            return (path, nil)
        }
        defer { try? source.close() }
        let folder = try TemporaryFolder()
        let copy = folder.newFile(like: "input")
        guard FileManager.default.createFile(atPath: copy.path, contents: nil), let sink = FileHandle(forWritingAtPath: copy.path) else {
            throw ImportProblem(line: 0, reason: "cannot write a temporary copy in \(folder.url.path); check that it is writable and has space")
        }
        defer { try? sink.close() }
        do {
            while let chunk = try source.read(upToCount: 1 << 20), !chunk.isEmpty {
                try sink.write(contentsOf: chunk)
            }
        } catch {
            throw ImportProblem(line: 0, reason: "it could not be read to its end (\(error.localizedDescription))")
        }
        return (copy.path, folder)
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
