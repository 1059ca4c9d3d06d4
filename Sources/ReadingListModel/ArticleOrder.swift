/// An order in which a whole-library read hands over articles.
public enum ArticleOrder: Sendable, Hashable, CaseIterable {
    /// By id: the json export (SPEC.md §5) and markdown notes.
    case id
    /// Newest first (save time descending, a missing time counting as 1970), then by id: the
    /// html and csv exports (SPEC.md §5.1), as `readlist list` shows articles.
    case newestFirst
}
