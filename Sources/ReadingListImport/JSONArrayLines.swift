import Foundation

/// The lines on which the elements of a JSON array start, found by a scan of its bytes (strings
/// and nesting followed, nothing decoded), so that a problem with an element can name its line.
enum JSONArrayLines {
    /// The 1-based line of each element of the top-level array in `data`, in order; empty when
    /// the data is not an array. Malformed JSON gives lines up to where it breaks.
    static func of(_ data: Data) -> [Int] {
        var lines: [Int] = []
        var line = 1
        var depth = 0
        var inString = false
        var escaped = false
        var awaitingElement = false
        var sawArray = false
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        for byte in data.starts(with: bom) ? data.dropFirst(3) : data[...] {
            if byte == 0x0A { line += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    inString = false
                }
                continue
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            if depth == 0 {
                guard byte == 0x5B, !sawArray else { return lines }
                sawArray = true
                depth = 1
                awaitingElement = true
                continue
            }
            if depth == 1 {
                if byte == 0x2C {
                    awaitingElement = true
                    continue
                }
                if byte == 0x5D {
                    depth = 0
                    continue
                }
                if awaitingElement {
                    lines.append(line)
                    awaitingElement = false
                }
            }
            switch byte {
            case 0x22: inString = true
            case 0x5B, 0x7B: depth += 1
            case 0x5D, 0x7D: depth -= 1
            default: break
            }
        }
        return lines
    }
}
