import Foundation
import ReadingListWire
import Testing

@Suite struct RFC3339Tests {
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00Z"),
        (1_780_000_000.0, "2026-05-28T20:26:40Z"),
        (1_780_000_000.123, "2026-05-28T20:26:40.123Z"),
        (951_782_400.0, "2000-02-29T00:00:00Z"),
        (-1.5, "1969-12-31T23:59:58.500Z"),
        (253_402_300_799.0, "9999-12-31T23:59:59Z"),
    ])
    func formatsInUTCWithMillisecondsOnlyWhenPresent(_ seconds: Double, _ text: String) {
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: seconds)) == text)
        #expect(RFC3339.date(from: text) == Date(timeIntervalSince1970: seconds))
    }

    @Test func offsetsAndFractionsParse() {
        #expect(RFC3339.date(from: "2026-05-28T22:26:40+02:00") == Date(timeIntervalSince1970: 1_780_000_000))
        #expect(RFC3339.date(from: "2026-05-28t20:26:40.1z") == Date(timeIntervalSince1970: 1_780_000_000.1))
    }

    @Test(arguments: ["", "2026-05-28", "2026-13-01T00:00:00Z", "2026-05-28T20:26:40", "2026-05-28T20:26:40.Z", "x026-05-28T20:26:40Z", "2026-05-28T20:26:40Zjunk"])
    func malformedTextIsNil(_ text: String) {
        #expect(RFC3339.date(from: text) == nil)
    }
}
