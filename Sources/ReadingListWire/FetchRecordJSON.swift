public import ReadingListModel

/// The `fetch` object of `add --json` and `refetch --json`: the last attempt to fetch a page.
public struct FetchRecordJSON: Codable, Sendable, Hashable {
    public var url: String
    public var resolvedUrl: String?
    public var status: Int?
    public var mediaType: String?
    public var error: String?
    public var attemptedAt: String

    /// The JSON form of a fetch record.
    public init(_ record: FetchRecord) {
        url = record.requestedURL
        resolvedUrl = record.resolvedURL
        status = record.statusCode
        mediaType = record.mediaType
        error = record.error
        attemptedAt = RFC3339.string(from: record.attemptedAt)
    }

    private enum CodingKeys: String, CodingKey {
        case url, resolvedUrl, status, mediaType, error, attemptedAt
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(url, forKey: .url)
        try container.encode(resolvedUrl, forKey: .resolvedUrl)
        try container.encode(status, forKey: .status)
        try container.encode(mediaType, forKey: .mediaType)
        try container.encode(error, forKey: .error)
        try container.encode(attemptedAt, forKey: .attemptedAt)
    }
}
