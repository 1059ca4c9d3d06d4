import Foundation
public import ReadingListModel

/// The records of a JSON export file, one array element at a time: the file is read in chunks
/// and each element is decoded and mapped to a record (an article) or to a problem with the line
/// it starts on, by the format's rules. Memory stays bounded by the largest element, whatever
/// the file's size.
///
/// The file is first read through once without decoding anything, to check its syntax: a file
/// cut short or otherwise not valid JSON (a string or bracket left open, something after the
/// end) is refused whole before a single record is read. An element that is valid JSON but not
/// a valid record is a problem on its line, and the others are read.
public struct JSONRecordReader<Record>: Sequence {
    private let path: String
    private let key: String?
    private let chunkSize: Int
    private let record: @Sendable (JSONElementScanner.Element) -> Result<Record, ImportProblem>
    /// The top-level object's members with scalar values, as raw JSON, by name (with a `key`).
    let members: [String: Data]
    /// The file's size in bytes, as the first reading found it.
    let byteCount: Int

    /// A reader of the array at the top of the file at `path`, or under the member `key` of the
    /// top-level object.
    /// - Parameter mismatch: What a problem found before the array starts means, put before its
    ///   reason (`not a readlist JSON export`), or `nil`.
    /// - Throws: ``ImportProblem`` when the file cannot be opened, holds no such array, or is not
    ///   valid JSON (naming the line).
    init(
        path: String, key: String? = nil, chunkSize: Int = JSONElementScanner.defaultChunkSize, mismatch: String? = nil,
        record: @escaping @Sendable (JSONElementScanner.Element) -> Result<Record, ImportProblem>
    ) throws(ImportProblem) {
        self.path = path
        self.key = key
        self.chunkSize = chunkSize
        self.record = record
        var scanner: JSONElementScanner
        do {
            scanner = try JSONElementScanner(path: path, key: key, keepingElements: false, chunkSize: chunkSize)
        } catch {
            guard let mismatch else { throw error }
            throw ImportProblem(line: error.line, reason: "\(mismatch): \(error.reason)")
        }
        try scanner.scanToEnd()
        members = scanner.members
        byteCount = scanner.bytesRead
    }

    public func makeIterator() -> Iterator {
        // The file was checked in init; a failure now (it went away or changed) is reported once.
        do throws(ImportProblem) {
            return Iterator(
                scanner: try JSONElementScanner(path: path, key: key, chunkSize: chunkSize), record: record, byteCount: byteCount)
        } catch {
            return Iterator(scanner: nil, record: record, byteCount: byteCount, problem: error)
        }
    }

    /// The elements: a record, or a problem with the element's line.
    public struct Iterator: IteratorProtocol {
        var scanner: JSONElementScanner?
        let record: @Sendable (JSONElementScanner.Element) -> Result<Record, ImportProblem>
        let byteCount: Int
        var problem: ImportProblem?

        public mutating func next() -> Result<Record, ImportProblem>? {
            if let problem {
                self.problem = nil
                return .failure(problem)
            }
            return scanner?.next().map { $0.flatMap(record) }
        }

        /// The share of the file read so far, from 0 to 1, for a progress display.
        public var fractionRead: Double {
            guard let scanner, byteCount > 0 else { return 1 }
            return Swift.min(1, Double(scanner.bytesRead) / Double(byteCount))
        }
    }
}
