import Foundation

extension FieldChange {
    /// Whether `name` may name an entity or a field on the wire: 1–64 ASCII letters, digits or
    /// underscores, not starting with a digit (SPEC.md §3.8).
    package static func isValidName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= 64, !isDigit(first) else { return false }
        return bytes.allSatisfy { $0 == UInt8(ascii: "_") || isDigit($0) || isLetter($0) }
    }

    /// Whether `key` may be a row key on the wire: 1–4 strings of 1–256 printable ASCII
    /// characters without spaces (SPEC.md §3.8), so that keys compare byte by byte and join
    /// unambiguously with spaces in the checksum.
    package static func isValidKey(_ key: [String]) -> Bool {
        (1...4).contains(key.count) && key.allSatisfy(isValidKeyPart)
    }

    /// Whether `part` may be one part of a row key: 1–256 printable ASCII characters without spaces.
    package static func isValidKeyPart(_ part: String) -> Bool {
        (1...256).contains(part.utf8.count) && part.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }

    /// Whether `text` holds U+0000, which no text value may (SPEC.md §6.1). Found with
    /// `memchr`: a loop over the bytes showed in decoding pages of long texts.
    package static func containsNUL(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(start, 0, bytes.count) != nil
        }
    }

    /// Whether `text` is a UUID in lowercase text form, 8-4-4-4-12 digits of 0-9 and a-f, as
    /// ids and replica ids travel (SPEC.md §2.1). Checked byte by byte: parsing with
    /// Foundation's UUID runs sscanf, which showed in syncs.
    package static func isLowercaseUUID(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count == 36 else { return false }
            for (offset, byte) in bytes.enumerated() {
                switch offset {
                case 8, 13, 18, 23: guard byte == UInt8(ascii: "-") else { return false }
                default: guard (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) else { return false }
                }
            }
            return true
        }
    }

    /// The largest magnitude of an integer value on the wire (SPEC.md §6.1): 2^53.
    package static let maxWireInteger: Int64 = 1 << 53

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
