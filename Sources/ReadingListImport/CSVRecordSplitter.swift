import Foundation
import ReadingListModel

/// Cuts a CSV file into its records, reading it in chunks: it follows the quotes of RFC 4180
/// to find where each record ends, without taking fields apart (the CSV library does that),
/// and it tells the records whose quoting is broken, so that one bad record is skipped alone
/// and never swallows the records after it:
/// - text after a field's closing quote (`"a" b,…`) breaks the record, which ends at the end
///   of its line;
/// - a quoted field that is never closed (or runs past ``maxRecordBytes``) breaks the record,
///   which is then its first line only: reading starts again on the next line.
struct CSVRecordSplitter {
    /// A record as it stands in the file.
    struct RawRecord {
        /// Its bytes, line end included (empty for a broken record).
        var bytes: [UInt8]
        /// The line it starts on (1-based).
        var line: Int
        /// Why its quoting is broken, or `nil`.
        var problem: String?
    }

    /// The longest record read; a longer one is taken for a quote never closed.
    static let maxRecordBytes = 8 << 20

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    private let file: FileHandle
    private let chunkSize: Int
    private var chunk: [UInt8] = []
    private var position = 0
    /// The file offset of `chunk[0]`.
    private var chunkOffset: UInt64 = 0
    private var atEnd = false
    /// The line the next record starts on.
    private var line = 1
    private var previousWasCR = false
    private var startOfFile = true

    /// A splitter of the file at `path`.
    /// - Throws: ``ImportProblem`` (line 0) when it cannot be opened.
    init(path: String, chunkSize: Int = 1 << 16) throws(ImportProblem) {
        guard let file = FileHandle(forReadingAtPath: path) else { throw ImportProblem(line: 0, reason: "cannot read the file") }
        self.file = file
        self.chunkSize = max(4, chunkSize)
    }

    /// The next record, or `nil` at the end of the file.
    /// - Throws: ``ImportProblem`` when the file cannot be read.
    mutating func next() throws(ImportProblem) -> RawRecord? {
        let start = line
        var bytes: [UInt8] = []
        var state = State.fieldStart
        var problem: String?
        /// Where reading starts again if a quote is never closed: after the first line end.
        var afterFirstLine: UInt64?
        var segment = position
        while true {
            if position == chunk.count {
                bytes.append(contentsOf: chunk[segment..<position])
                try refill()
                segment = position
                if atEnd { break }
            }
            let byte = chunk[position]
            position += 1
            if startOfFile {
                startOfFile = false
                // A UTF-8 byte-order mark is no part of the first field.
                if byte == 0xEF, try skipByteOrderMark() {
                    segment = position
                    continue
                }
            }
            let wasCR = previousWasCR
            previousWasCR = byte == Self.cr
            // The LF of a CRLF that ended the previous record.
            if byte == Self.lf, wasCR, state == .fieldStart, bytes.isEmpty, position - 1 == segment {
                segment = position
                continue
            }
            let lineEnd = byte == Self.cr || (byte == Self.lf && !wasCR)
            if lineEnd { line += 1 }
            if byte == Self.lf, wasCR, afterFirstLine == chunkOffset + UInt64(position - 1) {
                afterFirstLine = chunkOffset + UInt64(position)
            }
            if lineEnd, afterFirstLine == nil { afterFirstLine = chunkOffset + UInt64(position) }
            switch state {
            case .fieldStart, .unquoted:
                if byte == Self.cr || byte == Self.lf {
                    bytes.append(contentsOf: chunk[segment..<position])
                    return RawRecord(bytes: problem == nil ? bytes : [], line: start, problem: problem)
                }
                state = byte == Self.comma ? .fieldStart : (state == .fieldStart && byte == Self.quote ? .quoted : .unquoted)
            case .quoted:
                if byte == Self.quote { state = .quoteInQuoted }
            case .quoteInQuoted:
                switch byte {
                case Self.quote: state = .quoted
                case Self.comma: state = .fieldStart
                case Self.cr, Self.lf:
                    bytes.append(contentsOf: chunk[segment..<position])
                    return RawRecord(bytes: problem == nil ? bytes : [], line: start, problem: problem)
                default:
                    // A quote closed on a later line may be the next record's opening quote:
                    // the record is its first line, and the lines after it are read again.
                    if let afterFirstLine {
                        return try restart(at: afterFirstLine, line: start + 1, reporting: RawRecord(
                            bytes: [], line: start,
                            problem: "a quoted field opened on this line is not closed right (text follows a quote on a later line)"))
                    }
                    problem = problem ?? "text follows a field's closing quote (a quote inside a quoted field is written twice: \"\")"
                    state = .unquoted
                }
            }
            if state == .quoted, bytes.count + (position - segment) > Self.maxRecordBytes { break }
        }
        if state == .quoted {
            // Never closed: the record is its first line; the lines after it are read again.
            let broken = RawRecord(bytes: [], line: start, problem: "a quoted field opened on this line is never closed")
            if let afterFirstLine { return try restart(at: afterFirstLine, line: start + 1, reporting: broken) }
            // A first line longer than the limit: reading goes on after it.
            if !atEnd { try skipPastLineEnd() }
            return broken
        }
        guard !bytes.isEmpty || problem != nil else { return nil }
        return RawRecord(bytes: problem == nil ? bytes : [], line: start, problem: problem)
    }

    /// Goes back to `offset`, where `line` starts, and returns `record`.
    private mutating func restart(at offset: UInt64, line: Int, reporting record: RawRecord) throws(ImportProblem) -> RawRecord {
        try seek(to: offset)
        self.line = line
        return record
    }

    /// Skips the bytes up to and with the next line end (CR, LF or CRLF).
    private mutating func skipPastLineEnd() throws(ImportProblem) {
        while true {
            if position == chunk.count {
                try refill()
                if atEnd { return }
            }
            let byte = chunk[position]
            position += 1
            if byte == Self.lf || byte == Self.cr {
                line += 1
                previousWasCR = byte == Self.cr
                return
            }
        }
    }

    /// Reads the next chunk; at the end of the file, sets `atEnd`.
    private mutating func refill() throws(ImportProblem) {
        chunkOffset += UInt64(chunk.count)
        do {
            chunk = [UInt8](try file.read(upToCount: chunkSize) ?? Data())
        } catch {
            throw ImportProblem(line: line, reason: "the file could not be read to its end (\(error.localizedDescription))")
        }
        position = 0
        atEnd = chunk.isEmpty
    }

    /// Goes back (or on) to `offset` in the file.
    private mutating func seek(to offset: UInt64) throws(ImportProblem) {
        do {
            try file.seek(toOffset: offset)
        } catch {
            throw ImportProblem(line: line, reason: "the file could not be read again (\(error.localizedDescription))")
        }
        chunk = []
        position = 0
        chunkOffset = offset
        atEnd = false
        previousWasCR = false
    }

    /// Skips the rest of a UTF-8 byte-order mark whose first byte was just read.
    /// - Returns: whether the file starts with one.
    private mutating func skipByteOrderMark() throws(ImportProblem) -> Bool {
        // The mark's three bytes are in the first chunk unless the file is shorter.
        guard chunk.count >= 3, chunk[1] == 0xBB, chunk[2] == 0xBF, position == 1 else { return false }
        position = 3
        return true
    }
}
