import ReadingListModel

/// Text as a Netscape bookmark file holds it: on one line, HTML-escaped.
enum HTMLText {
    /// `text` with every run of white space (line breaks included) collapsed to one space,
    /// trimmed, other control characters dropped, and `&`, `<`, `>` and `"` written as
    /// character references, so it is safe both as element text and in a double-quoted attribute.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.collapsingWhitespace().unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default:
                // C0 and C1 controls and DEL are not allowed in HTML text.
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
