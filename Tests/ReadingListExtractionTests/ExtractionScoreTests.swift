import Foundation
import ReadingListExtraction
import Testing

/// The comparison behind `readlist-bench extraction`: tokens, bag-of-tokens F1, metadata matches
/// and the text of a reference HTML file.
@Suite("Extraction score")
struct ExtractionScoreTests {
    @Test("Tokens are lowercased runs of letters and digits; punctuation separates them")
    func latinTokens() {
        #expect(ExtractionScore.tokens(in: "Hello, World! It's 2024 — café-au-lait") == ["hello", "world", "it", "s", "2024", "café", "au", "lait"])
        #expect(ExtractionScore.tokens(in: "  \n ") == [])
    }

    @Test("Each CJK ideograph and kana is a token; Hangul words and scripts with spaces are runs")
    func cjkTokens() {
        #expect(ExtractionScore.tokens(in: "人工智能AI") == ["人", "工", "智", "能", "ai"])
        #expect(ExtractionScore.tokens(in: "トレンドマイクロ") == ["ト", "レ", "ン", "ド", "マ", "イ", "ク", "ロ"])
        #expect(ExtractionScore.tokens(in: "안녕하세요 세계") == ["안녕하세요", "세계"])
        #expect(ExtractionScore.tokens(in: "שלום עולם") == ["שלום", "עולם"])
    }

    @Test("F1 counts each token as often as it occurs")
    func bagOfTokensF1() {
        #expect(ExtractionScore.f1(expected: [], found: []) == 1)
        #expect(ExtractionScore.f1(expected: ["a"], found: []) == 0)
        #expect(ExtractionScore.f1(expected: [], found: ["a"]) == 0)
        #expect(ExtractionScore.f1(expected: ["a", "b"], found: ["c"]) == 0)
        #expect(ExtractionScore.f1(expected: ["a", "b", "c"], found: ["c", "b", "a"]) == 1)
        // Precision 1/2 (one "a" of two found is expected), recall 1/1.
        #expect(abs(ExtractionScore.f1(expected: ["a"], found: ["a", "a"]) - 2.0 / 3.0) < 1e-12)
        // Precision 2/2, recall 2/4.
        #expect(abs(ExtractionScore.contentF1(expected: "one two three four", found: "Two, ONE.") - 2.0 / 3.0) < 1e-12)
    }

    @Test("Metadata matches after collapsing whitespace; missing and empty match each other")
    func metadataMatches() {
        #expect(ExtractionScore.matches(expected: "By\n\t\tAnn  Lee ", found: "By Ann Lee"))
        #expect(!ExtractionScore.matches(expected: "By Ann Lee", found: "Ann Lee"))
        #expect(ExtractionScore.matches(expected: nil, found: nil))
        #expect(ExtractionScore.matches(expected: nil, found: "  "))
        #expect(ExtractionScore.matches(expected: "", found: nil))
        #expect(!ExtractionScore.matches(expected: nil, found: "Ann Lee"))
    }

    @Test("The text of a reference HTML file keeps blocks apart and leaves scripts out")
    func referenceText() {
        let html = Data("<div><p>First<b>bold</b></p><p>Second</p><script>var x = 1</script><style>p{}</style></div>".utf8)
        let text = ExtractionScore.text(ofHTML: html)
        #expect(ExtractionScore.tokens(in: text) == ["firstbold", "second"])
        #expect(ExtractionScore.text(ofHTML: Data()) == "")
    }
}
