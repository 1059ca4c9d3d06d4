import Foundation
import ReadingListModel

/// A document written to standard output as it is made. Nothing can be taken back: a failure
/// leaves what was written.
final class StandardOutputSink: DocumentSink {
    func write(_ data: Data) throws(ReadingListError) {
        let failure = data.withUnsafeBytes { POSIXFile.writeAll(STDOUT_FILENO, $0) }
        if let failure {
            throw ReadingListError(.storage, "Cannot write the export to standard output: \(failure).")
        }
    }

    func commit() {}
    func discard() {}
}
