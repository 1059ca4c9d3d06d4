public import ReadingListModel

/// A message of the sync protocol (SPEC.md §6). One message is one line of JSON.
public enum SyncMessage: Hashable, Sendable {
    /// Opens a session: who is speaking and what it speaks.
    case hello(Hello)
    /// Asks for the sender's feed after a sequence.
    case pull(Pull)
    /// A page of the sender's feed.
    case changes(Changes)
    /// The sender has finished its part; carries its state checksum when it has one.
    case done(Done)
    /// Something went wrong; the session ends.
    case error(SyncFailure)

    /// `hello`: the opening message of each side.
    public struct Hello: Hashable, Sendable {
        /// Always ``SyncProtocol/name``.
        public var protocolName: String
        /// The lowest protocol version the sender speaks.
        public var minVersion: Int
        /// The highest protocol version the sender speaks.
        public var maxVersion: Int
        /// The sender's replica id and incarnation.
        public var replica: ReplicaIdentity
        /// The sender's storage schema version.
        public var schemaVersion: Int
        /// Optional features the sender supports.
        public var capabilities: [String]

        /// Creates a hello.
        public init(
            protocolName: String = SyncProtocol.name, minVersion: Int = SyncProtocol.minVersion,
            maxVersion: Int = SyncProtocol.maxVersion, replica: ReplicaIdentity, schemaVersion: Int,
            capabilities: [String] = SyncProtocol.capabilities
        ) {
            self.protocolName = protocolName
            self.minVersion = minVersion
            self.maxVersion = maxVersion
            self.replica = replica
            self.schemaVersion = schemaVersion
            self.capabilities = capabilities
        }
    }

    /// `pull`: send me your feed after `after`.
    public struct Pull: Hashable, Sendable {
        /// The last sequence of the receiver's feed the sender has applied.
        public var after: Int64
        /// The receiver's incarnation that `after` belongs to.
        public var incarnation: String
        /// At most this many field changes per page.
        public var limit: Int
        /// At most about this many bytes per `changes` message, when given.
        public var maxBytes: Int?
        /// Asks for the sender's own values too (a repair); normally they are left out.
        public var includeOwn: Bool

        /// Creates a pull.
        public init(after: Int64, incarnation: String, limit: Int, maxBytes: Int? = nil, includeOwn: Bool = false) {
            self.after = after
            self.incarnation = incarnation
            self.limit = limit
            self.maxBytes = maxBytes
            self.includeOwn = includeOwn
        }
    }

    /// `changes`: one page of the sender's feed.
    public struct Changes: Hashable, Sendable {
        /// The page.
        public var page: ChangePage

        /// Creates a changes message.
        public init(page: ChangePage) { self.page = page }
    }

    /// `done`: the sender has finished its part of the session.
    public struct Done: Hashable, Sendable {
        /// The sender's state checksum (SPEC.md §3.6), when its state is final.
        public var checksum: String?
        /// Asks the receiver to pull the sender's whole feed, from sequence 0 (a repair).
        public var full: Bool
        /// Asks the receiver to judge what it pulls without applying it.
        public var dryRun: Bool
        /// Field changes the sender applied (or, in a dry run, would apply) in this session.
        public var applied: Int?
        /// What those changes did (or would do) to the sender's library.
        public var summary: ChangeSummary?

        /// Creates a done message.
        public init(checksum: String?, full: Bool = false, dryRun: Bool = false, applied: Int? = nil, summary: ChangeSummary? = nil) {
            self.checksum = checksum
            self.full = full
            self.dryRun = dryRun
            self.applied = applied
            self.summary = summary
        }
    }
}

/// `error`: why a session failed, with a typed code.
public struct SyncFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The error codes of SPEC.md §6.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case versionNotSupported = "version_not_supported"
        case cursorInvalid = "cursor_invalid"
        case clockSkew = "clock_skew"
        case badMessage = "bad_message"
        case checksumMismatch = "checksum_mismatch"
        case internalError = "internal_error"
    }

    /// The code.
    public var code: Code
    /// One line for people.
    public var message: String

    /// Creates a failure.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
