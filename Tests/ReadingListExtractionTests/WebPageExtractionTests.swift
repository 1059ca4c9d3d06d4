import Foundation
import ReadingListExtraction
import Testing

/// Extracting fetched bodies by their media type and charset.
@Suite("Fetched pages")
struct WebPageExtractionTests {
    static let page = """
        <html><head><title>Caf\u{E9} notes</title></head><body><article>
        <p>The caf\u{E9} on the corner serves cr\u{EA}pes, and the long sentence here, with commas, makes a paragraph worth keeping.</p>
        </article></body></html>
        """

    @Test("The HTTP charset outranks the page's own declaration")
    func transportCharset() throws {
        let declaredWrongly = Self.page.replacingOccurrences(of: "<head>", with: "<head><meta charset=\"shift_jis\">")
        let body = try #require(declaredWrongly.data(using: .isoLatin1))
        let article = ArticleExtractor.extract(webPage: body, mediaType: "text/html", charset: "iso-8859-1", url: nil)
        #expect(article.title == "Caf\u{E9} notes")
        #expect(article.text.contains("cr\u{EA}pes"))
    }

    @Test("Plain text keeps its text in the charset the server names")
    func plainText() throws {
        let text = "Notes\n\nSchöne Grüße aus Köln, sagte sie, und die Zeile ist lang genug für einen Absatz."
        let body = try #require(text.data(using: .isoLatin1))
        let article = ArticleExtractor.extract(webPage: body, mediaType: "text/plain", charset: "ISO-8859-1", url: nil)
        #expect(article.text.contains("Schöne Grüße aus Köln"))
    }

    @Test("A PDF gives its title, from the information dictionary or XMP", arguments: [
        ("%PDF-1.7\n<< /Title (Annual \\(Final\\) Report) >>\n", "Annual (Final) Report"),
        ("%PDF-1.7\n<< /Title <FEFF0052006500730075006D00E9> >>\n", "Resum\u{E9}"),
        ("%PDF-1.7\n<x:xmpmeta><dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Tom &amp; Jerry</rdf:li></rdf:Alt></dc:title></x:xmpmeta>", "Tom & Jerry"),
        ("%PDF-1.7\n<< /Author (Nobody) >>\n", nil),
    ])
    func pdfTitle(source: String, title: String?) {
        let article = ArticleExtractor.extract(webPage: Data(source.utf8), mediaType: "application/pdf", charset: nil, url: nil)
        #expect(article.title == title)
        #expect(article.text.isEmpty)
    }

    @Test("Images and unknown types give no text; a missing type is sniffed")
    func otherTypes() {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00])
        #expect(ArticleExtractor.extract(webPage: png, mediaType: "image/png", charset: nil, url: nil).text.isEmpty)
        let sniffed = ArticleExtractor.extract(webPage: Data(Self.page.utf8), mediaType: nil, charset: nil, url: URL(string: "https://example.com/a"))
        #expect(sniffed.title == "Caf\u{E9} notes")
    }
}
