import Foundation

extension Date {
    /// The first second of the year 3000: later times in an export are not plausible.
    private static let latestUnixSeconds: Int64 = 32_503_680_000
    /// 1990-01-01: a number scaled down from milliseconds or microseconds must land after it.
    private static let earliestScaledUnixSeconds: Int64 = 631_152_000

    /// A time in Unix seconds, or in milliseconds or microseconds (as some tools write, such as
    /// 13- and 16-digit numbers) when the number is too large to be seconds before the year
    /// 3000 and lands after 1990 once scaled; `nil` unless it is one of these.
    init?(unixTime text: String) {
        // A fraction of a second (`1600000005.5`) is dropped.
        let whole = text.firstIndex(of: ".").map { text[..<$0] } ?? Substring(text)
        guard whole.count < text.count ? text[text.index(after: whole.endIndex)...].allSatisfy(\.isASCIIDigit) : true,
            whole.allSatisfy(\.isASCIIDigit), let number = Int64(whole), number > 0
        else { return nil }
        if number < Self.latestUnixSeconds {
            self.init(timeIntervalSince1970: TimeInterval(number))
            return
        }
        for scale: Int64 in [1_000, 1_000_000] {
            let seconds = number / scale
            if seconds < Self.latestUnixSeconds {
                guard seconds >= Self.earliestScaledUnixSeconds else { return nil }
                self.init(timeIntervalSince1970: TimeInterval(number) / TimeInterval(scale))
                return
            }
        }
        return nil
    }

    /// A time as any export writes it: Unix seconds, milliseconds or microseconds
    /// (``init(unixTime:)``), or ISO 8601 / RFC 3339, leniently (``init(iso8601:)``); `nil`
    /// for anything else. An import keeps a record whose time is unreadable, without the time.
    init?(exportedTime text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let date = Date(unixTime: trimmed) ?? Date(iso8601: trimmed) else { return nil }
        self = date
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
