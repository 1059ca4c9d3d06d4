import Foundation
import Testing

@testable import ReadingListExtraction

@Suite("Word counting, dates and language tags")
struct TextPrimitivesTests {
    @Test("Words are runs of letters and digits, joined across apostrophes and decimal points", arguments: [
        ("", 0), ("   ", 0), ("one", 1), ("Don't stop", 2), ("it’s 3.14, or 1,000 items", 5),
        ("well-known e-mail", 4), ("— … !!", 0), ("naïve café", 2), ("snake_case word", 2),
        ("人工智能", 4), ("カタカナ語", 2), ("Hello, 世界!", 3), ("x\n\ny", 2),
    ])
    func wordCount(text: String, expected: Int) {
        #expect(WordCounter.count(in: text) == expected)
        #expect(ExtractedArticle(text: text).wordCount == expected)
    }

    @Test("ISO 8601 dates in the shapes pages use", arguments: [
        ("2024-06-25", 1_719_273_600.0),
        ("2019-04-28 06:01:07", 1_556_431_267.0),
        ("2016-12-22T10:43:37-08:00", 1_482_432_217.0),
        ("2015-03-27T13:07:55.096Z", 1_427_461_675.096),
        ("20240625T1030+0100", 1_719_307_800.0),
        ("2024-02-29T00:00:00+0000", 1_709_164_800.0),
    ])
    func isoDates(text: String, expected: TimeInterval) throws {
        let date = try #require(ISO8601DateParser.date(from: text))
        #expect(abs(date.timeIntervalSince1970 - expected) < 0.001)
    }

    @Test("Malformed dates give nil", arguments: [
        "", "yesterday", "2024", "2024-13-01", "2023-02-29", "2024-06-25T25:00", "2024-06-25T10:30+99:00", "24-06-25",
    ])
    func badDates(text: String) {
        #expect(ISO8601DateParser.date(from: text) == nil)
    }

    @Test("Language tags are normalised or rejected", arguments: [
        ("en", "en"), ("EN-us", "en-US"), ("en_US", "en-US"), ("zh-hant-tw", "zh-Hant-TW"), ("pt-BR ", "pt-BR"),
        ("", nil), ("english", nil), ("e", nil), ("en--US", nil), ("12", nil),
    ] as [(String, String?)])
    func languageTags(raw: String, expected: String?) {
        #expect(LanguageTag.normalized(raw) == expected)
    }

    @Test("Excerpts are cut at a word boundary")
    func truncation() {
        let text = "alpha beta gamma delta epsilon"
        #expect(text.truncatedAtWordBoundary(limit: 100) == text)
        #expect(text.truncatedAtWordBoundary(limit: 18) == "alpha beta gamma…")
    }
}
