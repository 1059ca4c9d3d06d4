import Foundation
import ReadingListExtraction
import Testing

@Suite("Plain-text articles")
struct PlainTextExtractionTests {
    @Test("The seed article keeps its headline and body and loses site chrome and trailing links")
    func seedArticle() throws {
        let url = TestResources.seedsDirectory.appendingPathComponent("000_c54e80fb70a5c8fb.txt")
        let article = try ArticleExtractor.extract(fileContents: Data(contentsOf: url), fileName: url.lastPathComponent)
        #expect(article.title == "US Looks To Position Ukraine For Better Negotiating Power As Resources Become Limited")
        #expect(article.text.contains("the only way this war ends ultimately is through negotiation"))
        #expect(!article.text.hasPrefix("Connect with us"))
        #expect(!article.text.contains("You May Also Like"))
        #expect(!article.text.contains("Most Popular"))
        #expect(!article.text.contains("Hi, what are you looking for?"))
        #expect(article.siteName == "ABC News")
        #expect(article.text.hasSuffix("“President Biden has been very clear that NATO will be in Ukraine’s future,” said Kirby."))
        #expect(!article.text.contains("\n\n\n"))
        #expect(article.wordCount > 300)
    }

    @Test("A By line after the headline becomes the byline")
    func bylineAfterHeadline() {
        let article = ArticleExtractor.extract(plainText: """
            Sign in

            A Quiet Revolution In How Cities Plan Their Streets

            By Jane Doe

            City planners across the country are rethinking how streets are used, giving more room to people walking, cycling and waiting for buses than to parked cars.

            The change has been slow, but it is now visible almost everywhere.
            """)
        #expect(article.title == "A Quiet Revolution In How Cities Plan Their Streets")
        #expect(article.byline == "Jane Doe")
        #expect(article.text.hasPrefix("City planners across the country"))
        #expect(article.text.hasSuffix("it is now visible almost everywhere."))
        #expect(article.excerpt?.hasPrefix("City planners") == true)
    }

    @Test("A sentence-case headline right before the body beats a Title Case menu line")
    func headlineNearBodyBeatsMenu() {
        let article = ArticleExtractor.extract(plainText: """
            Home
            News Politics Sports Entertainment
            Senate passes the budget bill after a long debate
            The Senate passed the budget on Thursday after a debate that lasted most of the night, sending the bill to the president.
            """)
        #expect(article.title == "Senate passes the budget bill after a long debate")
        #expect(article.text.hasPrefix("The Senate passed the budget on Thursday"))
    }

    @Test("Without a headline-like line the first line, cut to 200 characters, is the title")
    func firstLineFallbackTitle() throws {
        let longLine = String(repeating: "word ", count: 80).trimmingCharacters(in: .whitespaces) + "."
        let article = ArticleExtractor.extract(plainText: longLine + "\n\nSecond paragraph here.")
        let title = try #require(article.title)
        #expect(title.count <= 200)
        #expect(title.hasPrefix("word word"))
        #expect(article.text.hasPrefix("word word"), "a long first paragraph stays in the text")

        let short = ArticleExtractor.extract(plainText: "notes\n\nbuy milk\n")
        #expect(short.title == "notes")
        #expect(short.text == "buy milk")
    }

    @Test("Markdown heading markers and Setext underlines are not part of the title")
    func markdownHeadings() {
        let hashes = ArticleExtractor.extract(plainText: "# Notes From The Field Trip\n\nWe left at dawn.")
        #expect(hashes.title == "Notes From The Field Trip")
        #expect(hashes.text == "We left at dawn.")
        let setext = ArticleExtractor.extract(plainText: "Notes From The Field Trip\n=========================\n\nWe left at dawn.")
        #expect(setext.title == "Notes From The Field Trip")
        #expect(setext.text == "We left at dawn.")
    }

    @Test("CRLF and CR line endings become LF and blank-line runs collapse")
    func lineEndingsAndBlankLines() {
        let article = ArticleExtractor.extract(
            plainText: "An Entirely Ordinary Headline For Testing\r\n\r\n\r\n\r\nFirst line of a paragraph.\r\rSecond paragraph.\r\n"
        )
        #expect(article.title == "An Entirely Ordinary Headline For Testing")
        #expect(article.text == "First line of a paragraph.\n\nSecond paragraph.")
    }

    @Test("Hard-wrapped lines join into one paragraph; bullets become • items")
    func wrappedLinesAndLists() {
        let article = ArticleExtractor.extract(plainText: """
            Notes On Wrapping Text In Plain Files

            This paragraph was wrapped by an editor at a fixed width so every
            line ends before the margin even though the sentence goes on for a
            while longer than that.

            - first item
            - second item
            """)
        #expect(article.text == """
            This paragraph was wrapped by an editor at a fixed width so every line ends before the margin even though the sentence goes on for a while longer than that.

            • first item
            • second item
            """)
    }

    @Test("A boilerplate heading is cut only in the last third of the text")
    func trailingBoilerplateOnlyAtTheEnd() {
        let body = (1...6).map { "Paragraph number \($0) of the story, which goes on for a while to be long enough." }
        let early = ArticleExtractor.extract(plainText: (["A Headline That Is Long Enough", "Read more"] + body).joined(separator: "\n\n"))
        #expect(early.text.contains("Paragraph number 6"), "an early 'Read more' does not cut the article")

        let late = ArticleExtractor.extract(plainText: (["A Headline That Is Long Enough"] + body + ["Related Articles", "Other story"]).joined(separator: "\n\n"))
        #expect(late.text.hasSuffix("long enough."))
        #expect(!late.text.contains("Other story"))
    }

    @Test("A Windows-1252 text file decodes; a UTF-8 BOM is stripped")
    func textFileEncodings() throws {
        var windows1252 = Array("Caf".utf8) + [0xE9] + Array(" Society Reopens Its Doors Today\n\nIt is ".utf8)
        windows1252 += [0x93] + Array("lovely".utf8) + [0x94] + Array(".".utf8)
        let latin = try ArticleExtractor.extract(fileContents: Data(windows1252), fileName: "cafe.txt")
        #expect(latin.title == "Café Society Reopens Its Doors Today")
        #expect(latin.text == "It is “lovely”.")

        let bom = try ArticleExtractor.extract(
            fileContents: Data([0xEF, 0xBB, 0xBF] + Array("Über Headline Words Are Here\n\nText.".utf8)), fileName: "bom.txt"
        )
        #expect(bom.title == "Über Headline Words Are Here")
    }
}
