public import Foundation

/// One article read from another service's export, with the state it had there.
public struct ImportedArticle: Sendable, Hashable {
    /// What to save: URL, title, tags and save time.
    public var draft: ArticleDraft
    /// Read there. An import never marks a read article unread here.
    public var isRead: Bool
    /// When it was read there, if the export says; `nil` means its save time (or the time of
    /// the import). Used only when ``isRead`` and the article is unread here.
    public var readAt: Date?
    /// Archived there. An import never unarchives an article here.
    public var isArchived: Bool
    /// A favourite there. An import never removes a favourite here.
    public var isFavorite: Bool
    /// How far it was read there, when the export says. An import only ever moves progress
    /// forward.
    public var progress: ReadingProgress?
    /// Highlighted quotes with their notes. An import adds those the article does not have.
    public var highlights: [ImportedHighlight]
    /// The line of the file where the record starts (1-based), for messages.
    public var line: Int
    /// The file the record is in, when the import reads several (a zip archive or a folder):
    /// its path inside it, for messages.
    public var file: String?

    /// Creates an imported article.
    public init(
        draft: ArticleDraft, isRead: Bool = false, isArchived: Bool = false, isFavorite: Bool = false,
        progress: ReadingProgress? = nil, highlights: [ImportedHighlight] = [], line: Int, file: String? = nil
    ) {
        self.draft = draft
        self.isRead = isRead
        self.isArchived = isArchived
        self.isFavorite = isFavorite
        self.progress = progress
        self.highlights = highlights
        self.line = line
        self.file = file
    }
}
