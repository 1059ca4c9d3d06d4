public import Foundation

/// What a save supplies. Fields left `nil` keep what the library already has.
public struct ArticleDraft: Sendable, Hashable {
    /// The source: a web address, or a local file's bytes.
    public enum Source: Sendable, Hashable {
        /// A page at a URL, as the user typed it.
        case url(String)
        /// A local file with no URL; its identity derives from these bytes.
        case fileContents(Data)
    }

    /// Where the article comes from; decides its identity.
    public var source: Source
    /// A title the user chose: it replaces the article's current title.
    public var title: String?
    /// The headline found in the page or file: the title of a new article when the user chose
    /// none (else one is derived from the URL). It never replaces an existing title.
    public var headline: String?
    /// The author line.
    public var byline: String?
    /// The publication.
    public var siteName: String?
    /// A short summary.
    public var excerpt: String?
    /// The text, paragraphs separated by a blank line.
    public var content: String?
    /// BCP 47 language tag.
    public var language: String?
    /// When it was published.
    public var publishedAt: Date?
    /// Tags to add (existing tags are kept).
    public var tags: [String]
    /// When it was saved; `nil` means now. The earliest save time always wins.
    public var addedAt: Date?

    /// Creates a draft.
    public init(
        source: Source, title: String? = nil, headline: String? = nil, byline: String? = nil, siteName: String? = nil,
        excerpt: String? = nil, content: String? = nil, language: String? = nil,
        publishedAt: Date? = nil, tags: [String] = [], addedAt: Date? = nil
    ) {
        self.source = source
        self.title = title
        self.headline = headline
        self.byline = byline
        self.siteName = siteName
        self.excerpt = excerpt
        self.content = content
        self.language = language
        self.publishedAt = publishedAt
        self.tags = tags
        self.addedAt = addedAt
    }
}
