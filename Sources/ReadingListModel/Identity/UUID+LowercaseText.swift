package import Foundation

extension UUID {
    /// The textual form every id takes in the library and on the wire (SPEC.md §2): 8-4-4-4-12
    /// lowercase hexadecimal digits. The same as `uuidString.lowercased()`, written directly:
    /// Foundation formats `uuidString` with `snprintf`, thousands of instructions per id, and a
    /// save formats an id for each article and tag it writes.
    package var lowercaseText: String {
        withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { text in
                let digits: (UInt8) -> UInt8 = { $0 < 10 ? $0 + UInt8(ascii: "0") : $0 - 10 + UInt8(ascii: "a") }
                var position = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    text[position] = digits(byte >> 4)
                    text[position + 1] = digits(byte & 0x0F)
                    position += 2
                }
                return position
            }
        }
    }
}
