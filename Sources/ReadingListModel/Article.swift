public import Foundation

/// A saved article with its read state, tags and highlights.
public struct Article: Sendable, Hashable, Identifiable {
    /// Derived from the canonical URL (or the file's bytes when saved without a URL).
    public var id: ArticleID
    /// The URL as the user saved it; `nil` for a local file saved without one.
    public var url: String?
    /// The canonical form of `url` that the id derives from.
    public var canonicalURL: String?
    /// The headline. Never empty.
    public var title: String
    /// The author line, e.g. "Jane Doe".
    public var byline: String?
    /// The publication, e.g. "ABC News".
    public var siteName: String?
    /// A short summary.
    public var excerpt: String?
    /// The text, paragraphs separated by a blank line. `nil` when not loaded or not known.
    public var content: String?
    /// BCP 47 language tag of the text.
    public var language: String?
    /// When the article was published, if known.
    public var publishedAt: Date?
    /// Words in the text.
    public var wordCount: Int
    /// When it was first saved (on any replica).
    public var addedAt: Date
    /// When it was marked read; `nil` while unread.
    public var readAt: Date?
    /// Whether it is archived.
    public var isArchived: Bool
    /// Whether it is a favourite.
    public var isFavorite: Bool
    /// How far the reader got.
    public var progress: ReadingProgress
    /// Tag display names, sorted by tag key.
    public var tags: [String]
    /// Highlights in text order.
    public var highlights: [Highlight]

    /// Creates an article value.
    public init(
        id: ArticleID, url: String?, canonicalURL: String?, title: String, byline: String? = nil,
        siteName: String? = nil, excerpt: String? = nil, content: String? = nil, language: String? = nil,
        publishedAt: Date? = nil, wordCount: Int = 0, addedAt: Date, readAt: Date? = nil,
        isArchived: Bool = false, isFavorite: Bool = false, progress: ReadingProgress = .none,
        tags: [String] = [], highlights: [Highlight] = []
    ) {
        self.id = id
        self.url = url
        self.canonicalURL = canonicalURL
        self.title = title
        self.byline = byline
        self.siteName = siteName
        self.excerpt = excerpt
        self.content = content
        self.language = language
        self.publishedAt = publishedAt
        self.wordCount = wordCount
        self.addedAt = addedAt
        self.readAt = readAt
        self.isArchived = isArchived
        self.isFavorite = isFavorite
        self.progress = progress
        self.tags = tags
        self.highlights = highlights
    }

    /// Whether it has been marked read.
    public var isRead: Bool { readAt != nil }

    /// Minutes to read at 230 words a minute, rounded up; 0 when the length is unknown.
    public var readingMinutes: Int { ReadingTime.minutes(forWordCount: wordCount) }
}
