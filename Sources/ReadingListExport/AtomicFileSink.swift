import Foundation
import ReadingListModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A document written to a file atomically: into a temporary file in the same folder
/// (`.readlist-export-…`, made at the first write), renamed over the target once complete. A
/// reader sees the earlier file or the new one, never a part; a failure removes the temporary
/// file and leaves the earlier file as it was.
///
/// The file is made as `Data.write(to:options: .atomic)` makes it: synced to disk before the
/// rename, mode 0666 less the umask, replacing whatever was at the path (a symbolic link
/// itself, not its target).
final class AtomicFileSink: DocumentSink {
    private let path: String
    private var temporary: (path: String, descriptor: Int32)?

    /// A sink for `path`; nothing is made until the first write.
    /// - Throws: ``ReadingListError`` `invalidInput` when `path` is a folder.
    init(path: String, format: ExportFormat) throws(ReadingListError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ReadingListError(
                .invalidInput, "Cannot write the \(format) export to \(path): it is a folder. Give a file path, e.g. --output library.\(format.fileExtension).")
        }
        self.path = path
    }

    deinit { discard() }

    func write(_ data: Data) throws(ReadingListError) {
        let descriptor = try temporaryDescriptor()
        if let failure = data.withUnsafeBytes({ POSIXFile.writeAll(descriptor, $0) }) {
            discard()
            throw cannotWrite(failure)
        }
    }

    func commit() throws(ReadingListError) {
        let descriptor = try temporaryDescriptor()
        guard let file = temporary else { return }
        temporary = nil
        // On disk before it takes the target's name, as `Data.write(to:options: .atomic)` does.
        var failure = fsync(descriptor) == 0 ? nil : POSIXFile.lastError
        if close(descriptor) != 0, failure == nil { failure = POSIXFile.lastError }
        if failure == nil, rename(file.path, path) != 0 { failure = POSIXFile.lastError }
        if let failure {
            unlink(file.path)
            throw cannotWrite(failure)
        }
    }

    func discard() {
        guard let file = temporary else { return }
        temporary = nil
        close(file.descriptor)
        unlink(file.path)
    }

    /// The temporary file's descriptor, made at the first call.
    private func temporaryDescriptor() throws(ReadingListError) -> Int32 {
        if let temporary { return temporary.descriptor }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        while true {
            let candidate = folder + "/.readlist-export-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            // Mode 0666: the umask applies, as for any new file.
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 {
                temporary = (candidate, descriptor)
                return descriptor
            }
            if errno != EEXIST { throw cannotWrite(POSIXFile.lastError) }
        }
    }

    private func cannotWrite(_ failure: String) -> ReadingListError {
        ReadingListError(.invalidInput, "Cannot write \(path): \(failure). Check the folder exists and is writable.")
    }
}
