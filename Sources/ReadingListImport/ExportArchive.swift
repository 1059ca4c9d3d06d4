import Foundation
import ReadingListModel
import ZIPFoundation

/// An export made of several files: a zip archive, or the folder it unpacks to. Its files are
/// read one at a time, never unpacked all at once.
final class ExportArchive {
    /// Where the files are.
    private enum Storage {
        case zip(Archive, entries: [String: Entry])
        case folder(URL, files: Set<String>)
    }

    /// The largest file read whole into memory (a metadata file, an article's HTML).
    static let largestFileReadWhole = 256 * 1_024 * 1_024

    private let storage: Storage
    /// Where files of a zip archive are unpacked, made for the first one.
    private var temporary: TemporaryFolder?
    /// The path given, for messages.
    let path: String
    /// The paths of its files, `/`-separated and relative to the archive or folder, sorted;
    /// folders, macOS's resource forks (`__MACOSX/`, `._*`) and `.DS_Store` left out.
    let files: [String]

    /// Whether `head` (a file's first bytes) starts like a zip archive: a local file header
    /// (`PK\u{3}\u{4}`), or the end record of an empty archive (`PK\u{5}\u{6}`).
    static func isZip(_ head: Data) -> Bool {
        let bytes = [UInt8](head.prefix(4))
        return bytes == [0x50, 0x4B, 0x03, 0x04] || bytes == [0x50, 0x4B, 0x05, 0x06]
    }

    /// Opens the zip archive or folder at `path`.
    /// - Throws: ``ImportProblem`` (line 0) when it cannot be opened (the reason does not name
    ///   the path).
    init(path: String) throws(ImportProblem) {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportProblem(line: 0, reason: "no such file or folder; check the path")
        }
        if isDirectory.boolValue {
            let root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
            files = Self.files(inFolder: root)
            storage = .folder(root, files: Set(files))
            return
        }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw ImportProblem(line: 0, reason: "not a readable zip archive (\(error)); the download may be incomplete: download the export again")
        }
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            let name = Self.normalized(entry.path)
            if Self.isListed(name), entries[name] == nil { entries[name] = entry }
        }
        storage = .zip(archive, entries: entries)
        files = entries.keys.sorted()
    }

    /// Whether the archive or folder holds the file `name` (one of ``files``).
    func contains(_ name: String) -> Bool {
        switch storage {
        case .zip(_, let entries): entries[name] != nil
        case .folder(_, let files): files.contains(name)
        }
    }

    /// The bytes of the file `name`, read whole.
    /// - Throws: ``ImportProblem`` (line 0, in `name`) when it cannot be read or is larger than
    ///   ``largestFileReadWhole``.
    func data(of name: String) throws(ImportProblem) -> Data {
        switch storage {
        case .folder(let root, _):
            let url = root.appendingPathComponent(name)
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            guard size <= Self.largestFileReadWhole else { throw tooLarge(name) }
            do {
                return try Data(contentsOf: url)
            } catch {
                throw ImportProblem(line: 0, reason: "cannot be read (\(error.localizedDescription))", file: name)
            }
        case .zip(let archive, let entries):
            guard let entry = entries[name] else { throw ImportProblem(line: 0, reason: "not in the archive", file: name) }
            guard entry.uncompressedSize <= UInt64(Self.largestFileReadWhole) else { throw tooLarge(name) }
            var data = Data()
            data.reserveCapacity(Int(entry.uncompressedSize))
            do {
                _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            } catch {
                throw damaged(name, error)
            }
            return data
        }
    }

    /// The file `name` as a file on disk: itself in a folder; from a zip archive, unpacked into
    /// a temporary folder of the archive's, which is removed with the archive. Give it to
    /// ``discard(_:)`` once read.
    /// - Throws: ``ImportProblem`` (line 0, in `name`) when it cannot be unpacked.
    func localFile(_ name: String) throws(ImportProblem) -> URL {
        switch storage {
        case .folder(let root, _):
            return root.appendingPathComponent(name)
        case .zip(let archive, let entries):
            guard let entry = entries[name] else { throw ImportProblem(line: 0, reason: "not in the archive", file: name) }
            if temporary == nil { temporary = try TemporaryFolder() }
            guard let temporary else { throw ImportProblem(line: 0, reason: "no temporary folder", file: name) }
            let destination = temporary.newFile(like: name)
            do {
                _ = try archive.extract(entry, to: destination)
            } catch {
                try? FileManager.default.removeItem(at: destination)
                throw damaged(name, error)
            }
            return destination
        }
    }

    /// Removes a file ``localFile(_:)`` unpacked (a file of a folder is left alone).
    func discard(_ url: URL) {
        guard let temporary, url.path.hasPrefix(temporary.url.path + "/") else { return }
        try? FileManager.default.removeItem(at: url)
    }

    /// The first few of ``files``, for a message (see ``ImportInput/fileListing``).
    var fileListing: String { ImportInput.listing(files) }

    private func tooLarge(_ name: String) -> ImportProblem {
        ImportProblem(line: 0, reason: "larger than \(Self.largestFileReadWhole / 1_048_576) MB, too large to read", file: name)
    }

    private func damaged(_ name: String, _ error: any Error) -> ImportProblem {
        ImportProblem(line: 0, reason: "cannot be unpacked (\(error)); the archive may be damaged: download the export again", file: name)
    }

    /// `\`-separated (Windows) and `./`-prefixed paths as plain `/`-separated relative paths.
    private static func normalized(_ path: String) -> String {
        var name = path.replacingOccurrences(of: "\\", with: "/")
        while name.hasPrefix("./") { name.removeFirst(2) }
        while name.hasPrefix("/") { name.removeFirst() }
        return name
    }

    /// Whether a file is one of the export's, not a folder or something macOS added.
    private static func isListed(_ name: String) -> Bool {
        let base = (name as NSString).lastPathComponent
        return !name.isEmpty && !name.hasSuffix("/") && !name.hasPrefix("__MACOSX/") && !base.hasPrefix("._")
            && base != ".DS_Store"
    }

    private static func files(inFolder root: URL) -> [String] {
        guard let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var names: [String] = []
        for case let url as URL in walk {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(prefix) else { continue }
            let name = String(full.dropFirst(prefix.count))
            if isListed(name) { names.append(name) }
        }
        return names.sorted()
    }
}
