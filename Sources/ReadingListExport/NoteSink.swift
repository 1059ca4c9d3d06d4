import ReadingListModel

/// Where the notes of a markdown export go.
protocol NoteSink: AnyObject {
    /// Writes one note.
    func write(_ note: ExportedFile) throws(ReadingListError)
    /// Ends the export (an export of no article still makes its folder).
    func commit() throws(ReadingListError)
}
