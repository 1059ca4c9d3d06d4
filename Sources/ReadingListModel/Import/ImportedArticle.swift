/// One article read from another service's export, with the state it had there.
public struct ImportedArticle: Sendable, Hashable {
    /// What to save: URL, title, tags and save time.
    public var draft: ArticleDraft
    /// Read there. An import never marks a read article unread here.
    public var isRead: Bool
    /// Archived there. An import never unarchives an article here.
    public var isArchived: Bool
    /// A favourite there. An import never removes a favourite here.
    public var isFavorite: Bool
    /// Highlighted quotes with their notes. An import adds those the article does not have.
    public var highlights: [ImportedHighlight]
    /// The line of the file where the record starts (1-based), for messages.
    public var line: Int

    /// Creates an imported article.
    public init(
        draft: ArticleDraft, isRead: Bool = false, isArchived: Bool = false, isFavorite: Bool = false,
        highlights: [ImportedHighlight] = [], line: Int
    ) {
        self.draft = draft
        self.isRead = isRead
        self.isArchived = isArchived
        self.isFavorite = isFavorite
        self.highlights = highlights
        self.line = line
    }
}
