import Foundation
import ReadingListWire

extension Date {
    /// A time written as ISO 8601, leniently: `2016-09-08T11:55:58+0200` (PHP's `DATE_ISO8601`,
    /// an offset without a colon), RFC 3339 (`2016-09-08T11:55:58+02:00`, `…Z`, with or without
    /// a fraction), a space instead of the `T`, an offset of hours only (`+02`), no offset (UTC),
    /// no seconds, or a date alone (midnight UTC). `nil` when it is none of these.
    init?(iso8601 text: String) {
        var text = text.trimmingCharacters(in: .whitespaces)
        guard text.utf8.count >= 10 else { return nil }
        if text.utf8.count == 10 { text += "T00:00:00Z" }
        var characters = Array(text)
        guard characters.count > 10 else { return nil }
        if characters[10] == " " { characters[10] = "T" }
        // The offset: a sign after the time, or a final Z.
        var zone = ""
        if let last = characters.last, last == "Z" || last == "z" {
            characters.removeLast()
            zone = "Z"
        } else if let sign = characters.lastIndex(where: { $0 == "+" || $0 == "-" }), sign > 10 {
            let digits = characters[(sign + 1)...].filter { $0 != ":" }
            guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), digits.count == 2 || digits.count == 4 else {
                return nil
            }
            zone = "\(characters[sign])\(String(digits.prefix(2))):\(digits.count == 4 ? String(digits.suffix(2)) : "00")"
            characters.removeSubrange(sign...)
        } else {
            zone = "Z"
        }
        var time = String(characters)
        // Seconds, when only hours and minutes are given ("2016-09-08T11:55").
        if time.utf8.count == 16 { time += ":00" }
        self.init(rfc3339: time + zone)
    }

    private init?(rfc3339 text: String) {
        guard let date = RFC3339.date(from: text) else { return nil }
        self = date
    }
}
