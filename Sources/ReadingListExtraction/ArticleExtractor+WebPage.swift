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

    /// Plain text in the charset the server named, falling back to the bytes' own evidence
    /// (a byte order mark, valid UTF-8, else Windows-1252) when it names none or an unknown one.
    private static func decodePlainText(_ bytes: [UInt8], charset: String?) -> String {
        guard TextDecoding.byteOrderMark(of: bytes) == nil, let charset else { return TextDecoding.decodeText(bytes) }
        switch CharsetLabel(label: charset) {
        case .utf8:
            return TextDecoding.decodeText(bytes)
        case .windows1252:
            let scan = TextDecoding.scanUTF8(bytes)
            return scan.isValid && !scan.isASCII ? TextDecoding.decodeText(bytes) : TextDecoding.decodeWindows1252(bytes)
        case .other(let names):
            return names.lazy.compactMap { IconvDecoder.decode(bytes, from: $0) }.first ?? TextDecoding.decodeText(bytes)
        }
    }
}
