public import Foundation

extension ArticleExtractor {
    /// Extracts what a fetched page holds, by its media type: HTML and XHTML as pages (charset
    /// from a byte order mark, then `charset`, then `<meta>`), any other `text/` type as plain
    /// text, a PDF as its document title, and other types (images, archives) as nothing but an
    /// empty text. With no media type, the bytes decide.
    ///
    /// - Parameters:
    ///   - body: The response body, decompressed.
    ///   - mediaType: The `Content-Type` essence, e.g. "text/html", lowercased.
    ///   - charset: The `Content-Type` charset parameter, if any.
    ///   - url: The address the page came from, used to resolve links and as a file name.
    public static func extract(webPage body: Data, mediaType: String?, charset: String?, url: URL?) -> ExtractedArticle {
        let bytes = [UInt8](body)
        switch mediaType {
        case "text/html", "application/xhtml+xml", "application/xml+html":
            return HTMLArticleExtractor.extract(bytes: bytes, baseURL: url, transportCharset: charset)
        case "application/pdf":
            return ExtractedArticle(title: PDFTitleScanner.title(of: bytes), text: "")
        case let type? where type.hasPrefix("text/"):
            return PlainTextArticleParser.extract(decodePlainText(bytes, charset: charset))
        case nil, "application/octet-stream":
            switch FileContentSniffer.kind(of: bytes, fileName: url?.lastPathComponent ?? "") {
            case .html: return HTMLArticleExtractor.extract(bytes: bytes, baseURL: url, transportCharset: charset)
            case .plainText: return PlainTextArticleParser.extract(decodePlainText(bytes, charset: charset))
            case .binary, .empty:
                return ExtractedArticle(title: bytes.starts(with: Array("%PDF-".utf8)) ? PDFTitleScanner.title(of: bytes) : nil, text: "")
            }
        default:
            return ExtractedArticle(text: "")
        }
    }

    /// Plain text in the charset the server named, decided as for a page (a byte order mark
    /// first; bytes that are valid UTF-8 outrank a legacy label); with none, the bytes decide.
    private static func decodePlainText(_ bytes: [UInt8], charset: String?) -> String {
        guard let charset else { return TextDecoding.decodeText(bytes) }
        return String(decoding: HTMLCharsetResolver.parserInput(for: bytes, transportCharset: charset).bytes, as: UTF8.self)
    }
}
