import Foundation
import ReadingListExtraction
import Testing

@Suite("HTML charsets")
struct CharsetDecodingTests {
    /// "Café “quoted” — naïve €5" in Windows-1252.
    private static let windows1252Sentence: [UInt8] =
        Array("Caf".utf8) + [0xE9] + Array(" ".utf8) + [0x93] + Array("quoted".utf8) + [0x94]
        + Array(" ".utf8) + [0x97] + Array(" na".utf8) + [0xEF] + Array("ve ".utf8) + [0x80] + Array("5".utf8)

    private static let expectedSentence = "Café “quoted” — naïve €5"

    private func page(head: String, body: [UInt8]) -> Data {
        Data(Array("<html><head>\(head)</head><body><p>".utf8) + body + Array("</p></body></html>".utf8))
    }

    @Test("A <meta charset> naming Windows-1252 decodes its bytes", arguments: [
        "<meta charset=\"windows-1252\">",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
    ])
    func declaredWindows1252(head: String) {
        let article = ArticleExtractor.extract(html: page(head: head, body: Self.windows1252Sentence), baseURL: nil)
        #expect(article.text == Self.expectedSentence)
    }

    @Test("Undeclared bytes that are not UTF-8 fall back to Windows-1252")
    func undeclaredFallsBackToWindows1252() {
        let article = ArticleExtractor.extract(html: page(head: "", body: Self.windows1252Sentence), baseURL: nil)
        #expect(article.text == Self.expectedSentence)
    }

    @Test("Valid UTF-8 wins over a stale legacy declaration (pages re-saved as UTF-8)")
    func utf8WinsOverStaleDeclaration() {
        let html = page(head: "<meta charset=\"gb2312\"><title>深度学习</title>", body: Array("人工智能迈上新台阶".utf8))
        let article = ArticleExtractor.extract(html: html, baseURL: nil)
        #expect(article.title == "深度学习")
        #expect(article.text == "人工智能迈上新台阶")
    }

    @Test("A real legacy charset is decoded through iconv")
    func legacyCharset() {
        // "Привет" in KOI8-R.
        let koi8: [UInt8] = [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]
        let article = ArticleExtractor.extract(html: page(head: "<meta charset=\"koi8-r\">", body: koi8), baseURL: nil)
        #expect(article.text == "Привет")
    }

    @Test("UTF-8 and UTF-16 byte order marks win over a declaration")
    func byteOrderMarks() throws {
        let html = "<html><head><meta charset=\"windows-1252\"><title>Grüße</title></head><body><p>Schöne Grüße</p></body></html>"
        let utf8 = ArticleExtractor.extract(html: Data([0xEF, 0xBB, 0xBF] + Array(html.utf8)), baseURL: nil)
        #expect(utf8.title == "Grüße")

        var littleEndian: [UInt8] = [0xFF, 0xFE]
        for unit in html.utf16 { littleEndian += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let utf16 = try ArticleExtractor.extract(fileContents: Data(littleEndian), fileName: "page.html")
        #expect(utf16.title == "Grüße")
        #expect(utf16.text == "Schöne Grüße")

        var bigEndian: [UInt8] = [0xFE, 0xFF]
        for unit in html.utf16 { bigEndian += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(ArticleExtractor.extract(html: Data(bigEndian), baseURL: nil).title == "Grüße")
    }

    @Test("Broken UTF-8 in a UTF-8 page becomes replacement characters, never invalid strings")
    func brokenUTF8() {
        let bytes = Array("<html><head><meta charset=\"utf-8\"></head><body><p>ok é ".utf8) + [0xC3, 0x28, 0xFF]
            + Array(" still ok é</p></body></html>".utf8)
        let article = ArticleExtractor.extract(html: Data(bytes), baseURL: nil)
        #expect(article.text.hasPrefix("ok é"))
        #expect(article.text.hasSuffix("still ok é"))
        #expect(article.text.unicodeScalars.contains("\u{FFFD}"))
    }
}
