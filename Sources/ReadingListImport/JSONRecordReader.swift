public import ReadingListModel

/// The records of a JSON export file, one array element at a time: the file is read in chunks
/// and each element is decoded and mapped to a record (an article) or to a problem with the line
/// it starts on, by the format's rules. Memory stays bounded by the largest element, whatever
/// the file's size.
///
/// A syntax error in the file (a string or bracket left open, something after the end) is the
/// last problem reported; the records before it are read.
public struct JSONRecordReader<Record>: Sequence {
    private let path: String
    private let key: String?
    private let chunkSize: Int
    private let record: @Sendable (JSONElementScanner.Element) -> Result<Record, ImportProblem>

    /// A reader of the array at the top of the file at `path`, or under the member `key` of the
    /// top-level object.
    /// - Throws: ``ImportProblem`` when the file cannot be opened or holds no such array.
    init(
        path: String, key: String? = nil, chunkSize: Int = JSONElementScanner.defaultChunkSize,
        record: @escaping @Sendable (JSONElementScanner.Element) -> Result<Record, ImportProblem>
    ) throws(ImportProblem) {
        self.path = path
        self.key = key
        self.chunkSize = chunkSize
        self.record = record
        _ = try JSONElementScanner(path: path, key: key, chunkSize: chunkSize)
    }

    public func makeIterator() -> Iterator {
        // The file was checked in init; a failure now (it went away or changed) is reported once.
        do throws(ImportProblem) {
            return Iterator(scanner: try JSONElementScanner(path: path, key: key, chunkSize: chunkSize), record: record)
        } catch {
            return Iterator(scanner: nil, record: record, problem: error)
        }
    }

    /// The elements: a record, or a problem with the element's line.
    public struct Iterator: IteratorProtocol {
        var scanner: JSONElementScanner?
        let record: @Sendable (JSONElementScanner.Element) -> Result<Record, ImportProblem>
        var problem: ImportProblem?

        public mutating func next() -> Result<Record, ImportProblem>? {
            if let problem {
                self.problem = nil
                return .failure(problem)
            }
            return scanner?.next().map { $0.flatMap(record) }
        }
    }
}
