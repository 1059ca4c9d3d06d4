import Foundation
import ReadingListModel
import Testing

@Suite struct ReadingProgressTests {
    @Test(arguments: [("0", 0), ("100", 10_000), ("42", 4_200), ("42.5", 4_250), ("33.333", 3_333), (" 7% ", 700)])
    func percentagesParseToBasisPoints(_ text: String, _ basisPoints: Int) throws {
        #expect(try ReadingProgress(parsingPercent: text).basisPoints == basisPoints)
    }

    @Test(arguments: ["-1", "100.01", "half", "", "nan", "inf", "1e400"])
    func otherTextIsRefusedWithTheInput(_ text: String) {
        let error = #expect(throws: ReadingListError.self) { try ReadingProgress(parsingPercent: text) }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains("\"\(text)\"") == true)
    }

    @Test func descriptionsShowDecimalsOnlyWhenNeeded() {
        #expect(ReadingProgress(clamping: 4_200).description == "42%")
        #expect(ReadingProgress(clamping: 4_250).description == "42.5%")
        #expect(ReadingProgress(clamping: 20_000) == .complete)
    }
}

@Suite struct HybridTimestampTests {
    @Test func theWallClockWinsWhenAhead() {
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        let next = HybridTimestamp.zero.advanced(now: now)
        #expect(next.milliseconds == 1_780_000_000_000)
        #expect(next.counter == 0)
    }

    @Test func theCounterAdvancesWhenTheWallClockIsBehindOrEqual() {
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        let first = HybridTimestamp.zero.advanced(now: now)
        let second = first.advanced(now: now)
        let third = second.advanced(now: now.addingTimeInterval(-60))
        #expect(second.milliseconds == first.milliseconds && second.counter == 1)
        #expect(third.milliseconds == first.milliseconds && third.counter == 2)
    }

    @Test func aCounterOverflowCarriesIntoTheMilliseconds() {
        let full = HybridTimestamp(milliseconds: 5, counter: .max)
        let next = full.advanced(now: Date(timeIntervalSince1970: 0))
        #expect(next.milliseconds == 6 && next.counter == 0)
    }

    @Test func theWireFormIsSixteenHexDigits() {
        #expect(HybridTimestamp(milliseconds: 1, counter: 2).description == "0000000000010002")
        #expect(HybridTimestamp(rawValue: .max).description == "ffffffffffffffff")
    }
}

@Suite struct SmallValueTests {
    @Test func readingTimeRoundsUp() {
        #expect(ReadingTime.minutes(forWordCount: 0) == 0)
        #expect(ReadingTime.minutes(forWordCount: 1) == 1)
        #expect(ReadingTime.minutes(forWordCount: 230) == 1)
        #expect(ReadingTime.minutes(forWordCount: 231) == 2)
    }

    @Test func wordsAreRunsOfLettersAndDigits() {
        #expect(ReadingTime.wordCount(of: "It’s 2026 — the year of sync-engines!") == 7)
        #expect(ReadingTime.wordCount(of: "   ") == 0)
        #expect(ReadingTime.wordCount(of: "東京 café naïve") == 3)
    }

    @Test func coloursParseIgnoringCase() throws {
        #expect(try HighlightColor(parsing: " Purple ") == .purple)
        let error = #expect(throws: ReadingListError.self) { try HighlightColor(parsing: "mauve") }
        #expect(error?.message == "Unknown colour \"mauve\". Use one of: yellow, green, blue, pink, purple.")
    }

    @Test func articleIDsPrintLowercase() throws {
        let id = try #require(ArticleID("0F9C3A2B-0000-5000-8000-000000000001"))
        #expect(id.description == "0f9c3a2b-0000-5000-8000-000000000001")
        #expect(id.short == "0f9c3a2b")
    }
}
