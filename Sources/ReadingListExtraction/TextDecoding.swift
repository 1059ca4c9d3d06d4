/// Byte-level decoding shared by the HTML and plain-text paths: byte order marks,
/// UTF-8 validation, UTF-16 and Windows-1252. Every result is a valid Swift `String`.
package enum TextDecoding {
    /// A byte order mark at the start of a file, and its length in bytes.
    enum ByteOrderMark: Equatable {
        case utf8
        case utf16LittleEndian
        case utf16BigEndian

        var length: Int {
            switch self {
            case .utf8: 3
            case .utf16LittleEndian, .utf16BigEndian: 2
            }
        }
    }

    static func byteOrderMark(of bytes: [UInt8]) -> ByteOrderMark? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16LittleEndian }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16BigEndian }
        return nil
    }

    /// What a UTF-8 scan of some bytes found.
    struct UTF8Scan {
        var invalidSequences = 0
        var multiByteScalars = 0
        var isValid: Bool { invalidSequences == 0 }
        var isASCII: Bool { invalidSequences == 0 && multiByteScalars == 0 }
    }

    static func scanUTF8<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UTF8Scan {
        var scan = UTF8Scan()
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value >= 0x80 { scan.multiByteScalars += 1 }
            case .emptyInput:
                break loop
            case .error:
                scan.invalidSequences += 1
            }
        }
        return scan
    }

    /// UTF-8 decoding; invalid sequences become U+FFFD.
    static func decodeUTF8<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// UTF-16 decoding of the bytes after a byte order mark; unpaired surrogates become U+FFFD.
    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(bigEndian ? (first << 8 | second) : (second << 8 | first))
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Windows-1252 decoding as the WHATWG Encoding Standard defines it
    /// (which is also how browsers read ISO-8859-1 and US-ASCII labels).
    package static func decodeWindows1252<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value: UInt32
            if (0x80...0x9F).contains(byte) {
                value = UInt32(windows1252HighControls[Int(byte - 0x80)])
            } else {
                value = UInt32(byte)
            }
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// Decodes a text file: a byte order mark wins, then UTF-8 when the bytes are valid
    /// UTF-8, else Windows-1252. The byte order mark is not part of the result.
    package static func decodeText(_ bytes: [UInt8]) -> String {
        switch byteOrderMark(of: bytes) {
        case .utf8:
            return decodeUTF8(bytes.dropFirst(3))
        case .utf16LittleEndian:
            return decodeUTF16(bytes.dropFirst(2), bigEndian: false)
        case .utf16BigEndian:
            return decodeUTF16(bytes.dropFirst(2), bigEndian: true)
        case nil:
            return scanUTF8(bytes).isValid ? decodeUTF8(bytes) : decodeWindows1252(bytes)
        }
    }

    /// Code points of Windows-1252 bytes 0x80–0x9F; undefined bytes map to the C1 control of the same value.
    private static let windows1252HighControls: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
