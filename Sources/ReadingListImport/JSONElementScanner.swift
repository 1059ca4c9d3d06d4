import Foundation
import ReadingListModel

/// The elements of a JSON array in a file, read in chunks: the raw bytes of one element at a
/// time, with the line it starts on, so a file of any size is read in memory bounded by the
/// chunk size and the largest element.
///
/// The array is the file's top-level value, or (with a `key`) the value of that member of the
/// top-level object, such as `"articles"` in readlist's export; the object's other members are
/// skipped, and those with scalar values (strings, numbers, `true`, `false`, `null`) are kept
/// in ``members`` as raw JSON.
///
/// The scanner checks only what it relies on: strings and their escapes, brackets that close
/// what they opened, commas between elements, nothing after the end. Each element's own syntax
/// is left to the decoder that reads it. A syntax error ends the scan with one problem naming
/// the line; an element larger than ``maximumElementBytes`` is reported and passed over.
struct JSONElementScanner {
    /// One element of the array: its raw bytes, where it starts, and its position.
    struct Element {
        /// The element's JSON text (UTF-8), from its first byte to its last.
        var bytes: Data
        /// The line its first byte is on (1-based).
        var line: Int
        /// Its position in the array (0-based).
        var index: Int
    }

    /// Elements nested deeper than this are refused (JSONDecoder refuses them too).
    static let maximumDepth = 512
    /// The size of the chunks read from the file.
    static let defaultChunkSize = 65_536
    /// Elements larger than this are reported and passed over rather than held in memory.
    static let defaultMaximumElementBytes = 128 << 20

    /// Where the scan stands between two elements.
    private enum Phase {
        /// After the array's `[`: an element or `]`.
        case first
        /// After an element: `,` or `]`.
        case afterElement
        /// After a `,`: an element.
        case afterComma
        /// The scan is over (the end was reached, or a problem was reported).
        case finished
    }

    /// The member of the top-level object whose array is scanned, or `nil` for a top-level array.
    let key: String?
    /// Whether elements are kept (`false` only checks the file and collects ``members``).
    let keepsElements: Bool
    let maximumElementBytes: Int
    private let handle: FileHandle
    private let chunkSize: Int

    private var buffer: [UInt8] = []
    private var position = 0
    /// The bytes of the file before `buffer`.
    private var bytesBeforeBuffer = 0
    private var endOfFile = false
    /// The line of the next byte.
    private(set) var line = 1
    /// The bytes of the element being read that came from earlier chunks.
    private var captured: [UInt8] = []
    /// Where the element being read starts in `buffer`, while one is read and kept.
    private var captureStart: Int?
    /// Set when the element being read outgrew ``maximumElementBytes`` and is no longer kept.
    private var tooLarge = false
    private var phase = Phase.first
    private var nextIndex = 0

    /// The top-level object's members with scalar values, as raw JSON, by name (with a `key`).
    /// Complete once the scan is over.
    private(set) var members: [String: Data] = [:]
    /// The most bytes held at once (the chunk plus the element being read), for tests.
    private(set) var peakBytesHeld = 0

    /// How many bytes of the file the scan has gone through; the file's size once it is over.
    var bytesRead: Int { bytesBeforeBuffer + position }

