/// What a sync session did. Its JSON form is `readlist sync --json`
/// (`Protocol/schemas/v1/sync-report.schema.json`).
public struct SyncReport: Hashable, Sendable, Codable {
    /// The other replica's id.
    public var peer: String
    /// The negotiated protocol version.
    public var version: Int
    /// Pages received from the peer.
    public var pagesReceived: Int
    /// Field changes received from the peer.
    public var changesReceived: Int
    /// Received changes that won here and were applied.
    public var changesApplied: Int
    /// Pages sent to the peer.
    public var pagesSent: Int
    /// Field changes sent to the peer.
    public var changesSent: Int
    /// Bytes of messages sent, without newlines.
    public var bytesSent: Int
    /// Bytes of messages received, without newlines.
    public var bytesReceived: Int
    /// The state checksum both sides ended with.
    public var checksum: String
    /// Whether a checksum mismatch made the session repeat the exchange in full.
    public var repaired: Bool
    /// Field changes the peer applied, when it reports them (a local sync).
    public var changesAppliedByPeer: Int?
    /// Wall-clock duration of the session, in seconds.
    public var seconds: Double

    /// Creates a report.
    public init(
        peer: String = "", version: Int = 0, pagesReceived: Int = 0, changesReceived: Int = 0, changesApplied: Int = 0,
        pagesSent: Int = 0, changesSent: Int = 0, bytesSent: Int = 0, bytesReceived: Int = 0, checksum: String = "",
        repaired: Bool = false, changesAppliedByPeer: Int? = nil, seconds: Double = 0
    ) {
        self.peer = peer
        self.version = version
        self.pagesReceived = pagesReceived
        self.changesReceived = changesReceived
        self.changesApplied = changesApplied
        self.pagesSent = pagesSent
        self.changesSent = changesSent
        self.bytesSent = bytesSent
        self.bytesReceived = bytesReceived
        self.checksum = checksum
        self.repaired = repaired
        self.changesAppliedByPeer = changesAppliedByPeer
        self.seconds = seconds
    }
}
