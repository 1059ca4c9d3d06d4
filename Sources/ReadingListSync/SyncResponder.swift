public import Foundation
public import ReadingListStorage
import ReadingListModel
import ReadingListWire

/// The answering side of a sync session (`readlist serve`, or the other file of a local sync).
///
/// It answers every message with exactly one message, so a session runs over any transport
/// that carries lines: `hello` → `hello`; `pull` → `changes`; `done` (the initiator has pulled)
/// → `pull` (this side pulls back); `changes` → `pull` for the next page, or `done` with this
/// side's checksum after the last one. Failures are answered with `error`.
public final class SyncResponder {
    private let library: ReadingLibrary
    private let pageLimit: Int
    private let maxClockSkew: TimeInterval
    private var identity: ReplicaIdentity?
    private var peer: ReplicaIdentity?
    /// Field changes from the initiator that won here and were applied.
    public private(set) var changesApplied = 0

    /// Creates a responder for `library`.
    public init(library: ReadingLibrary, pageLimit: Int = 2_000, maxClockSkew: TimeInterval = 86_400) {
        self.library = library
        self.pageLimit = pageLimit
        self.maxClockSkew = maxClockSkew
    }

    /// Answers one encoded message with one encoded message.
    public func respond(to request: Data) -> Data {
        SyncCodec.encode(answer(request))
    }

    private func answer(_ request: Data) -> SyncMessage {
        do {
            return try answer(try SyncCodec.decode(request))
        } catch let failure as SyncFailure {
            return .error(failure)
        } catch let error as ReadingListError {
            return .error(SyncFailure(error.code == .clockSkew ? .clockSkew : .internalError, error.message))
        } catch {
            return .error(SyncFailure(.internalError, "\(error)"))
        }
    }

    private func answer(_ message: SyncMessage) throws -> SyncMessage {
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
            return .hello(SyncMessage.Hello(replica: me, schemaVersion: ReadingLibrary.schemaVersion))
        case .pull(let pull):
            let me = try opened().me
            guard pull.incarnation == me.incarnation else {
                throw SyncFailure(.cursorInvalid, "The cursor is for incarnation \(pull.incarnation) of this replica, which is now \(me.incarnation). Pull again from 0.")
            }
            return .changes(SyncMessage.Changes(page: try library.changes(after: pull.after, limit: min(pull.limit, pageLimit))))
        case .done(let done):
            let peer = try opened().peer
            return .pull(SyncMessage.Pull(after: done.full ? 0 : try cursor(for: peer), incarnation: peer.incarnation, limit: pageLimit))
        case .changes(let changes):
            let peer = try opened().peer
            changesApplied += try library.apply(changes.page, from: peer, maxClockSkew: maxClockSkew).applied
            guard changes.page.hasMore else { return .done(SyncMessage.Done(checksum: try library.checksum())) }
            return .pull(SyncMessage.Pull(after: try cursor(for: peer), incarnation: peer.incarnation, limit: pageLimit))
        case .error(let failure):
            return .error(failure)
        }
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
