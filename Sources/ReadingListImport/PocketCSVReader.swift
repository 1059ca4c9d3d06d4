import CSV
import Foundation
public import ReadingListModel

/// Reads Pocket's CSV export one record at a time (readitlater.md §2.1): columns found by
/// header name (`title`, `url`, `time_added`, `tags`, `status`; `cursor` and others ignored),
/// tags separated by `|`, `status` `unread` or `archive`, times in Unix seconds. RFC 4180
/// quoting, a UTF-8 byte-order mark and CRLF line ends are handled by the CSV library.
public struct PocketCSVReader: Sequence {
    private let path: String

    /// A reader of the file at `path`.
    /// - Throws: ``ImportProblem`` (line 1) when the file cannot be opened or has no `url` column.
    public init(path: String) throws(ImportProblem) {
        self.path = path
        _ = try Iterator(path: path)
    }

    public func makeIterator() -> Iterator {
        // The file was opened once in init; a failure now (it went away) ends the sequence.
        (try? Iterator(path: path)) ?? Iterator()
    }

    /// The records: an article, or a problem with the record's line.
    public struct Iterator: IteratorProtocol {
        private let reader: CSVReader?
        private let stream: InputStream?
        private let columns: [String: Int]
        /// The line the next record starts on.
        private var line = 2

        init() {
            reader = nil
            stream = nil
            columns = [:]
        }

        init(path: String) throws(ImportProblem) {
            guard let stream = InputStream(fileAtPath: path) else {
                throw ImportProblem(line: 1, reason: "cannot open \(path)")
            }
            self.stream = stream
            do {
                reader = try CSVReader(stream: stream, hasHeaderRow: true)
            } catch {
                throw ImportProblem(line: 1, reason: "not a CSV file (\(error))")
            }
            let header = (reader?.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            columns = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            guard columns["url"] != nil else {
                throw ImportProblem(line: 1, reason: "the header has no url column (it has: \(header.joined(separator: ", ")))")
            }
        }

        public mutating func next() -> Result<ImportedArticle, ImportProblem>? {
            guard let reader, let row = reader.next() else {
                // Foundation's file stream on Linux reports bytes available at its end, and the
                // CSV library then reports a failed read: that is the end of the file.
                if let error = reader?.error, stream?.streamStatus != .atEnd {
                    defer { line = Int.max }
                    return line == Int.max ? nil : .failure(ImportProblem(line: line, reason: "malformed CSV (\(error))"))
                }
                return nil
            }
            let start = line
            // A quoted field may hold line breaks: the next record starts that many lines on.
            line += 1 + row.reduce(0) { $0 + $1.reduce(0) { $1 == "\n" || $1 == "\r\n" ? $0 + 1 : $0 } }
            return Self.article(from: row, columns: columns, line: start)
        }

        private static func article(from row: [String], columns: [String: Int], line: Int) -> Result<ImportedArticle, ImportProblem> {
            func field(_ name: String) -> String? {
                guard let index = columns[name], index < row.count else { return nil }
                let value = row[index].trimmingCharacters(in: .whitespacesAndNewlines)
                return value.isEmpty ? nil : value
            }
            guard let url = field("url") else { return .failure(ImportProblem(line: line, reason: "the url is empty")) }
            var addedAt: Date?
            if let time = field("time_added") {
                guard let seconds = Int64(time), seconds > 0, seconds < 32_503_680_000 else {
                    return .failure(ImportProblem(line: line, reason: "time_added \"\(time)\" is not a Unix time in seconds"))
                }
                addedAt = Date(timeIntervalSince1970: TimeInterval(seconds))
            }
            let tags = (field("tags") ?? "").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let status = field("status")?.lowercased()
            guard status == nil || status == "unread" || status == "archive" || status == "read" else {
                return .failure(ImportProblem(line: line, reason: "status \"\(field("status") ?? "")\" is neither unread nor archive"))
            }
            let archived = status == "archive" || status == "read"
            let title = field("title").flatMap { $0 == url ? nil : $0 }
            return .success(ImportedArticle(
                draft: ArticleDraft(source: .url(url), headline: title, tags: tags, addedAt: addedAt),
                isRead: archived, isArchived: archived, line: line))
        }
    }
}
