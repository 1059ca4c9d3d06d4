import Foundation
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
        _ library: ReadingLibrary, over transport: some SyncTransport, options: SyncOptions = SyncOptions()
    ) throws -> SyncReport {
        var session = Run(library: library, transport: transport, options: options)
        return try session.run()
    }

    /// One session's state.
    private struct Run<Transport: SyncTransport> {
        let library: ReadingLibrary
        let transport: Transport
        let options: SyncOptions
        let started = Date()
        var report = SyncReport()
        var tally = ChangeTally()
        /// Whether the peer's `hello` listed `compact-rows`: the pages it pulls are then written compactly.
        var peerReadsCompactRows = false

        init(library: ReadingLibrary, transport: Transport, options: SyncOptions) {
            self.library = library
            self.transport = transport
            self.options = options
            report.dryRun = options.dryRun
        }

        mutating func run() throws -> SyncReport {
            let me = try library.identity()
            let greeting = try send(.hello(SyncMessage.Hello(replica: me, schemaVersion: ReadingLibrary.schemaVersion)))
            guard case .hello(let hello) = greeting else { throw greeting.unexpected(where: "hello") }
            guard let version = SyncProtocol.negotiate(
                SyncProtocol.minVersion...SyncProtocol.maxVersion, hello.minVersion...hello.maxVersion)
            else {
                throw SyncFailure(
                    .versionNotSupported,
                    "No common protocol version: this replica speaks \(SyncProtocol.minVersion)…\(SyncProtocol.maxVersion), the peer \(hello.minVersion)…\(hello.maxVersion).")
            }
            let peer = hello.replica
            if options.dryRun, !hello.capabilities.contains(SyncProtocol.dryRunCapability) {
                throw SyncFailure(
                    .versionNotSupported,
                    "Replica \(peer.replicaID) cannot do a dry run (it does not list the \"\(SyncProtocol.dryRunCapability)\" capability); nothing was changed. Upgrade readlist there, or sync without --dry-run.")
            }
            report.peer = peer.replicaID
            report.version = version
            peerReadsCompactRows = hello.capabilities.contains(SyncProtocol.compactRowsCapability)

            let stored = try library.cursor(for: peer.replicaID)
            try pullAll(from: peer, after: stored?.incarnation == peer.incarnation ? stored?.sequence ?? 0 : 0, full: false)
            var theirs = try letPeerPull(me: me, peer: peer, full: false)
            var ours = try library.checksum()
            if theirs != ours, !options.dryRun {
                report.repaired = true
                try pullAll(from: peer, after: 0, full: true)
                theirs = try letPeerPull(me: me, peer: peer, full: true)
                ours = try library.checksum(recounting: true)
                guard theirs == ours else {
                    throw SyncFailure(
                        .checksumMismatch,
                        "After a full exchange the states still differ (checksum \(ours) here, \(theirs ?? "none") at \(peer.replicaID)). Keep both files and report this as a bug.")
                }
            }
            report.here = tally.summary
            report.checksum = ours
            report.seconds = Date().timeIntervalSince(started)
            return report
        }

        /// Pulls the peer's feed after `after` to its end; `full` asks for this side's own values too.
        /// The next page travels and is decoded while this one is applied (``PageStream``).
        mutating func pullAll(from peer: ReplicaIdentity, after start: Int64, full: Bool) throws {
            let pages = PageStream(
                over: transport, peer: peer, after: start, full: full, pageLimit: options.pageLimit, pageBytes: options.pageBytes)
            defer { pages.finish() }
            while let pulled = try pages.nextPage() {
                let page = pulled.page
                report.bytesSent += pulled.requestBytes
                report.bytesReceived += pulled.replyBytes
                let merged = options.dryRun
                    ? try library.preview(pulled.prepared, from: peer, maxClockSkew: options.maxClockSkew)
                    : try library.apply(pulled.prepared, from: peer, maxClockSkew: options.maxClockSkew)
                tally.record(merged.rows)
                report.pagesReceived += 1
                report.changesReceived += page.changes.count
                report.changesApplied += merged.applied
                notify(.receiving, pages: report.pagesReceived, changes: report.changesReceived, start: start, page: page)
            }
        }

        /// Sends `done` and serves the peer's pulls; returns the peer's checksum.
        mutating func letPeerPull(me: ReplicaIdentity, peer: ReplicaIdentity, full: Bool) throws -> String? {
            var answer = try send(.done(SyncMessage.Done(checksum: nil, full: full, dryRun: options.dryRun)))
            var start: Int64?
            while case .pull(let pull) = answer {
                guard pull.incarnation == me.incarnation else {
                    throw SyncFailure(.cursorInvalid, "The peer asked for incarnation \(pull.incarnation) of this replica, which is \(me.incarnation).")
                }
                let (page, encoded) = try PageReader.page(
                    library, for: pull, puller: peer.replicaID, pageLimit: options.pageLimit, pageBytes: options.pageBytes,
                    compactRows: peerReadsCompactRows)
                start = start ?? pull.after
                report.pagesSent += 1
                report.changesSent += page.changes.count
                answer = try send(encoded)
                notify(.sending, pages: report.pagesSent, changes: report.changesSent, start: start ?? 0, page: page)
            }
            guard case .done(let done) = answer else { throw answer.unexpected(where: "pull or done") }
            report.changesAppliedByPeer = done.applied
            report.there = done.summary
            return done.checksum
        }

        mutating func send(_ message: SyncMessage) throws -> SyncMessage {
            try send(SyncCodec.encode(message))
        }

        /// Sends an encoded message and decodes the answer; an `error` answer is thrown.
        mutating func send(_ request: Data) throws -> SyncMessage {
            report.bytesSent += request.count
            let answer = try transport.answer(to: request)
            report.bytesReceived += answer.bytes
            return answer.message
        }

        func notify(_ direction: SyncProgress.Direction, pages: Int, changes: Int, start: Int64, page: ChangePage) {
            guard let progress = options.progress else { return }
            var fraction: Double?
            if let end = page.feedEnd, end > start {
                fraction = page.hasMore ? min(1, Double(page.toSequence - start) / Double(end - start)) : 1
            }
            progress(SyncProgress(
                direction: direction, pages: pages, changes: changes, bytes: report.bytesSent + report.bytesReceived,
                fraction: page.hasMore ? fraction : 1))
        }
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

    /// The failure for a peer that answered with this message where `wanted` was expected.
    func unexpected(where wanted: String) -> SyncFailure {
        SyncFailure(.badMessage, "The peer answered \(typeName) where \(wanted) was expected.")
    }
}
