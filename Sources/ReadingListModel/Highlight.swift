public import Foundation

/// A highlighted quote in an article, anchored by the quote itself, its context and its offsets.
///
/// Offsets count Unicode scalar values (code points) of the article's `content`, from 0,
/// end exclusive, as `Protocol/SPEC.md` defines.
public struct Highlight: Sendable, Hashable, Identifiable {
    /// A random id chosen at creation.
    public var id: HighlightID
    /// The article it belongs to.
    public var articleID: ArticleID
    /// The quoted text, exactly as it stood in the content when anchored.
    public var quote: String
    /// Up to 32 scalars of text before the quote.
    public var prefix: String
    /// Up to 32 scalars of text after the quote.
    public var suffix: String
    /// Where the quote started, in Unicode scalars.
    public var start: Int
    /// Where the quote ended (exclusive), in Unicode scalars.
    public var end: Int
    /// The user's note.
    public var note: String?
    /// The colour; `nil` shows as the default.
    public var color: HighlightColor?
    /// When it was created.
    public var createdAt: Date
    /// True when its quote can no longer be found in the article's content. Such highlights are
    /// kept, never dropped.
    public var isOrphaned: Bool

    /// Creates a highlight value.
    public init(
        id: HighlightID, articleID: ArticleID, quote: String, prefix: String, suffix: String,
        start: Int, end: Int, note: String? = nil, color: HighlightColor? = nil, createdAt: Date,
        isOrphaned: Bool = false
    ) {
        self.id = id
        self.articleID = articleID
        self.quote = quote
        self.prefix = prefix
        self.suffix = suffix
        self.start = start
        self.end = end
        self.note = note
        self.color = color
        self.createdAt = createdAt
        self.isOrphaned = isOrphaned
    }
}
