/// Decodes character references that survive in metadata because the page encoded
/// them twice (`content="It&amp;#8217;s"` reads as `It&#8217;s` after parsing).
/// Numeric references and the most common named ones are decoded; anything else,
/// including malformed references, is left as written.
enum ResidualEntityDecoder {
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var remaining = Substring(text)
        while let ampersand = remaining.firstIndex(of: "&") {
            result += remaining[..<ampersand]
            let afterAmpersand = remaining[remaining.index(after: ampersand)...]
            guard let semicolon = afterAmpersand.prefix(12).firstIndex(of: ";"),
                  let decoded = character(forReference: afterAmpersand[..<semicolon]) else {
                result += "&"
                remaining = afterAmpersand
                continue
            }
            result += decoded
            remaining = afterAmpersand[afterAmpersand.index(after: semicolon)...]
        }
        result += remaining
        return result
    }

    private static func character(forReference reference: Substring) -> String? {
        if reference.hasPrefix("#") {
            let digits = reference.dropFirst()
            let value: UInt32?
            if digits.hasPrefix("x") || digits.hasPrefix("X") {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value, !digits.isEmpty else { return nil }
            guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
            return String(Character(scalar))
        }
        return namedReferences[String(reference)]
    }

    private static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "mdash": "—", "ndash": "–", "hellip": "…", "lsquo": "‘", "rsquo": "’",
        "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»", "copy": "©", "reg": "®",
        "trade": "™", "middot": "·", "bull": "•",
    ]
}
