public import Foundation

/// A highlighted quote read from another service's export. It has no offsets: the import
/// anchors it in the article's text when the text contains it, and keeps it as orphaned
/// otherwise.
public struct ImportedHighlight: Sendable, Hashable {
    /// The quoted text.
    public var quote: String
    /// The user's note on it.
    public var note: String?
    /// Its colour, when the export names one readlist knows.
    public var color: HighlightColor?
    /// When it was made; `nil` means the time of the import.
    public var createdAt: Date?

    /// Creates an imported highlight.
    public init(quote: String, note: String? = nil, color: HighlightColor? = nil, createdAt: Date? = nil) {
        self.quote = quote
        self.note = note
        self.color = color
        self.createdAt = createdAt
    }
}
