/// Finds a PDF's title without a PDF library: the `/Title` string of the document information
/// dictionary, else the `dc:title` of its XMP metadata, when either is stored uncompressed.
enum PDFTitleScanner {
    /// The title, whitespace collapsed, or `nil` when none is readable.
    static func title(of bytes: [UInt8]) -> String? {
        if let title = informationTitle(in: bytes) ?? xmpTitle(in: bytes) {
            let cleaned = title.collapsingWhitespace()
            return cleaned.isEmpty ? nil : cleaned
        }
        return nil
    }

    /// The last `/Title` string: incremental updates append newer dictionaries at the end.
    private static func informationTitle(in bytes: [UInt8]) -> String? {
        let key = Array("/Title".utf8)
        var found: String?
        var index = 0
        while let start = firstIndex(of: key, in: bytes, from: index) {
            index = start + key.count
            var cursor = index
            while cursor < bytes.count, [0x20, 0x0A, 0x0D, 0x09, 0x0C].contains(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count else { break }
            if bytes[cursor] == UInt8(ascii: "("), let string = literalString(in: bytes, from: cursor + 1) {
                found = decodeTextString(string)
            } else if bytes[cursor] == UInt8(ascii: "<"), cursor + 1 < bytes.count, bytes[cursor + 1] != UInt8(ascii: "<"),
                      let string = hexString(in: bytes, from: cursor + 1) {
                found = decodeTextString(string)
            }
        }
        return found.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A literal string's bytes from just after its `(`: nested parentheses and escapes.
    private static func literalString(in bytes: [UInt8], from start: Int) -> [UInt8]? {
        var result: [UInt8] = []
        var depth = 0
        var index = start
        while index < bytes.count, result.count < 4096 {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { return nil }
                let escaped = bytes[index]
                switch escaped {
                case UInt8(ascii: "n"): result.append(0x0A)
                case UInt8(ascii: "r"): result.append(0x0D)
                case UInt8(ascii: "t"): result.append(0x09)
                case UInt8(ascii: "b"): result.append(0x08)
                case UInt8(ascii: "f"): result.append(0x0C)
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    var value = Int(escaped - UInt8(ascii: "0"))
                    var digits = 1
                    while digits < 3, index + 1 < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[index + 1]) {
                        index += 1
                        digits += 1
                        value = value * 8 + Int(bytes[index] - UInt8(ascii: "0"))
                    }
                    result.append(UInt8(truncatingIfNeeded: value))
                case 0x0A, 0x0D:
                    break  // a line continuation
                default:
                    result.append(escaped)
                }
            case UInt8(ascii: "("):
                depth += 1
                result.append(byte)
            case UInt8(ascii: ")"):
                if depth == 0 { return result }
                depth -= 1
                result.append(byte)
            default:
                result.append(byte)
            }
            index += 1
        }
        return nil
    }

    /// A hex string's bytes from just after its `<`.
    private static func hexString(in bytes: [UInt8], from start: Int) -> [UInt8]? {
        var digits: [UInt8] = []
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: ">"), digits.count < 8192 {
            if let value = hexValue(bytes[index]) { digits.append(value) }
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { return nil }
        if digits.count % 2 == 1 { digits.append(0) }
        return stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// A PDF text string: UTF-16BE after a byte order mark, UTF-8 after its mark, else
    /// PDFDocEncoding (read as Windows-1252, which agrees on the letters titles use).
    private static func decodeTextString(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xFE, 0xFF]) { return TextDecoding.decodeUTF16(bytes.dropFirst(2)[...], bigEndian: true) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return TextDecoding.decodeUTF8(bytes.dropFirst(3)) }
        return TextDecoding.decodeWindows1252(bytes)
    }

    /// The first `<rdf:li>` inside `<dc:title>` of XMP metadata (XML, UTF-8).
    private static func xmpTitle(in bytes: [UInt8]) -> String? {
        guard let titleStart = firstIndex(of: Array("<dc:title".utf8), in: bytes, from: 0),
              let itemStart = firstIndex(of: Array("<rdf:li".utf8), in: bytes, from: titleStart),
              let textStart = bytes[itemStart...].firstIndex(of: UInt8(ascii: ">")).map({ $0 + 1 }),
              let textEnd = firstIndex(of: Array("</rdf:li>".utf8), in: bytes, from: textStart),
              textEnd - textStart < 4096
        else { return nil }
        let text = TextDecoding.decodeUTF8(bytes[textStart..<textEnd])
        return ResidualEntityDecoder.decode(text)
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start >= 0, haystack.count >= needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
