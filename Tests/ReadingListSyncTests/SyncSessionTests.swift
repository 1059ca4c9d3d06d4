import Foundation
import ReadingListModel
@testable import ReadingListStorage
import ReadingListSync
import ReadingListWire
import Testing

@Suite struct SyncSessionTests {
    final class Folder: @unchecked Sendable {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("readlist-sync-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func library(_ name: String) throws -> ReadingLibrary { try ReadingLibrary(path: url.appendingPathComponent(name).path) }
    }

    func sync(_ initiator: ReadingLibrary, _ responder: ReadingLibrary, pageLimit: Int = 2_000) throws -> SyncReport {
        let options = SyncOptions(pageLimit: pageLimit)
        return try SyncSession.run(initiator, over: LocalTransport(responder: SyncResponder(library: responder, options: options)), options: options)
    }

    @Test func twoLibrariesConvergeAndASecondSyncSendsNothingNew() throws {
        let folder = try Folder()
        let a = try folder.library("a.sqlite")
        let b = try folder.library("b.sqlite")
        try a.save(ArticleDraft(source: .url("https://example.com/1"), content: "Words to quote here.", tags: ["x"]))
        try a.addHighlight(to: "https://example.com/1", quote: "quote")
        try b.save(ArticleDraft(source: .url("https://example.com/1"), tags: ["y"]))
        for index in 2..<30 { try b.save(ArticleDraft(source: .url("https://example.com/\(index)"))) }

        let report = try sync(a, b, pageLimit: 25)
        #expect(report.peer == (try b.identity().replicaID))
        #expect(report.version == 1)
        #expect(report.pagesReceived > 1 && report.pagesSent >= 1)
        #expect(report.checksum == (try a.checksum()))
        #expect(!report.repaired)
        #expect(try a.exportArticles() == b.exportArticles())
        #expect(try a.article("https://example.com/1").tags == ["x", "y"])

        _ = try sync(a, b)
        let quiet = try sync(a, b)
        #expect(quiet.changesReceived == 0 && quiet.changesSent == 0)
        #expect(try a.checksum() == b.checksum())
    }

    @Test func theResponderAnswersGarbageWithAnError() throws {
        let folder = try Folder()
        let responder = SyncResponder(library: try folder.library("b.sqlite"))
        for request in ["", "not json", "{}", #"{"type":"teleport"}"#, #"{"type":"pull","after":"0","incarnation":"x","limit":5}"#] {
            let answer = try SyncCodec.decode(responder.respond(to: Data(request.utf8)))
            guard case .error(let failure) = answer else {
                Issue.record("\(request) was answered with \(answer)")
                continue
            }
            #expect(failure.code == .badMessage, "\(request): \(failure)")
        }
    }

    @Test func versionsThatDoNotOverlapAreRefusedNamingBothRanges() throws {
        let folder = try Folder()
        let responder = SyncResponder(library: try folder.library("b.sqlite"))
        let hello = SyncMessage.hello(SyncMessage.Hello(
            minVersion: 2, maxVersion: 3,
            replica: ReplicaIdentity(replicaID: UUID().uuidString.lowercased(), incarnation: UUID().uuidString.lowercased()),
            schemaVersion: 1))
        let answer = try SyncCodec.decode(responder.respond(to: SyncCodec.encode(hello)))
        guard case .error(let failure) = answer else { Issue.record("\(answer)"); return }
        #expect(failure.code == .versionNotSupported)
        #expect(failure.message.contains("1…1") && failure.message.contains("2…3"))
    }

    @Test func aLibraryCannotSyncWithItself() throws {
        let folder = try Folder()
        let a = try folder.library("a.sqlite")
        let error = #expect(throws: SyncFailure.self) { try sync(a, try folder.library("a.sqlite")) }
        #expect(error?.message.contains("cannot sync with itself") == true)
    }

