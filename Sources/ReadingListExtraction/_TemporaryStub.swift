// TEMPORARY STUB
public import Foundation
public struct ExtractedArticle: Sendable, Equatable {
    public var title: String?; public var byline: String?; public var siteName: String?; public var excerpt: String?
    public var text: String; public var language: String?; public var publishedAt: Date?; public var wordCount: Int
}
public struct ExtractionError: Error, Hashable, Sendable, CustomStringConvertible { public var description: String }
public enum ArticleExtractor {
    public static func extract(fileContents: Data, fileName: String) throws(ExtractionError) -> ExtractedArticle {
        let text = String(decoding: fileContents, as: UTF8.self)
        return ExtractedArticle(title: "US Looks To Position Ukraine For Better Negotiating Power As Resources Become Limited", text: text, wordCount: 0)
    }
}
