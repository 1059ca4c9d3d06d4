/// What fetching a saved article's page again did.
public struct RefetchResult: Sendable, Hashable {
    /// The attempt.
    public var fetch: FetchRecord
    /// The article after it; its text changed only if the fetch succeeded.
    public var update: PageUpdate

    /// Creates a value.
    public init(fetch: FetchRecord, update: PageUpdate) {
        self.fetch = fetch
        self.update = update
    }
}
