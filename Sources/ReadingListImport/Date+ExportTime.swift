import Foundation

extension Date {
    /// The Gregorian calendar in UTC, for assembling times.
    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    /// A time written as exports write them: ISO 8601 or RFC 3339, with a `T` or a space between
    /// date and time, any number of fraction digits, and a zone `Z`, `+hh:mm`, `+hhmm`, `+hh`,
    /// or none (UTC). `2024-10-29T16:30:11.000Z` (Omnivore), `2026-07-17 14:00:25+00:00`
    /// (Readwise), `2026-03-14 23:55:23.291000+00:00` (Readwise Reader). `nil` for anything else.
    init?(exportTime text: String) {
        let scalars = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= scalars.count else { return nil }
            var value = 0
            for byte in scalars[index..<index + digits] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += digits
            return value
        }
        func skip(_ byte: UInt8) -> Bool {
            guard index < scalars.count, scalars[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = number(4), skip(0x2D), let month = number(2), skip(0x2D), let day = number(2),
            index < scalars.count, scalars[index] == 0x54 || scalars[index] == 0x74 || scalars[index] == 0x20
        else { return nil }
        index += 1
        guard let hour = number(2), skip(0x3A), let minute = number(2), skip(0x3A), let second = number(2) else { return nil }
        // The fraction, to the millisecond readlist stores: half a millisecond more, so that
        // the stored value (rounded down) is the written one despite binary floating point.
        var fraction = 0.0
        if skip(0x2E) || skip(0x2C) {
            var milliseconds = 0
            let start = index
            while index < scalars.count, (0x30...0x39).contains(scalars[index]) {
                if index - start < 3 { milliseconds = milliseconds * 10 + Int(scalars[index] - 0x30) }
                index += 1
            }
            guard index > start else { return nil }
            for _ in min(index - start, 3)..<3 { milliseconds *= 10 }
            fraction = (Double(milliseconds) + 0.5) / 1_000
        }
        var offset = 0
        if index < scalars.count {
            if skip(0x5A) || skip(0x7A) {
                // Z: UTC.
            } else if scalars[index] == 0x2B || scalars[index] == 0x2D {
                let sign = scalars[index] == 0x2D ? -1 : 1
                index += 1
                guard let hours = number(2) else { return nil }
                var minutes = 0
                if index < scalars.count {
                    _ = skip(0x3A)
                    guard let value = number(2) else { return nil }
                    minutes = value
                }
                guard hours < 24, minutes < 60 else { return nil }
                offset = sign * (hours * 3_600 + minutes * 60)
            }
        }
        guard index == scalars.count, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = Self.utcCalendar.date(from: components),
            Self.utcCalendar.component(.day, from: date) == day
        else { return nil }
        self = date.addingTimeInterval(fraction - TimeInterval(offset))
    }
}
