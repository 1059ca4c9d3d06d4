public import Foundation

/// What extraction found in a page or text file.
public struct ExtractedArticle: Sendable, Equatable {
    /// The headline, whitespace collapsed; nil when none was found.
    public var title: String?
    /// The author line, without a leading "By".
    public var byline: String?
    /// The publication or site the article belongs to.
    public var siteName: String?
    /// A short summary: the page's description, else the start of the first real paragraph.
    public var excerpt: String?
    /// Plain text; paragraphs separated by one blank line ("\n\n"); no leading/trailing whitespace.
    public var text: String
    /// BCP 47 tag, e.g. "en".
    public var language: String?
    /// When the article was first published.
    public var publishedAt: Date?
    /// Words in `text` (Unicode word boundaries; count runs of letters/digits).
    public var wordCount: Int

    /// Creates an article; `wordCount` defaults to the number of words in `text`.
    public init(
        title: String? = nil,
        byline: String? = nil,
        siteName: String? = nil,
        excerpt: String? = nil,
        text: String,
        language: String? = nil,
        publishedAt: Date? = nil,
        wordCount: Int? = nil
    ) {
        self.title = title
        self.byline = byline
        self.siteName = siteName
        self.excerpt = excerpt
        self.text = text
        self.language = language
        self.publishedAt = publishedAt
        self.wordCount = wordCount ?? WordCounter.count(in: text)
    }
}
