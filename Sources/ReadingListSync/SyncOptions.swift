public import Foundation

/// How a sync session runs.
public struct SyncOptions {
    /// At most this many field changes per page.
    public var pageLimit: Int
    /// At most about this many bytes per `changes` message (a page of one feed entry may be larger).
    public var pageBytes: Int
    /// Changes stamped further than this ahead of the local clock are refused (SPEC.md §3.5).
    public var maxClockSkew: TimeInterval
    /// Judge what each side would apply, and apply nothing.
    public var dryRun: Bool
    /// Called after every page received or sent.
    public var progress: ((SyncProgress) -> Void)?

    /// The default bound of field changes per page: each page is applied in one transaction,
    /// and fewer, larger ones write the receiver's pages fewer times (a first sync of 100,000
    /// articles took 1.45× as long with 10,000).
    public static let defaultPageLimit = 50_000
    /// The default bound of bytes per `changes` message: 16 MiB.
    public static let defaultPageBytes = 1 << 24

    /// Creates options.
    public init(
        pageLimit: Int = defaultPageLimit, pageBytes: Int = defaultPageBytes, maxClockSkew: TimeInterval = 86_400, dryRun: Bool = false,
        progress: ((SyncProgress) -> Void)? = nil
    ) {
        self.pageLimit = pageLimit
        self.pageBytes = pageBytes
        self.maxClockSkew = maxClockSkew
        self.dryRun = dryRun
        self.progress = progress
    }
}

/// How far a session has come, for a progress line.
public struct SyncProgress: Hashable, Sendable {
    /// Which way the pages now go.
    public enum Direction: Hashable, Sendable {
        case receiving, sending
    }

    /// Which way the pages now go.
    public var direction: Direction
    /// Pages so far in this direction.
    public var pages: Int
    /// Field changes so far in this direction.
    public var changes: Int
    /// Bytes of messages so far, both ways.
    public var bytes: Int
    /// How much of the feed being pulled has been covered, from 0 to 1, when known.
    public var fraction: Double?
}
