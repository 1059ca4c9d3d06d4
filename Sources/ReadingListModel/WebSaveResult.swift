/// What saving a web address did: the save, and the fetch of its page.
public struct WebSaveResult: Sendable, Hashable {
    /// The save, with the article as it stands after the fetch.
    public var save: SaveResult
    /// The fetch attempt; `nil` when none was made (offline, or the article already had its text).
    public var fetch: FetchRecord?

    /// Creates a value.
    public init(save: SaveResult, fetch: FetchRecord?) {
        self.save = save
        self.fetch = fetch
    }
}
