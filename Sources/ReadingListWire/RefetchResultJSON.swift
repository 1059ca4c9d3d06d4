public import ReadingListModel

/// `readlist refetch --json`: the attempt, whether the text changed, what became of the
/// highlights, and the article after it.
public struct RefetchResultJSON: Codable, Sendable, Hashable {
    public var fetch: FetchRecordJSON
    public var contentReplaced: Bool
    public var anchoredHighlights: Int
    public var orphanedHighlights: Int
    public var article: ArticleJSON

    public init(_ result: RefetchResult) {
        fetch = FetchRecordJSON(result.fetch)
        contentReplaced = result.update.contentReplaced
        anchoredHighlights = result.update.anchoredHighlights
        orphanedHighlights = result.update.orphanedHighlights
        article = ArticleJSON(result.update.article)
    }
}
