import Foundation
import ReadingListModel

/// An export kept in memory: ``ArticleExporter/export(_:as:)`` writes through it, so an export
/// in memory and one streamed to a file share one code path.
final class MemorySink: DocumentSink, NoteSink {
    /// The document written so far.
    private(set) var document = Data()
    /// The notes written so far, in the order written.
    private(set) var notes: [ExportedFile] = []

    func write(_ data: Data) { document.append(data) }
    func write(_ note: ExportedFile) { notes.append(note) }
    func commit() {}
    func discard() {}
}
