import Foundation

/// A strict reader of one JSON text (RFC 8259) in UTF-8 bytes, value by value, for the sync
/// messages too large for `JSONDecoder`'s `Codable` path (a page of 10,000 field changes).
///
/// It accepts exactly what Python's `json.loads` does in the reference implementation
/// (`tools/sync_reference.py`), less what the protocol refuses: no `NaN` or `Infinity`, no
/// repeated key in an object (``ObjectKeys``), no lone surrogate in a string, nothing but white
/// space after the value. Every error is a ``SyncFailure`` `bad_message` naming the byte offset.
struct JSONByteReader {
    /// Containers nested deeper than this are refused.
    static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte.
    private(set) var offset = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Calls `body` with the bytes of `data`.
    static func withBytes<Result>(
        of data: Data, _ body: (UnsafeBufferPointer<UInt8>) throws(SyncFailure) -> Result
    ) throws(SyncFailure) -> Result {
        var outcome: Swift.Result<Result, SyncFailure>?
        data.withUnsafeBytes { raw in
            outcome = Swift.Result { () throws(SyncFailure) in try body(raw.bindMemory(to: UInt8.self)) }
        }
        guard let outcome else { preconditionFailure("withUnsafeBytes did not call its body") }
        return try outcome.get()
    }

    /// What a value starts with.
    enum Kind {
        case object, array, string, number, `true`, `false`, null
    }

    // MARK: - Structure

    /// The kind of the next value, after skipping white space; fails at the end of the input
    /// or on a byte no value starts with.
    mutating func peekKind() throws(SyncFailure) -> Kind {
        skipWhitespace()
        guard offset < bytes.count else { throw failure("the message ends where a value was expected") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"): return .true
        case UInt8(ascii: "f"): return .false
        case UInt8(ascii: "n"): return .null
        default: throw failure("unexpected character \(Self.describe(bytes[offset]))")
        }
    }

    /// Reads an object member by member: `body` gets each key and must read its value.
    mutating func readObject(_ body: (inout JSONByteReader, String) throws(SyncFailure) -> Void) throws(SyncFailure) {
        try readObject(depth: 1, body)
    }

