import Foundation
import ReadingListModel
import ReadingListStorage
import ReadingListSupport
import ReadingListWire

/// The pages of one pull of the peer's feed, pulled, decoded and prepared (``PreparedPage``) on
/// a thread of their own one page ahead of the caller: while the caller applies a page, the peer
/// reads and encodes the next one and this side decodes and checks it. The pulls are the ones a
/// page-at-a-time loop sends (each continues after the page before), so the peer cannot tell
/// the difference.
///
/// The transport is used by the stream's thread alone from
/// ``init(over:peer:after:full:pageLimit:pageBytes:)`` until the last page, a failure, or
/// ``finish()`` returns; call `finish()` (a `defer`) before using the transport again.
struct PageStream {
    /// A page the peer sent, prepared to apply, with the size of the pull that asked for it and
    /// of the answer.
    struct Pulled: Sendable {
        let prepared: PreparedPage
        var page: ChangePage { prepared.page }
        let requestBytes: Int
        let replyBytes: Int
    }

    private let pages: BackgroundSequence<Result<Pulled, any Error>>

    /// Starts pulling the peer's feed after `after` to its end; `full` asks for the puller's own
    /// values too.
    init(
        over transport: some SyncTransport, peer: ReplicaIdentity, after start: Int64, full: Bool,
        pageLimit: Int, pageBytes: Int
    ) {
        // One page ahead: the next is pulled while the caller applies this one, and waits.
        pages = BackgroundSequence(chunkSize: 1, maxChunks: 0) { emit in
            var after = start
            while true {
                let pull = SyncMessage.Pull(
                    after: after, incarnation: peer.incarnation, limit: pageLimit, maxBytes: pageBytes, includeOwn: full)
                let pulled = Result { try Self.exchange(pull, over: transport) }
                guard emit(pulled), case .success(let received) = pulled, received.page.hasMore else { return }
                after = received.page.toSequence
            }
        }
    }

    /// The next page, or nil after the last one.
    /// - Throws: what the transport threw, the peer's `error`, or ``SyncFailure`` for an answer
    ///   that is not a `changes` message.
    func nextPage() throws -> Pulled? {
        try pages.next()?.get()
    }

    /// Stops pulling (after the pull in flight, if any, is answered) and waits for the thread.
    func finish() { pages.finish() }

    /// Sends `pull` and decodes the answer, which must be a `changes` message.
    private static func exchange(_ pull: SyncMessage.Pull, over transport: some SyncTransport) throws -> Pulled {
        let request = SyncCodec.encode(.pull(pull))
        let answer = try transport.answer(to: request)
        guard case .changes(let changes) = answer.message else { throw answer.message.unexpected(where: "changes") }
        return Pulled(prepared: PreparedPage(changes.page), requestBytes: request.count, replyBytes: answer.bytes)
    }
}
