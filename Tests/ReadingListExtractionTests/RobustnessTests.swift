import Foundation
import ReadingListExtraction
import Testing

@Suite("Hostile and broken input")
struct RobustnessTests {
    @Test("Extremely deep nesting neither crashes nor loses the text")
    func deepNesting() throws {
        let depth = 50_000
        let html = String(repeating: "<div>", count: depth) + "<p>Deep inside the page.</p>" + String(repeating: "</div>", count: depth)
        let article = try ArticleExtractor.extract(fileContents: Data(html.utf8), fileName: "deep.html")
        #expect(article.text.contains("Deep inside the page."))

        let inline = String(repeating: "<b><i>", count: 20_000) + "bold words"
        let inlineArticle = try ArticleExtractor.extract(fileContents: Data(("<p>" + inline).utf8), fileName: "inline.html")
        #expect(inlineArticle.text.contains("bold words"))
    }

    @Test("Truncated and malformed markup is recovered")
    func malformedMarkup() throws {
        let html = "<html><head><title>Cut off</tit<body><p>First <b>bold <i>both</b> para<p>Second para <a href=\"x"
        let article = ArticleExtractor.extract(html: Data(html.utf8), baseURL: nil)
        #expect(article.wordCount >= 0)
        let unclosed = try ArticleExtractor.extract(fileContents: Data("<p>One<p>Two<li>Three".utf8), fileName: "u.html")
        #expect(unclosed.text == "One\n\nTwo\n\n• Three")
    }

    @Test("Random bytes never crash any entry point")
    func randomBytes() {
        var generator = SeededGenerator(seed: 0x5EED)
        for length in [1, 2, 3, 7, 64, 500, 4096] {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                let data = Data(bytes)
                _ = try? ArticleExtractor.extract(fileContents: data, fileName: "random.bin")
                _ = ArticleExtractor.extract(html: data, baseURL: nil)
                _ = ArticleExtractor.extract(plainText: String(decoding: bytes, as: UTF8.self))
                let markupish = Data(Array("<html><meta charset=\"".utf8) + bytes + Array("\"><p>".utf8) + bytes)
                _ = ArticleExtractor.extract(html: markupish, baseURL: nil)
            }
        }
    }

    @Test("Odd but valid inputs", arguments: [
        "<", "<>", "<!--", "<!DOCTYPE html>", "<html></html>", "<script>", "<p></p>", "<meta charset=\"\">",
        "<meta charset=\"no-such-charset\"><p>é</p>", "<meta charset=\"utf-16\"><p>text</p>", "&", "&#0;", "&#xFFFFFFFF;",
        "<svg><title>Icon</title></svg>", "<table><tr><td>", "<ul><li><ul><li>", "<pre>", "<br><br><br>",
        "<script type=\"application/ld+json\">{not json</script>", "<script type=\"application/ld+json\">[[[[[[[[[[]]]]]]]]]]</script>",
        "<time datetime=\"9999-99-99\">x</time>", "<meta property=\"article:published_time\" content=\"2024-02-30\">",
    ])
    func oddInputs(html: String) {
        let article = ArticleExtractor.extract(html: Data(html.utf8), baseURL: nil)
        #expect(article.text == article.text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(article.publishedAt == nil)
    }

    @Test("A very long single line of text is handled")
    func longLine() {
        let line = String(repeating: "lorem ipsum ", count: 50_000)
        let article = ArticleExtractor.extract(plainText: line)
        #expect(article.wordCount == 100_000)
        #expect((article.title?.count ?? 0) <= 200)
    }
}

/// A small deterministic random number generator (SplitMix64) for repeatable fuzzing.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
