public import Foundation

/// Turns a saved web page or a plain-text article into an `ExtractedArticle`.
public enum ArticleExtractor {
    /// Sniffs HTML vs plain text (content, not only extension), decodes the bytes, and extracts.
    ///
    /// - Throws: `ExtractionError` when the file is empty, holds binary data, or has no readable text.
    public static func extract(fileContents: Data, fileName: String) throws(ExtractionError) -> ExtractedArticle {
        let bytes = [UInt8](fileContents)
        switch FileContentSniffer.kind(of: bytes, fileName: fileName) {
        case .empty:
            throw .empty(fileName: fileName)
        case .binary(let description):
            throw .binary(fileName: fileName, kind: description)
        case .html:
            let article = HTMLArticleExtractor.extract(bytes: bytes, baseURL: nil)
            guard !article.text.isEmpty || article.title != nil else { throw .noReadableText(fileName: fileName) }
            return article
        case .plainText:
            return PlainTextArticleParser.extract(TextDecoding.decodeText(bytes))
        }
    }

    /// Extracts the article from an HTML page's bytes, in whatever charset the page uses.
    /// `baseURL` is the page's address, if known; it is handed to the parser as the document URL.
    public static func extract(html: Data, baseURL: URL?) -> ExtractedArticle {
        HTMLArticleExtractor.extract(bytes: [UInt8](html), baseURL: baseURL)
    }

    /// Extracts the article from plain text: headline, byline or site line, and body paragraphs.
    public static func extract(plainText: String) -> ExtractedArticle {
        PlainTextArticleParser.extract(plainText)
    }
}