    private mutating func readObject(
        depth: Int, _ body: (inout JSONByteReader, String) throws(SyncFailure) -> Void
    ) throws(SyncFailure) {
        guard depth <= Self.maximumDepth else { throw failure("values are nested too deeply") }
        try expect(UInt8(ascii: "{"))
        var keys = ObjectKeys()
        skipWhitespace()
        if peekByte() == UInt8(ascii: "}") {
            offset += 1
            return
        }
        while true {
            skipWhitespace()
            guard peekByte() == UInt8(ascii: "\"") else { throw failure("an object key must be a string") }
            let key = try readString()
            guard keys.insert(key) else { throw failure("an object repeats the key \"\(key)\"") }
            try expect(UInt8(ascii: ":"))
            try body(&self, key)
            skipWhitespace()
            switch nextByte() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "}"): return
            default: throw failure("expected , or } in an object")
            }
        }
    }

    /// Reads an array element by element: `body` must read each element.
    mutating func readArray(_ body: (inout JSONByteReader) throws(SyncFailure) -> Void) throws(SyncFailure) {
        try expect(UInt8(ascii: "["))
        skipWhitespace()
        if peekByte() == UInt8(ascii: "]") {
            offset += 1
            return
        }
        while true {
            try body(&self)
            skipWhitespace()
            switch nextByte() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "]"): return
            default: throw failure("expected , or ] in an array")
            }
        }
    }

    /// Reads any value and drops it (checking its syntax).
    mutating func skipValue() throws(SyncFailure) {
        try skipValue(depth: 1)
    }

    private mutating func skipValue(depth: Int) throws(SyncFailure) {
        guard depth <= Self.maximumDepth else { throw failure("values are nested too deeply") }
        switch try peekKind() {
        case .object: try readObject(depth: depth) { reader, _ throws(SyncFailure) in try reader.skipValue(depth: depth + 1) }
        case .array: try readArray { reader throws(SyncFailure) in try reader.skipValue(depth: depth + 1) }
        case .string: _ = try readString()
        case .number: _ = try readNumber()
        case .true, .false: _ = try readBool()
        case .null: try readNull()
        }
    }

    /// Fails unless only white space is left.
    mutating func expectEnd() throws(SyncFailure) {
        skipWhitespace()
        guard offset == bytes.count else { throw failure("more text follows the message") }
    }

    // MARK: - Scalars

    /// Reads a string, decoding its escapes.
    mutating func readString() throws(SyncFailure) -> String {
        try expect(UInt8(ascii: "\""))
        let start = offset
        // The common case: no escapes; the bytes are taken as they are, once checked.
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let text = try decodeUTF8(UnsafeBufferPointer(rebasing: bytes[start..<offset]))
                offset += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw failure("a string holds the control character \(Self.describe(byte))") }
            offset += 1
        }
        var decoded = Array(bytes[start..<offset])
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try decoded.withUnsafeBufferPointer { buffer throws(SyncFailure) in try decodeUTF8(buffer) }
            case UInt8(ascii: "\\"):
                try readEscape(into: &decoded)
            case ..<0x20:
                throw failure("a string holds the control character \(Self.describe(byte))")
            default:
                decoded.append(byte)
            }
        }
        throw failure("a string is not closed")
    }

    /// Reads an integer written without a fraction or exponent (as the protocol's integers are);
    /// `nil` for a number that has either, or does not fit 64 bits.
    mutating func readNumber() throws(SyncFailure) -> Int64? {
        skipWhitespace()
        let start = offset
        if peekByte() == UInt8(ascii: "-") { offset += 1 }
        guard let first = peekByte(), Self.isDigit(first) else { throw failure("a number has no digits") }
        offset += 1
        if first != UInt8(ascii: "0") {
            while let byte = peekByte(), Self.isDigit(byte) { offset += 1 }
        }
        var integral = true
        if peekByte() == UInt8(ascii: ".") {
            integral = false
            offset += 1
            try readDigits()
        }
        if let byte = peekByte(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            integral = false
            offset += 1
            if let sign = peekByte(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { offset += 1 }
            try readDigits()
        }
        guard integral else { return nil }
        var value: Int64 = 0
        let negative = bytes[start] == UInt8(ascii: "-")
        for byte in bytes[(negative ? start + 1 : start)..<offset] {
            let digit = Int64(byte - UInt8(ascii: "0"))
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowAdding) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            if overflow || overflowAdding { return nil }
            value = next
        }
        return value
    }

    /// Reads `true` or `false`.
    mutating func readBool() throws(SyncFailure) -> Bool {
        if try readLiteral("true") { return true }
        if try readLiteral("false") { return false }
        throw failure("unexpected characters where true or false was expected")
    }

    /// Reads `null`.
    mutating func readNull() throws(SyncFailure) {
        guard try readLiteral("null") else { throw failure("unexpected characters where null was expected") }
    }

    // MARK: - Failures

    /// `bad_message` naming where in the message it went wrong.
    func failure(_ reason: String) -> SyncFailure {
        SyncFailure(.badMessage, "Malformed message: not valid JSON at byte \(offset + 1): \(reason).")
    }

    static func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "\"\(Character(Unicode.Scalar(byte)))\"" : "0x" + String(byte, radix: 16, uppercase: true)
    }

    // MARK: - Bytes

    private mutating func readLiteral(_ literal: StaticString) throws(SyncFailure) -> Bool {
        skipWhitespace()
        let count = literal.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        for index in 0..<count where bytes[offset + index] != literal.utf8Start[index] { return false }
        offset += count
        if let next = peekByte(), !Self.endsToken(next) { throw failure("unexpected characters after \(literal)") }
        return true
    }

    private mutating func readDigits() throws(SyncFailure) {
        guard let byte = peekByte(), Self.isDigit(byte) else { throw failure("a number has no digits after . or e") }
        while let byte = peekByte(), Self.isDigit(byte) { offset += 1 }
    }

    private mutating func readEscape(into decoded: inout [UInt8]) throws(SyncFailure) {
        guard let byte = nextByte() else { throw failure("a string is not closed") }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(byte)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = UInt32(try readHex4())
            if (0xD800...0xDBFF).contains(scalar) {
                guard nextByte() == UInt8(ascii: "\\"), nextByte() == UInt8(ascii: "u") else {
                    throw failure("a string holds a lone surrogate")
                }
                let low = UInt32(try readHex4())
                guard (0xDC00...0xDFFF).contains(low) else { throw failure("a string holds a lone surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw failure("a string holds a lone surrogate")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw failure("a string holds an invalid escape") }
            decoded.append(contentsOf: String(Character(unicode)).utf8)
        default:
            throw failure("a string holds the invalid escape \\\(Character(Unicode.Scalar(byte)))")
        }
    }

    private mutating func readHex4() throws(SyncFailure) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard let byte = nextByte() else { throw failure("a string is not closed") }
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("a \\u escape needs four hex digits")
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    private func decodeUTF8(_ buffer: UnsafeBufferPointer<UInt8>) throws(SyncFailure) -> String {
        guard let text = String(validating: buffer, as: UTF8.self) else { throw failure("a string is not valid UTF-8") }
        return text
    }

    private mutating func expect(_ byte: UInt8) throws(SyncFailure) {
        skipWhitespace()
        guard let next = nextByte() else { throw failure("the message ends where \(Self.describe(byte)) was expected") }
        guard next == byte else { throw failure("expected \(Self.describe(byte)), found \(Self.describe(next))") }
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    private func peekByte() -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    private mutating func nextByte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func endsToken(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"): true
        default: false
        }
    }
}

/// The keys of one object read so far, to refuse a repeated one; objects in sync messages have
/// a handful of keys, so a list searched in order is the cheapest set.
private struct ObjectKeys {
    private var keys: [String] = []

    /// Adds `key`; `false` if it was there already.
    mutating func insert(_ key: String) -> Bool {
        if keys.contains(key) { return false }
        keys.append(key)
        return true
    }
}
