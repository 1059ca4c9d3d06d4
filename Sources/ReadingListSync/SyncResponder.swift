public import Foundation
public import ReadingListStorage
import ReadingListModel
import ReadingListWire

/// The answering side of a sync session (`readlist serve`, or the other file of a local sync).
///
/// It answers every message with exactly one message, so a session runs over any transport
/// that carries lines: `hello` → `hello`; `pull` → `changes`; `done` (the initiator has pulled)
/// → `pull` (this side pulls back); `changes` → `pull` for the next page, or `done` with this
/// side's checksum, the number of changes it applied and what they did, after the last one.
/// Failures are answered with `error`.
public final class SyncResponder {
    private let library: ReadingLibrary
    private let options: SyncOptions
    private var identity: ReplicaIdentity?
    private var peer: ReplicaIdentity?
    /// Whether the initiator's `hello` listed `compact-rows`: its pages are then written compactly.
    private var peerReadsCompactRows = false
    /// Whether the initiator asked for a dry run (set by its `done`).
    private var dryRun = false
    /// Whether this side is pulling everything, its own values included (a repair).
    private var pullingAll = false
    /// Field changes from the initiator that won here (or would, in a dry run).
    public private(set) var changesApplied = 0
    private var tally = ChangeTally()

    /// Creates a responder for `library`. Of `options`, the page bounds and the clock skew apply.
    public init(library: ReadingLibrary, options: SyncOptions = SyncOptions()) {
        self.library = library
        self.options = options
    }

    /// Answers one encoded message with one encoded message.
    public func respond(to request: Data) -> Data {
        do {
            return try answer(try SyncCodec.decode(request))
        } catch let failure as SyncFailure {
            return SyncCodec.encode(.error(failure))
        } catch let error as ReadingListError {
            let code: SyncFailure.Code = switch error.code {
            case .clockSkew: .clockSkew
            case .cursorInvalid: .cursorInvalid
            case .invalidInput: .badMessage
            default: .internalError
            }
            return SyncCodec.encode(.error(SyncFailure(code, error.message)))
        } catch {
            return SyncCodec.encode(.error(SyncFailure(.internalError, "\(error)")))
        }
    }

    private func answer(_ message: SyncMessage) throws -> Data {
        switch message {
        case .hello(let hello):
            let me = try library.identity()
            guard hello.protocolName == SyncProtocol.name else {
                throw SyncFailure(.badMessage, "This is a \(SyncProtocol.name) peer; \"\(hello.protocolName)\" is another protocol.")
            }
            guard SyncProtocol.negotiate(SyncProtocol.minVersion...SyncProtocol.maxVersion, hello.minVersion...hello.maxVersion) != nil
            else {
                throw SyncFailure(
                    .versionNotSupported,
                    "No common protocol version: this replica speaks \(SyncProtocol.minVersion)…\(SyncProtocol.maxVersion), the peer \(hello.minVersion)…\(hello.maxVersion).")
            }
            guard hello.replica.replicaID != me.replicaID else {
                throw SyncFailure(.badMessage, "Both sides are replica \(me.replicaID): a library cannot sync with itself or a copy of itself.")
            }
            identity = me
            peer = hello.replica
            peerReadsCompactRows = hello.capabilities.contains(SyncProtocol.compactRowsCapability)
            return SyncCodec.encode(.hello(SyncMessage.Hello(replica: me, schemaVersion: ReadingLibrary.schemaVersion)))
        case .pull(let pull):
            let (me, peer) = try opened()
            guard pull.incarnation == me.incarnation else {
                throw SyncFailure(.cursorInvalid, "The cursor is for incarnation \(pull.incarnation) of this replica, which is now \(me.incarnation). Pull again from 0.")
            }
            return try PageReader.page(
                library, for: pull, puller: peer.replicaID, pageLimit: options.pageLimit, pageBytes: options.pageBytes,
                compactRows: peerReadsCompactRows
            ).encoded
        case .done(let done):
            let peer = try opened().peer
            dryRun = done.dryRun
            pullingAll = done.full
            let after = done.full ? 0 : try cursor(for: peer)
            return SyncCodec.encode(.pull(pull(after: after, from: peer)))
        case .changes(let changes):
            let peer = try opened().peer
            let merged = dryRun
                ? try library.preview(changes.page, from: peer, maxClockSkew: options.maxClockSkew)
                : try library.apply(changes.page, from: peer, maxClockSkew: options.maxClockSkew)
            changesApplied += merged.applied
            tally.record(merged.rows)
            guard changes.page.hasMore else {
                let done = SyncMessage.Done(
                    checksum: dryRun ? nil : try library.checksum(recounting: pullingAll), applied: changesApplied, summary: tally.summary)
                return SyncCodec.encode(.done(done))
            }
            return SyncCodec.encode(.pull(pull(after: changes.page.toSequence, from: peer)))
        case .error(let failure):
            return SyncCodec.encode(.error(failure))
        }
    }

    private func pull(after: Int64, from peer: ReplicaIdentity) -> SyncMessage.Pull {
        SyncMessage.Pull(
            after: after, incarnation: peer.incarnation, limit: options.pageLimit, maxBytes: options.pageBytes,
            includeOwn: pullingAll)
    }

    private func opened() throws(SyncFailure) -> (me: ReplicaIdentity, peer: ReplicaIdentity) {
        guard let identity, let peer else { throw SyncFailure(.badMessage, "A session starts with hello.") }
        return (identity, peer)
    }

    private func cursor(for peer: ReplicaIdentity) throws -> Int64 {
        guard let cursor = try library.cursor(for: peer.replicaID), cursor.incarnation == peer.incarnation else { return 0 }
        return cursor.sequence
    }
}
