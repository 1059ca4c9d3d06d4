import CSV
import Foundation
import ReadingListModel

/// Records of a CSV file with a header row, one at a time, as fields by lowercased column
/// name, with the line each record starts on. RFC 4180 quoting, a UTF-8 byte-order mark and
/// CRLF line ends are handled by the CSV library (CSV.swift).
struct CSVRecords: IteratorProtocol {
    /// A record: its fields by column name (empty ones left out) and its first line.
    struct Record {
        var fields: [String: String]
        var line: Int
    }

    private let reader: CSVReader?
    private let stream: InputStream?
    private let header: [String]
    /// The line the next record starts on.
    private var line = 2
    private var failed = false

    /// No records.
    init() {
        reader = nil
        stream = nil
        header = []
    }

    /// The records of the file at `path`, whose header must name every one of `required`.
    init(path: String, required: [String]) throws(ImportProblem) {
        guard let stream = InputStream(fileAtPath: path) else { throw ImportProblem(line: 1, reason: "cannot open \(path)") }
        self.stream = stream
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: true)
        } catch {
            throw ImportProblem(line: 1, reason: "not a CSV file (\(error))")
        }
        header = (reader?.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for name in required where !header.contains(name) {
            throw ImportProblem(line: 1, reason: "the header has no \(name) column (it has: \(header.joined(separator: ", ")))")
        }
    }

    mutating func next() -> Result<Record, ImportProblem>? {
        guard !failed, let reader else { return nil }
        guard let row = reader.next() else {
            // Foundation's file stream on Linux reports bytes available at its end, and the CSV
            // library then reports a failed read: that is the end of the file.
            guard let error = reader.error, stream?.streamStatus != .atEnd else { return nil }
            failed = true
            return .failure(ImportProblem(line: line, reason: "malformed CSV (\(error))"))
        }
        let start = line
        // A quoted field may hold line breaks: the next record starts that many lines on.
        line += 1 + row.reduce(0) { $0 + Self.lineBreaks(in: $1) }
        var fields: [String: String] = [:]
        for (name, value) in zip(header, row) where fields[name] == nil {
            let value = value.trimmingWhitespace()
            if !value.isEmpty { fields[name] = value }
        }
        return .success(Record(fields: fields, line: start))
    }

    /// The line breaks in `text`: LF, CR, and CRLF as one.
    private static func lineBreaks(in text: String) -> Int {
        var count = 0
        var afterCR = false
        for byte in text.utf8 {
            if byte == 0x0D || (byte == 0x0A && !afterCR) { count += 1 }
            afterCR = byte == 0x0D
        }
        return count
    }
}
