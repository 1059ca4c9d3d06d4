/// What a save did.
public struct SaveResult: Sendable, Hashable {
    /// What happened to the library.
    public enum Outcome: String, Sendable, Hashable {
        /// A new article was created.
        case created
        /// The article existed; new information was merged in.
        case merged
        /// The article had been deleted and is back.
        case restored
    }

    /// The article as saved.
    public var article: Article
    /// What happened.
    public var outcome: Outcome
    /// Tags that the save added (display names).
    public var addedTags: [String]

    /// Creates a result.
    public init(article: Article, outcome: Outcome, addedTags: [String]) {
        self.article = article
        self.outcome = outcome
        self.addedTags = addedTags
    }
}
