public import ReadingListModel

/// What a sync session did. Its JSON form is `readlist sync --json`
/// (`Protocol/schemas/v1/sync-report.schema.json`).
public struct SyncReport: Hashable, Sendable, Codable {
    /// The other replica's id.
    public var peer: String
    /// The negotiated protocol version.
    public var version: Int
    /// Whether this was a dry run: what each side reports is what it would have changed.
    public var dryRun: Bool
    /// Pages received from the peer.
    public var pagesReceived: Int
    /// Field changes received from the peer.
    public var changesReceived: Int
    /// Received changes that won here and were applied.
    public var changesApplied: Int
    /// What the received changes did to this library.
    public var here: ChangeSummary
    /// Pages sent to the peer.
    public var pagesSent: Int
    /// Field changes sent to the peer.
    public var changesSent: Int
    /// Field changes the peer applied, as it reported them.
    public var changesAppliedByPeer: Int?
    /// What the sent changes did to the peer's library, as it reported it.
    public var there: ChangeSummary?
    /// Bytes of messages sent, without newlines.
    public var bytesSent: Int
    /// Bytes of messages received, without newlines.
    public var bytesReceived: Int
    /// The state checksum both sides ended with (this side's, in a dry run).
    public var checksum: String
    /// Whether a checksum mismatch made the session repeat the exchange in full.
    public var repaired: Bool
    /// Wall-clock duration of the session, in seconds.
    public var seconds: Double

    /// Creates an empty report.
    public init() {
        peer = ""
        version = 0
        dryRun = false
        pagesReceived = 0
        changesReceived = 0
        changesApplied = 0
        here = ChangeSummary()
        pagesSent = 0
        changesSent = 0
        changesAppliedByPeer = nil
        there = nil
        bytesSent = 0
        bytesReceived = 0
        checksum = ""
        repaired = false
        seconds = 0
    }
}
