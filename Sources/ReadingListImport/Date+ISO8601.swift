import Foundation

extension Date {
    /// A time written as ISO 8601, leniently: what ``init(exportTime:)`` reads —
    /// `2016-09-08T11:55:58+0200` (PHP's `DATE_ISO8601`, an offset without a colon), RFC 3339
    /// (`2016-09-08T11:55:58+02:00`, `…Z`, with or without a fraction), a space instead of the
    /// `T`, an offset of hours only (`+02`), no offset (UTC) — and also no seconds, or a date
    /// alone (midnight UTC). `nil` when it is none of these.
    init?(iso8601 text: String) {
        var characters = Array(text.trimmingCharacters(in: .whitespaces))
        if characters.count == 10 {
            characters += Array("T00:00:00Z")
        } else if characters.count >= 16, characters[13] == ":", characters.count == 16 || characters[16] != ":" {
            // Hours and minutes only ("2016-09-08T11:55"): no seconds.
            characters.insert(contentsOf: Array(":00"), at: 16)
        }
        self.init(exportTime: String(characters))
    }
}