    /// Opens the file at `path` and reads up to the array's first element.
    /// - Throws: ``ImportProblem`` when the file cannot be opened, is empty, is not UTF-8 JSON,
    ///   or does not hold the array where it should (naming the line).
    init(
        path: String, key: String? = nil, keepingElements: Bool = true, chunkSize: Int = defaultChunkSize,
        maximumElementBytes: Int = defaultMaximumElementBytes
    ) throws(ImportProblem) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportProblem(line: 0, reason: "cannot open \(path)")
        }
        self.handle = handle
        self.key = key
        self.keepsElements = keepingElements
        self.chunkSize = max(1, chunkSize)
        self.maximumElementBytes = maximumElementBytes
        try openArray()
    }

    // MARK: Elements

    /// The next element, a problem, or `nil` at the end.
    mutating func next() -> Result<Element, ImportProblem>? {
        while true {
            switch phase {
            case .finished:
                return nil
            case .first, .afterComma:
                guard let byte = skipWhitespace() else {
                    return finish(problem: "the file ends inside the list (is it truncated?)")
                }
                if byte == UInt8(ascii: "]") {
                    if phase == .afterComma { return finish(problem: "a comma stands before the list's closing ]") }
                    position += 1
                    if let problem = closeArray() { return finish(problem) }
                    phase = .finished
                    return nil
                }
                let start = line
                let index = nextIndex
                nextIndex += 1
                switch readElement() {
                case .failure(let problem):
                    return finish(problem)
                case .success(let bytes):
                    phase = .afterElement
                    guard let bytes else {
                        if keepsElements {
                            return .failure(ImportProblem(
                                line: start, reason: "the record is larger than \(Self.size(maximumElementBytes)); it was skipped"))
                        }
                        continue
                    }
                    return .success(Element(bytes: bytes, line: start, index: index))
                }
            case .afterElement:
                guard let byte = skipWhitespace() else {
                    return finish(problem: "the file ends inside the list (is it truncated?)")
                }
                position += 1
                switch byte {
                case UInt8(ascii: ","): phase = .afterComma
                case UInt8(ascii: "]"):
                    if let problem = closeArray() { return finish(problem) }
                    phase = .finished
                    return nil
                default:
                    return finish(problem: "expected a comma or ] after the record, found \(Self.describe(byte))")
                }
            }
        }
    }

    /// Reads the rest of the file, checking its syntax (and collecting ``members``), without
    /// returning elements.
    /// - Throws: the first syntax problem, naming its line.
    mutating func scanToEnd() throws(ImportProblem) {
        while let event = next() {
            if case .failure(let problem) = event { throw problem }
        }
    }

    /// Ends the scan with `problem`.
    private mutating func finish(_ problem: ImportProblem) -> Result<Element, ImportProblem> {
        phase = .finished
        captured = []
        captureStart = nil
        return .failure(problem)
    }

    private mutating func finish(problem reason: String) -> Result<Element, ImportProblem> {
        finish(problem(reason))
    }

    /// A problem on the current line.
    private func problem(_ reason: String) -> ImportProblem { ImportProblem(line: line, reason: reason) }

    private static let endsInsideObject = "the file ends inside the top-level object (is it truncated?)"

    /// Reads one value at the current position (its first byte not yet consumed).
    /// - Returns: its bytes; `nil` when elements are not kept or this one is too large; or a
    ///   syntax problem.
    private mutating func readElement() -> Result<Data?, ImportProblem> {
        if keepsElements { beginCapture() }
        if let problem = skipValue() {
            endCapture()
            return .failure(problem)
        }
        return .success(keepsElements ? endCapture() : nil)
    }

    // MARK: The enclosing structure

    /// Reads the file's start up to the array's `[`: a top-level array, or the member `key` of
    /// a top-level object (members before it skipped).
    private mutating func openArray() throws(ImportProblem) {
        if let bom = peekBytes(3), bom == [0xEF, 0xBB, 0xBF] { position += 3 }
        if let bom = peekBytes(2), bom == [0xFF, 0xFE] || bom == [0xFE, 0xFF] {
            throw ImportProblem(line: 1, reason: "the file is in UTF-16; save it as UTF-8 and import it again")
        }
        guard let first = skipWhitespace() else { throw ImportProblem(line: 0, reason: "the file is empty") }
        guard let key else {
            guard first == UInt8(ascii: "[") else {
                throw problem("the file is not a JSON list: it starts with \(Self.describe(first)), not [")
            }
            position += 1
            return
        }
        guard first == UInt8(ascii: "{") else {
            throw problem("the file is not a JSON object: it starts with \(Self.describe(first)), not {")
        }
        position += 1
        var firstMember = true
        while true {
            let name: String
            switch readMemberName(first: firstMember) {
            case .failure(let problem): throw problem
            case .success(nil): throw problem("the file has no \"\(key)\" list")
            case .success(let found?): name = found
            }
            firstMember = false
            if name == key {
                guard let byte = skipWhitespace() else { throw problem("the file ends after \"\(key)\": (is it truncated?)") }
                guard byte == UInt8(ascii: "[") else {
                    throw problem("\"\(key)\" is not a list: it starts with \(Self.describe(byte))")
                }
                position += 1
                return
            }
            if let problem = skipMemberValue(named: name) { throw problem }
        }
    }

    /// After the array's `]`: the rest of the top-level object, then nothing but white space.
    /// - Returns: a problem, if any.
    private mutating func closeArray() -> ImportProblem? {
        if key != nil {
            while true {
                switch readMemberName(first: false) {
                case .failure(let problem): return problem
                case .success(nil): return checkEnd()
                case .success(let name?):
                    if let problem = skipMemberValue(named: name) { return problem }
                }
            }
        }
        return checkEnd()
    }

    /// Nothing but white space may follow the top-level value.
    private mutating func checkEnd() -> ImportProblem? {
        guard let byte = skipWhitespace() else { return nil }
        return problem("unexpected \(Self.describe(byte)) after the end of the JSON data")
    }

    /// The name of the next member of the top-level object, or `nil` at its closing `}`.
    /// Consumes the name and the colon after it, or the comma before it (unless `first`).
    private mutating func readMemberName(first: Bool) -> Result<String?, ImportProblem> {
        guard var byte = skipWhitespace() else { return .failure(problem(Self.endsInsideObject)) }
        if byte == UInt8(ascii: "}") {
            position += 1
            return .success(nil)
        }
        if !first {
            guard byte == UInt8(ascii: ",") else {
                return .failure(problem("expected a comma or } in the top-level object, found \(Self.describe(byte))"))
            }
            position += 1
            guard let after = skipWhitespace() else { return .failure(problem(Self.endsInsideObject)) }
            byte = after
        }
        guard byte == UInt8(ascii: "\"") else {
            return .failure(
                problem("expected a member name in quotes in the top-level object, found \(Self.describe(byte))"))
        }
        beginCapture()
        if let problem = skipValue() {
            endCapture()
            return .failure(problem)
        }
        guard let raw = endCapture(), let name = try? JSONDecoder().decode(String.self, from: raw) else {
            return .failure(problem("a member name of the top-level object is not a valid JSON string"))
        }
        guard let colon = skipWhitespace(), colon == UInt8(ascii: ":") else {
            return .failure(problem("expected : after \"\(name.prefix(40))\" in the top-level object"))
        }
        position += 1
        return .success(name)
    }

    /// Skips the value of the member `name` of the top-level object, keeping it in ``members``
    /// when it is a scalar of at most 4 KiB.
    private mutating func skipMemberValue(named name: String) -> ImportProblem? {
        guard let byte = skipWhitespace() else {
            return problem("the file ends after \"\(name.prefix(40))\": (is it truncated?)")
        }
        let scalar = byte != UInt8(ascii: "{") && byte != UInt8(ascii: "[")
        if scalar { beginCapture() }
        if let problem = skipValue() {
            if scalar { endCapture() }
            return problem
        }
        if scalar, let raw = endCapture(), raw.count <= 4_096 { members[name] = raw }
        return nil
    }

    // MARK: Values

    /// Skips one JSON value, its first byte not yet consumed: a string to its closing quote, an
    /// object or array to the bracket that closes it, anything else to the next delimiter.
    /// - Returns: a problem, if the value is cut short or its brackets do not match.
    private mutating func skipValue() -> ImportProblem? {
        guard let first = nextByte() else {
            return problem("the file ends where a value should start (is it truncated?)")
        }
        switch first {
        case UInt8(ascii: "\""):
            return skipString(startingOn: line)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return skipContainer(opener: first)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"):
            // A number or a literal: its syntax is the decoder's to check.
            while let byte = peekByte(), !Self.isDelimiter(byte) { position += 1 }
            return nil
        default:
            return problem("unexpected \(Self.describe(first)) where a value should start")
        }
    }

    /// Skips the rest of a string whose opening quote was consumed.
    private mutating func skipString(startingOn startLine: Int) -> ImportProblem? {
        while true {
            // Scan the chunk in place up to a quote or a backslash.
            if position < buffer.count {
                let (stop, newlines) = buffer.withUnsafeBufferPointer { [position] bytes -> (Int, Int) in
                    var index = position
                    var newlines = 0
                    while index < bytes.count {
                        let byte = bytes[index]
                        if byte == 0x22 || byte == 0x5C { break }
                        if byte == 0x0A { newlines += 1 }
                        index += 1
                    }
                    return (index, newlines)
                }
                position = stop
                line += newlines
                if position < buffer.count {
                    let byte = buffer[position]
                    position += 1
                    if byte == 0x22 { return nil }
                    // A backslash: the next byte is escaped, whatever it is.
                    guard let escaped = nextByte() else { break }
                    if escaped == 0x0A { line += 1 }
                    continue
                }
            }
            guard refill() else { break }
        }
        let reason = "the file ends inside a string that starts on line \(startLine) (is it truncated?)"
        return ImportProblem(line: startLine, reason: reason)
    }

    /// Skips the rest of an object or array whose opening bracket was consumed, checking that
    /// each bracket closes the one it should.
    private mutating func skipContainer(opener: UInt8) -> ImportProblem? {
        var closers: [UInt8] = [Self.closer(of: opener)]
        var lines: [Int] = [line]
        while let byte = nextByte() {
            switch byte {
            case 0x0A: line += 1
            case UInt8(ascii: "\""):
                if let problem = skipString(startingOn: line) { return problem }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard closers.count < Self.maximumDepth else {
                    return problem("the data is nested more than \(Self.maximumDepth) levels deep")
                }
                closers.append(Self.closer(of: byte))
                lines.append(line)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                let expected = closers.removeLast()
                let opened = lines.removeLast()
                guard byte == expected else {
                    let what = expected == UInt8(ascii: "}") ? "the object" : "the list"
                    return problem(
                        "\(Self.describe(byte)) cannot close \(what) opened on line \(opened) (expected \(Self.describe(expected)))")
                }
                if closers.isEmpty { return nil }
            default:
                break
            }
        }
        let what = closers.last == UInt8(ascii: "}") ? "an object" : "a list"
        return problem("the file ends inside \(what) opened on line \(lines.last ?? line) (is it truncated?)")
    }

    /// A number of bytes, as a message shows it.
    private static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }

    private static func closer(of opener: UInt8) -> UInt8 {
        opener == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        isWhitespace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")
            || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{")
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// A byte, as a message shows it.
    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21, byte < 0x7F { return "“\(Character(Unicode.Scalar(byte)))”" }
        return String(format: "the byte 0x%02X", byte)
    }

    // MARK: Bytes

    /// Skips white space (counting lines) and returns the next byte without consuming it.
    private mutating func skipWhitespace() -> UInt8? {
        while true {
            while position < buffer.count {
                let byte = buffer[position]
                guard Self.isWhitespace(byte) else { return byte }
                if byte == 0x0A { line += 1 }
                position += 1
            }
            guard refill() else { return nil }
        }
    }

    private mutating func nextByte() -> UInt8? {
        if position == buffer.count, !refill() { return nil }
        let byte = buffer[position]
        position += 1
        return byte
    }

    private mutating func peekByte() -> UInt8? {
        if position == buffer.count, !refill() { return nil }
        return buffer[position]
    }

    /// The next `count` bytes, without consuming them (only at the start of the file).
    private mutating func peekBytes(_ count: Int) -> [UInt8]? {
        while buffer.count - position < count, !endOfFile { _ = refill(keepingUnread: true) }
        guard buffer.count - position >= count else { return nil }
        return Array(buffer[position..<(position + count)])
    }

    /// Replaces the consumed chunk with the next one, moving the part of the element being
    /// read into `captured` first.
    /// - Returns: whether there are bytes to read.
    private mutating func refill(keepingUnread: Bool = false) -> Bool {
        guard !endOfFile else { return position < buffer.count }
        let chunk = (try? handle.read(upToCount: chunkSize)) ?? Data()
        if chunk.isEmpty {
            endOfFile = true
            return position < buffer.count
        }
        if let start = captureStart {
            if captured.count + (position - start) <= maximumElementBytes {
                captured.append(contentsOf: buffer[start..<position])
                captureStart = 0
            } else {
                captured = []
                captureStart = nil
                tooLarge = true
            }
        }
        let unread = keepingUnread ? Array(buffer[position...]) : []
        bytesBeforeBuffer += position
        buffer = unread + [UInt8](chunk)
        position = 0
        peakBytesHeld = max(peakBytesHeld, buffer.count + captured.count)
        return true
    }

    private mutating func beginCapture() {
        captured = []
        captureStart = position
        tooLarge = false
    }

    /// The bytes read since ``beginCapture()``, or `nil` when they were too many to keep.
    @discardableResult
    private mutating func endCapture() -> Data? {
        defer {
            captured = []
            captureStart = nil
        }
        guard !tooLarge, let start = captureStart else { return nil }
        guard captured.count + (position - start) <= maximumElementBytes else { return nil }
        var bytes = Data(captured)
        bytes.append(contentsOf: buffer[start..<position])
        return bytes
    }
}
