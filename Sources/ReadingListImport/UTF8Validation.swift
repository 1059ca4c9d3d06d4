/// Checks that bytes read piece by piece are well-formed UTF-8 (The Unicode Standard, table
/// 3-7): no stray continuation bytes, no overlong forms, no surrogates, nothing past U+10FFFF.
struct UTF8Validation {
    /// Whether every byte so far belongs to a well-formed sequence (the last one may be
    /// unfinished).
    private(set) var isValid = true
    /// Continuation bytes still expected by the sequence in progress.
    private var expected = 0
    /// The bounds of the next continuation byte (narrower after E0, ED, F0 and F4).
    private var lowest: UInt8 = 0x80
    private var highest: UInt8 = 0xBF

    /// Whether the bytes so far are well-formed UTF-8 and end with a whole character.
    var isComplete: Bool { isValid && expected == 0 }

    /// Checks the next bytes.
    mutating func consume(_ bytes: some Sequence<UInt8>) {
        guard isValid else { return }
        for byte in bytes {
            if expected > 0 {
                guard byte >= lowest, byte <= highest else {
                    isValid = false
                    return
                }
                (lowest, highest) = (0x80, 0xBF)
                expected -= 1
                continue
            }
            switch byte {
            case 0x00...0x7F: continue
            case 0xC2...0xDF: expected = 1
            case 0xE0: (expected, lowest) = (2, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: expected = 2
            case 0xED: (expected, highest) = (2, 0x9F)
            case 0xF0: (expected, lowest) = (3, 0x90)
            case 0xF1...0xF3: expected = 3
            case 0xF4: (expected, highest) = (3, 0x8F)
            default:
                isValid = false
                return
            }
        }
    }
}
