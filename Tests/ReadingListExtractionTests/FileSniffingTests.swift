import Foundation
import ReadingListExtraction
import Testing

@Suite("File contents: HTML, text, binary, empty")
struct FileSniffingTests {
    @Test("HTML is recognised by content, whatever the file is called")
    func htmlByContent() throws {
        let html = "<!DOCTYPE html><html><head><title>Tagged Page Title Here</title></head><body><p>Body text.</p></body></html>"
        let article = try ArticleExtractor.extract(fileContents: Data(html.utf8), fileName: "saved.txt")
        #expect(article.title == "Tagged Page Title Here")
        #expect(article.text == "Body text.")

        let fragment = "\n  <p>Just a paragraph of markup without a document around it.</p>"
        let fragmentArticle = try ArticleExtractor.extract(fileContents: Data(fragment.utf8), fileName: "fragment")
        #expect(fragmentArticle.text == "Just a paragraph of markup without a document around it.")
    }

    @Test("A .html file holding plain text is read as text, and text mentioning <tags> stays text")
    func textByContent() throws {
        let text = "A Plain Headline For A Plain File\n\nUse <b> for bold, or so they say."
        let fromHTMLName = try ArticleExtractor.extract(fileContents: Data(text.utf8), fileName: "notes.html")
        #expect(fromHTMLName.title == "A Plain Headline For A Plain File")
        #expect(fromHTMLName.text == "Use <b> for bold, or so they say.")
        let fromTextName = try ArticleExtractor.extract(fileContents: Data(text.utf8), fileName: "notes.txt")
        #expect(fromTextName == fromHTMLName)
    }

    @Test("Empty and whitespace-only files are errors naming the file", arguments: ["", "   \n\t\r\n  ", "\u{FEFF}\n"])
    func emptyFiles(contents: String) {
        #expect {
            try ArticleExtractor.extract(fileContents: Data(contents.utf8), fileName: "blank.txt")
        } throws: { error in
            let description = (error as? ExtractionError)?.description ?? ""
            return description.contains("\"blank.txt\"") && description.contains("empty")
        }
    }

    @Test("Binary files are errors that name the file and the fix")
    func binaryFiles() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]
        #expect(throws: ExtractionError(
            description: "\"photo.png\" is not a web page or text file (it looks like a PNG image). Save an .html or .txt file instead."
        )) {
            try ArticleExtractor.extract(fileContents: Data(png), fileName: "photo.png")
        }
        let withNUL = Data(Array("Looks like text".utf8) + [0x00, 0x01, 0x02] + Array("but is not".utf8))
        #expect(throws: ExtractionError(
            description: "\"data.txt\" is not a web page or text file (it looks like binary data). Save an .html or .txt file instead."
        )) {
            try ArticleExtractor.extract(fileContents: withNUL, fileName: "data.txt")
        }
        let controlHeavy = Data((0..<400).map { UInt8($0 % 32) == 0 ? 0x41 : UInt8($0 % 32) })
        #expect(throws: ExtractionError.self) {
            try ArticleExtractor.extract(fileContents: controlHeavy, fileName: "noise.bin")
        }
    }

    @Test("A page with no text and no title is an error; a page with only a title is not")
    func pagesWithoutText() throws {
        #expect(throws: ExtractionError.self) {
            try ArticleExtractor.extract(fileContents: Data("<html><body><script>x()</script></body></html>".utf8), fileName: "app.html")
        }
        let titled = try ArticleExtractor.extract(
            fileContents: Data("<html><head><title>Only A Title</title></head><body></body></html>".utf8), fileName: "t.html"
        )
        #expect(titled.title == "Only A Title")
        #expect(titled.text.isEmpty)
        #expect(titled.wordCount == 0)
    }

    @Test("Error descriptions are single lines")
    func errorsAreOneLine() {
        do {
            _ = try ArticleExtractor.extract(fileContents: Data(), fileName: "x.html")
            Issue.record("expected an error")
        } catch {
            #expect(!error.description.contains("\n"))
            #expect(error.description == "\"x.html\" is empty. Save the article's page or text into the file and try again.")
        }
    }
}