    @Test func skewedChangesStopTheSessionAndApplyNothing() throws {
        let folder = try Folder()
        let future = try ReadingLibrary(path: folder.url.appendingPathComponent("f.sqlite").path, now: { Date().addingTimeInterval(3 * 86_400) })
        let present = try folder.library("p.sqlite")
        try future.save(ArticleDraft(source: .url("https://example.com/from-the-future")))
        #expect(throws: ReadingListError.self) { try sync(present, future) }
        #expect(try present.status().articles == 0)
    }

    /// The next page is pulled while this one is applied: a page refused midway ends the session
    /// with its error, the pages before stay applied, at most one pull went ahead, and the
    /// transport never carried two exchanges at once.
    @Test func aPageRefusedMidwayKeepsThePagesBeforeAndPullsOneAheadAtMost() throws {
        let folder = try Folder()
        let clock = FutureClock()
        let peer = try ReadingLibrary(path: folder.url.appendingPathComponent("f.sqlite").path, now: { clock.now })
        for index in 0..<6 { try peer.save(ArticleDraft(source: .url("https://example.com/now/\(index)"))) }
        clock.jump(days: 3)
        for index in 0..<20 { try peer.save(ArticleDraft(source: .url("https://example.com/later/\(index)"))) }
        let here = try folder.library("p.sqlite")
        // A slow applier (progress is reported after each page applied), so that pulls could run far ahead.
        let options = SyncOptions(pageLimit: 10, progress: { _ in Thread.sleep(forTimeInterval: 0.02) })
        let transport = CountingTransport(LocalTransport(responder: SyncResponder(library: peer, options: options)))
        #expect(throws: ReadingListError.self) { try SyncSession.run(here, over: transport, options: options) }
        let isLater = { (change: FieldChange) in if case .text(let url) = change.value { url.contains("/later/") } else { false } }
        // The pages the peer serves, up to the first with a change from three days ahead.
        var pagesBefore = 0
        var after: Int64 = 0
        while case let page = try peer.changes(after: after, limit: 10), !page.changes.contains(where: isLater) {
            pagesBefore += 1
            after = page.toSequence
        }
        #expect(pagesBefore >= 1)
        #expect(try here.cursor(for: peer.identity().replicaID)?.sequence == after, "the pages before the refused one are applied")
        #expect(try here.status().articles >= 1)
        #expect(!(try here.changes(after: 0).changes.contains(where: isLater)))
        // The pages applied, the page refused, and at most one more.
        let pulls = transport.requests.filter { $0 == "pull" }.count
        #expect(pulls == pagesBefore + 1 || pulls == pagesBefore + 2)
        #expect(!transport.requests.contains("done"))
        #expect(transport.mostAtOnce == 1)
    }
}

/// A clock that jumps forward on request.
private final class FutureClock: @unchecked Sendable {
    private let lock = NSLock()
    private var offset: TimeInterval = 0
    var now: Date { lock.withLock { Date().addingTimeInterval(offset) } }
    func jump(days: Double) { lock.withLock { offset += days * 86_400 } }
}

/// Passes exchanges on, keeping each request's type and counting how many were in flight at once.
private final class CountingTransport<Inner: SyncTransport>: SyncTransport, @unchecked Sendable {
    private let inner: Inner
    private let lock = NSLock()
    private var inFlight = 0
    private var types: [String] = []
    private var most = 0

    init(_ inner: Inner) { self.inner = inner }

    var requests: [String] { lock.withLock { types } }
    var mostAtOnce: Int { lock.withLock { most } }

    func exchange(_ request: Data) throws -> Data {
        let type = (try? JSONSerialization.jsonObject(with: request) as? [String: Any])?["type"] as? String ?? "?"
        lock.withLock {
            inFlight += 1
            most = max(most, inFlight)
            types.append(type)
        }
        defer { lock.withLock { inFlight -= 1 } }
        // Long enough for a second exchange to begin if the session allowed one.
        Thread.sleep(forTimeInterval: 0.001)
        return try inner.exchange(request)
    }
}
