public import ReadingListModel

/// A highlight as JSON. Offsets count Unicode scalar values of the article's content.
///
/// Schema: `Protocol/schemas/v1/highlight.schema.json`.
public struct HighlightJSON: Codable, Sendable, Hashable {
    public var id: String
    public var articleId: String
    public var quote: String
    public var prefix: String
    public var suffix: String
    public var start: Int
    public var end: Int
    public var note: String?
    public var color: String?
    public var createdAt: String
    public var orphaned: Bool

    /// The JSON form of `highlight`.
    public init(_ highlight: Highlight) {
        id = highlight.id.description
        articleId = highlight.articleID.description
        quote = highlight.quote
        prefix = highlight.prefix
        suffix = highlight.suffix
        start = highlight.start
        end = highlight.end
        note = highlight.note
        color = highlight.color?.rawValue
        createdAt = RFC3339.string(from: highlight.createdAt)
        orphaned = highlight.isOrphaned
    }

    private enum CodingKeys: String, CodingKey {
        case id, articleId, quote, prefix, suffix, start, end, note, color, createdAt, orphaned
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(articleId, forKey: .articleId)
        try container.encode(quote, forKey: .quote)
        try container.encode(prefix, forKey: .prefix)
        try container.encode(suffix, forKey: .suffix)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(note, forKey: .note)
        try container.encode(color, forKey: .color)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(orphaned, forKey: .orphaned)
    }
}
