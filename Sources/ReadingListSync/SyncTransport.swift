public import Foundation
import ReadingListWire

/// Carries a sync session: sends one encoded message and returns the one message the other
/// side answers with.
///
/// A session makes one exchange at a time, but not always from the same thread: it pulls the
/// next page on a thread of its own while it applies the one before.
public protocol SyncTransport {
    /// Sends `request` (one line of JSON, no newline) and returns the reply.
    func exchange(_ request: Data) throws -> Data
}

/// A transport to a responder in the same process; every message still goes through the codec.
public struct LocalTransport: SyncTransport {
    /// The other side.
    public let responder: SyncResponder

    /// Creates a transport to `responder`.
    public init(responder: SyncResponder) { self.responder = responder }

    public func exchange(_ request: Data) throws -> Data { responder.respond(to: request) }
}

extension SyncTransport {
    /// Sends `request` and decodes the reply; an `error` reply is thrown.
    /// - Returns: the reply, and its size in bytes.
    func answer(to request: Data) throws -> (message: SyncMessage, bytes: Int) {
        let reply = try exchange(request)
        let message = try SyncCodec.decode(reply)
        if case .error(let failure) = message { throw failure }
        return (message, reply.count)
    }
}
