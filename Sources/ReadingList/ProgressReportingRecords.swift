import Foundation
import ReadingListModel

/// The records of an import file, passed through unchanged, reporting every hundredth record how
/// many were read and, when the format tells, how much of the file (by the line a record starts
/// on, or by the bytes a JSON reader has gone through).
struct ProgressReportingRecords<Base: Sequence>: Sequence {
    let base: Base
    /// The share of the file read once the iterator has returned the record, from 0 to 1, or
    /// `nil` when this record does not tell; the whole closure is `nil` when the file does not.
    let fraction: ((Base.Iterator, Base.Element) -> Double?)?
    let report: (ImportProgress) -> Void

    func makeIterator() -> Iterator {
        Iterator(base: base.makeIterator(), fraction: fraction, report: report)
    }

    struct Iterator: IteratorProtocol {
        var base: Base.Iterator
        let fraction: ((Base.Iterator, Base.Element) -> Double?)?
        let report: (ImportProgress) -> Void
        var records = 0

        mutating func next() -> Base.Element? {
            guard let element = base.next() else {
                report(ImportProgress(records: records, fraction: fraction == nil ? nil : 1))
                return nil
            }
            records += 1
            if records % 100 == 0 {
                report(ImportProgress(records: records, fraction: fraction?(base, element).map { Swift.min(1, $0) }))
            }
            return element
        }
    }
}
