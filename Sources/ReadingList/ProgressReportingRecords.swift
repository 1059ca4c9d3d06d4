import Foundation
import ReadingListModel

/// The records of an import file, passed through unchanged, reporting every hundredth record how
/// many were read and, from the line the record starts on, how much of the file.
struct ProgressReportingRecords<Base: Sequence>: Sequence {
    let base: Base
    /// The file's line count, when known and more than one.
    let lines: Int?
    /// The line a record starts on.
    let line: (Base.Element) -> Int?
    let report: (ImportProgress) -> Void

    func makeIterator() -> Iterator {
        Iterator(base: base.makeIterator(), lines: lines, line: line, report: report)
    }

    struct Iterator: IteratorProtocol {
        var base: Base.Iterator
        let lines: Int?
        let line: (Base.Element) -> Int?
        let report: (ImportProgress) -> Void
        var records = 0

        mutating func next() -> Base.Element? {
            guard let element = base.next() else {
                report(ImportProgress(records: records, fraction: lines == nil ? nil : 1))
                return nil
            }
            records += 1
            if records % 100 == 0 {
                let fraction = zip(lines, line(element)).map { Swift.min(1, Double($1) / Double($0)) }
                report(ImportProgress(records: records, fraction: fraction))
            }
            return element
        }
    }
}

/// `zip` for optionals: both values, or `nil`.
private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
