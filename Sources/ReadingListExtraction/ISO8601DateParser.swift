import Foundation

/// Parses the ISO 8601 / RFC 3339 shapes pages use for dates: `2024-06-25`,
/// `2019-04-28 06:01:07`, `2016-12-22T10:43:37-08:00`, `2015-03-27T13:07:55.096Z`,
/// `20240625T1030+0100`. A time without a zone is read as UTC.
enum ISO8601DateParser {
    static func date(from string: String) -> Date? {
        var scanner = DigitScanner(Array(string.trimmingWhitespace().utf8))
        guard let year = scanner.number(digits: 4) else { return nil }
        let extended = scanner.skip("-")
        guard let month = scanner.number(digits: 2) else { return nil }
        if extended { guard scanner.skip("-") else { return nil } }
        guard let day = scanner.number(digits: 2) else { return nil }
        guard (1...12).contains(month), (1...daysInMonth(month, year: year)).contains(day) else { return nil }

        var seconds = 0.0
        var offsetSeconds = 0
        if scanner.skip("T") || scanner.skip("t") || scanner.skip(" ") {
            guard let hour = scanner.number(digits: 2) else { return nil }
            _ = scanner.skip(":")
            let minute = scanner.number(digits: 2) ?? 0
            var second = 0.0
            if scanner.skip(":") || scanner.peekIsDigit {
                guard let whole = scanner.number(digits: 2) else { return nil }
                second = Double(whole)
                if scanner.skip(".") || scanner.skip(",") {
                    second += scanner.fraction()
                }
            }
            guard hour <= 24, minute <= 59, second < 61 else { return nil }
            seconds = Double(hour * 3600 + minute * 60) + second
            _ = scanner.skip(" ")
            if scanner.skip("Z") || scanner.skip("z") {
                offsetSeconds = 0
            } else if let sign = scanner.sign() {
                guard let offsetHours = scanner.number(digits: 2), offsetHours <= 18 else { return nil }
                _ = scanner.skip(":")
                let offsetMinutes = scanner.number(digits: 2) ?? 0
                guard offsetMinutes <= 59 else { return nil }
                offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
            }
        }
        let days = daysSinceUnixEpoch(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days) * 86_400 + seconds - Double(offsetSeconds))
    }

    private static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    private static func daysSinceUnixEpoch(year: Int, month: Int, day: Int) -> Int {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = (adjustedYear >= 0 ? adjustedYear : adjustedYear - 399) / 400
        let yearOfEra = adjustedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Reads fixed-width numbers and single characters from ASCII bytes.
    private struct DigitScanner {
        private let bytes: [UInt8]
        private var position = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var peekIsDigit: Bool {
            position < bytes.count && isDigit(bytes[position])
        }

        mutating func number(digits: Int) -> Int? {
            guard position + digits <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<digits {
                let byte = bytes[position + offset]
                guard isDigit(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            position += digits
            return value
        }

        mutating func fraction() -> Double {
            var value = 0.0
            var scale = 0.1
            while position < bytes.count, isDigit(bytes[position]) {
                value += Double(bytes[position] - UInt8(ascii: "0")) * scale
                scale /= 10
                position += 1
            }
            return value
        }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
            position += 1
            return true
        }

        mutating func sign() -> Int? {
            if skip("+") { return 1 }
            if skip("-") { return -1 }
            return nil
        }

        private func isDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }
}
