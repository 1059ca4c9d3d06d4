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
        (1...4).contains(key.count)
            && key.allSatisfy { part in (1...256).contains(part.utf8.count) && part.utf8.allSatisfy { (0x21...0x7E).contains($0) } }
    }

    /// The largest magnitude of an integer value on the wire (SPEC.md §6.1): 2^53.
    package static let maxWireInteger: Int64 = 1 << 53

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
