import Foundation
public import ReadingListModel

/// An article as JSON: the shape of `readlist list/show/search --json` and of export entries.
///
/// Schema: `Protocol/schemas/v1/article.schema.json`. Every key is always present; absent
/// values are `null`. `content` is present only when asked for; `snippet` and `rank` only in
/// search results.
public struct ArticleJSON: Codable, Sendable, Hashable {
    public var id: String
    public var url: String?
    public var canonicalUrl: String?
    public var title: String
    public var byline: String?
    public var site: String?
    public var excerpt: String?
    public var language: String?
    public var publishedAt: String?
    public var wordCount: Int
    public var readingMinutes: Int
    public var tags: [String]
    public var read: Bool
    public var readAt: String?
    public var archived: Bool
    public var favorite: Bool
    /// Percent read, 0–100, with at most two decimals.
    public var progress: Double
    public var addedAt: String
    public var highlights: [HighlightJSON]
    public var content: String?
    public var snippet: String?
    public var rank: Double?

    /// The JSON form of `article`; `content` is included when `includingContent` is true.
    public init(_ article: Article, includingContent: Bool = false) {
        id = article.id.description
        url = article.url
        canonicalUrl = article.canonicalURL
        title = article.title
        byline = article.byline
        site = article.siteName
        excerpt = article.excerpt
        language = article.language
        publishedAt = article.publishedAt.map(RFC3339.string(from:))
        wordCount = article.wordCount
        readingMinutes = article.readingMinutes
        tags = article.tags
        read = article.isRead
        readAt = article.readAt.map(RFC3339.string(from:))
        archived = article.isArchived
        favorite = article.isFavorite
        progress = article.progress.percent
        addedAt = RFC3339.string(from: article.addedAt)
        highlights = article.highlights.map(HighlightJSON.init)
        content = includingContent ? (article.content ?? "") : nil
    }

    /// The JSON form of a search result.
    public init(_ result: SearchResult) {
        self.init(result.article)
        snippet = result.snippet
        rank = result.rank
    }

    private enum CodingKeys: String, CodingKey {
        case id, url, canonicalUrl, title, byline, site, excerpt, language, publishedAt, wordCount,
            readingMinutes, tags, read, readAt, archived, favorite, progress, addedAt, highlights,
            content, snippet, rank
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(url, forKey: .url)
        try container.encode(canonicalUrl, forKey: .canonicalUrl)
        try container.encode(title, forKey: .title)
        try container.encode(byline, forKey: .byline)
        try container.encode(site, forKey: .site)
        try container.encode(excerpt, forKey: .excerpt)
        try container.encode(language, forKey: .language)
        try container.encode(publishedAt, forKey: .publishedAt)
        try container.encode(wordCount, forKey: .wordCount)
        try container.encode(readingMinutes, forKey: .readingMinutes)
        try container.encode(tags, forKey: .tags)
        try container.encode(read, forKey: .read)
        try container.encode(readAt, forKey: .readAt)
        try container.encode(archived, forKey: .archived)
        try container.encode(favorite, forKey: .favorite)
        try container.encode(progress, forKey: .progress)
        try container.encode(addedAt, forKey: .addedAt)
        try container.encode(highlights, forKey: .highlights)
        try container.encodeIfPresent(content, forKey: .content)
        try container.encodeIfPresent(snippet, forKey: .snippet)
        try container.encodeIfPresent(rank, forKey: .rank)
    }
}
