public import Foundation
public import ReadingListStorage
import ReadingListModel
import ReadingListWire

/// The initiating side of a sync session: pulls the peer's changes, lets the peer pull back,
/// then compares state checksums; on a mismatch it repeats the whole exchange once and fails
/// loudly if the checksums still differ (SPEC.md §6).
public enum SyncSession {
    /// Runs a session between `library` and the peer at the other end of `transport`.
    /// - Throws: ``SyncFailure`` (an `error` from the peer, a bad message, a checksum mismatch)
    ///   or ``ReadingListError`` from this library (e.g. clock skew). Pages applied before a
    ///   failure stay applied, with their cursors; the next session resumes after them.
    public static func run(
        _ library: ReadingLibrary, over transport: some SyncTransport, pageLimit: Int = 2_000,
        maxClockSkew: TimeInterval = 86_400
    ) throws -> SyncReport {
        let started = Date()
        var report = SyncReport()
        func send(_ message: SyncMessage) throws -> SyncMessage {
            let request = SyncCodec.encode(message)
            report.bytesSent += request.count
            let reply = try transport.exchange(request)
            report.bytesReceived += reply.count
            let answer = try SyncCodec.decode(reply)
            if case .error(let failure) = answer { throw failure }
            return answer
        }
        func unexpected(_ message: SyncMessage, _ wanted: String) -> SyncFailure {
            SyncFailure(.badMessage, "The peer answered \(message.typeName) where \(wanted) was expected.")
        }

        let me = try library.identity()
        let greeting = try send(.hello(SyncMessage.Hello(replica: me, schemaVersion: ReadingLibrary.schemaVersion)))
        guard case .hello(let hello) = greeting else { throw unexpected(greeting, "hello") }
        guard let version = SyncProtocol.negotiate(
            SyncProtocol.minVersion...SyncProtocol.maxVersion, hello.minVersion...hello.maxVersion)
        else {
            throw SyncFailure(
                .versionNotSupported,
                "No common protocol version: this replica speaks \(SyncProtocol.minVersion)…\(SyncProtocol.maxVersion), the peer \(hello.minVersion)…\(hello.maxVersion).")
        }
        let peer = hello.replica
        report.peer = peer.replicaID
        report.version = version

        func pullAll(from start: Int64) throws {
            var after = start
            while true {
                let answer = try send(.pull(SyncMessage.Pull(after: after, incarnation: peer.incarnation, limit: pageLimit)))
                guard case .changes(let changes) = answer else { throw unexpected(answer, "changes") }
                let applied = try library.apply(changes.page, from: peer, maxClockSkew: maxClockSkew)
                report.pagesReceived += 1
                report.changesReceived += changes.page.changes.count
                report.changesApplied += applied.applied
                after = changes.page.toSequence
                if !changes.page.hasMore { return }
            }
        }
        func letPeerPull(full: Bool) throws -> String? {
            var answer = try send(.done(SyncMessage.Done(checksum: nil, full: full)))
            while case .pull(let pull) = answer {
                guard pull.incarnation == me.incarnation else {
                    throw SyncFailure(.cursorInvalid, "The peer asked for incarnation \(pull.incarnation) of this replica, which is \(me.incarnation).")
                }
                let page = try library.changes(after: pull.after, limit: min(pull.limit, pageLimit))
                report.pagesSent += 1
                report.changesSent += page.changes.count
                answer = try send(.changes(SyncMessage.Changes(page: page)))
            }
            guard case .done(let done) = answer else { throw unexpected(answer, "pull or done") }
            return done.checksum
        }

        let stored = try library.cursor(for: peer.replicaID)
        try pullAll(from: stored?.incarnation == peer.incarnation ? stored?.sequence ?? 0 : 0)
        var theirs = try letPeerPull(full: false)
        var ours = try library.checksum()
        if theirs != ours {
            report.repaired = true
            try pullAll(from: 0)
            theirs = try letPeerPull(full: true)
            ours = try library.checksum()
            guard theirs == ours else {
                throw SyncFailure(
                    .checksumMismatch,
                    "After a full exchange the states still differ (checksum \(ours) here, \(theirs ?? "none") at \(peer.replicaID)). Keep both files and report this as a bug.")
            }
        }
        report.checksum = ours
        report.seconds = Date().timeIntervalSince(started)
        return report
    }
}

extension SyncMessage {
    /// The message's `type` on the wire.
    var typeName: String {
        switch self {
        case .hello: "hello"
        case .pull: "pull"
        case .changes: "changes"
        case .done: "done"
        case .error: "error"
        }
    }
}
