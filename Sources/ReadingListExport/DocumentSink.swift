import Foundation
import ReadingListModel

/// Where the bytes of a document export (json, html, csv) go, in order.
protocol DocumentSink: AnyObject {
    /// Appends `data` to the document.
    func write(_ data: Data) throws(ReadingListError)
    /// Makes what was written the finished document.
    func commit() throws(ReadingListError)
    /// Gives up after a failure: removes what was written where it can (not from standard
    /// output).
    func discard()
}
