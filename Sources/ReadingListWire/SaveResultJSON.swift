public import ReadingListModel

/// `readlist add --json`: what the save did and the article.
public struct SaveResultJSON: Codable, Sendable, Hashable {
    public var outcome: String
    public var addedTags: [String]
    public var article: ArticleJSON

    public init(_ result: SaveResult) {
        outcome = result.outcome.rawValue
        addedTags = result.addedTags
        article = ArticleJSON(result.article)
    }
}
