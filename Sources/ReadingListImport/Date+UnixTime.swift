import Foundation

extension Date {
    /// The first second of the year 3000: later times in an export are not plausible.
    private static let latestUnixSeconds: Int64 = 32_503_680_000
    /// 1990-01-01: a number scaled down from milliseconds or microseconds must land after it.
    private static let earliestScaledUnixSeconds: Int64 = 631_152_000

    /// A time in Unix seconds, from an export; `nil` unless it is a plausible one (1970–2999).
    init?(unixSeconds text: String) {
        guard let seconds = Int64(text), seconds > 0, seconds < Self.latestUnixSeconds else { return nil }
        self.init(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// A time in Unix seconds, or in milliseconds or microseconds (as some tools write, such as
    /// 13- and 16-digit numbers) when the number is too large to be seconds before the year
    /// 3000 and lands after 1990 once scaled; `nil` unless it is one of these.
    init?(unixTime text: String) {
        guard let number = Int64(text), number > 0 else { return nil }
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
}
