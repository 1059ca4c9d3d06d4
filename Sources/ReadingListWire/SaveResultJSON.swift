public import ReadingListModel

/// `readlist add --json`: what the save did, the article, and the fetch of its page.
public struct SaveResultJSON: Codable, Sendable, Hashable {
    public var outcome: String
    public var addedTags: [String]
    public var article: ArticleJSON
    /// `null` when no page was fetched (`--file`, `--offline`, or the article had its text).
    public var fetch: FetchRecordJSON?

    public init(_ result: SaveResult, fetch: FetchRecord? = nil) {
        outcome = result.outcome.rawValue
        addedTags = result.addedTags
        article = ArticleJSON(result.article)
        self.fetch = fetch.map(FetchRecordJSON.init)
    }

    private enum CodingKeys: String, CodingKey {
        case outcome, addedTags, article, fetch
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(addedTags, forKey: .addedTags)
        try container.encode(article, forKey: .article)
        try container.encode(fetch, forKey: .fetch)
    }
}
