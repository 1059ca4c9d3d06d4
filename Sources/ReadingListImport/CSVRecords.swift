import CSV
import Foundation
import ReadingListExtraction
import ReadingListModel

/// Records of a CSV file with a header row, one at a time, as fields by lowercased column
/// name, with the line each record starts on.
///
/// ``CSVRecordSplitter`` cuts the file into records by their quotes, so a record with broken
/// quoting is reported alone; the CSV library (CSV.swift) takes the fields of the others apart,
/// a batch at a time. A record that is not valid UTF-8 is read as Windows-1252 (what
/// spreadsheets save as "CSV"); a UTF-8 byte-order mark, CRLF line ends and RFC 4180 quoting
/// are handled; blank records (no field with text) are left out.
struct CSVRecords: IteratorProtocol {
    /// A record: its fields by column name (empty ones left out) and its first line.
    struct Record {
        var fields: [String: String]
        var line: Int
    }

    /// Records parsed at a time by the CSV library.
    private static let batchSize = 256

    private var splitter: CSVRecordSplitter?
    private let header: [String]
    private var ready: [Result<Record, ImportProblem>] = []
    private var taken = 0
    private var failed = false

    /// No records.
    init() {
        splitter = nil
        header = []
    }

    /// The records of the file at `path`, whose header must name every one of `required`.
    /// - Throws: ``ImportProblem`` when the file cannot be read, has no header row, or lacks
    ///   a required column.
    init(path: String, required: [String]) throws(ImportProblem) {
        var splitter = try CSVRecordSplitter(path: path)
        var header: [String] = []
        while header.allSatisfy(\.isEmpty) {
            guard let raw = try splitter.next() else { throw ImportProblem(line: 1, reason: "the file has no header row") }
            if let problem = raw.problem { throw ImportProblem(line: raw.line, reason: "the header row is not valid CSV: \(problem)") }
            header = Self.fields(of: [raw])?.first?.map { $0.trimmingWhitespace().lowercased() } ?? []
        }
        for name in required where !header.contains(name) {
            throw ImportProblem(line: 1, reason: "the header has no \(name) column (it has: \(header.joined(separator: ", ")))")
        }
        self.splitter = splitter
        self.header = header
    }

    mutating func next() -> Result<Record, ImportProblem>? {
        while taken == ready.count {
            guard !failed, splitter != nil else { return nil }
            fill()
        }
        defer { taken += 1 }
        return ready[taken]
    }

    /// Reads the next batch of records into `ready`.
    private mutating func fill() {
        ready.removeAll(keepingCapacity: true)
        taken = 0
        var batch: [CSVRecordSplitter.RawRecord] = []
        do throws(ImportProblem) {
            while batch.count + ready.count < Self.batchSize, let raw = try splitter?.next() {
                guard let problem = raw.problem else {
                    batch.append(raw)
                    continue
                }
                appendRecords(of: batch)
                batch.removeAll()
                ready.append(.failure(ImportProblem(line: raw.line, reason: "malformed CSV: \(problem)")))
            }
            if batch.isEmpty, ready.isEmpty { splitter = nil }
            appendRecords(of: batch)
        } catch {
            appendRecords(of: batch)
            ready.append(.failure(error))
            failed = true
        }
    }

    /// Appends the records of `batch` (well-formed ones) to `ready`, blank ones left out.
    private mutating func appendRecords(of batch: [CSVRecordSplitter.RawRecord]) {
        guard !batch.isEmpty else { return }
        let rows = Self.fields(of: batch) ?? batch.map { Self.fields(of: [$0])?.first ?? [] }
        for (raw, row) in zip(batch, rows) {
            var fields: [String: String] = [:]
            for (name, value) in zip(header, row) where fields[name] == nil {
                let value = value.trimmingWhitespace()
                if !value.isEmpty { fields[name] = value }
            }
            if !fields.isEmpty { ready.append(.success(Record(fields: fields, line: raw.line))) }
        }
    }

    /// The fields of each record of `batch`, taken apart by the CSV library; `nil` when it does
    /// not find one row per record.
    private static func fields(of batch: [CSVRecordSplitter.RawRecord]) -> [[String]]? {
        var text = ""
        for raw in batch { text += decode(raw.bytes) }
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false) else { return nil }
        var rows: [[String]] = []
        rows.reserveCapacity(batch.count)
        while let row = reader.next() { rows.append(row) }
        return rows.count == batch.count ? rows : nil
    }

    /// A record's text: UTF-8, or Windows-1252 when its bytes are not valid UTF-8.
    private static func decode(_ bytes: [UInt8]) -> String {
        String(bytes: bytes, encoding: .utf8) ?? TextDecoding.decodeWindows1252(bytes)
    }
}
