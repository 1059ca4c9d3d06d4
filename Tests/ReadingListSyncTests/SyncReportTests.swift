import Foundation
import ReadingListModel
import ReadingListStorage
import ReadingListSync
import ReadingListWire
import Testing

/// What a session reports (rows added, updated, deleted on each side), dry runs, page bounds
/// in bytes, echo suppression and progress.
@Suite struct SyncReportTests {
    let folder: SyncSessionTests.Folder

    init() throws { folder = try SyncSessionTests.Folder() }

    func sync(_ a: ReadingLibrary, _ b: ReadingLibrary, _ options: SyncOptions = SyncOptions()) throws -> SyncReport {
        try SyncSession.run(a, over: LocalTransport(responder: SyncResponder(library: b, options: options)), options: options)
    }

    /// A and B after a first sync, then edited apart: each side has something to add, update
    /// and delete on the other.
    func divergedPair() throws -> (ReadingLibrary, ReadingLibrary) {
        let a = try folder.library("a.sqlite")
        let b = try folder.library("b.sqlite")
        for index in 0..<4 { try a.save(ArticleDraft(source: .url("https://example.com/\(index)"), content: "Some words.", tags: ["old"])) }
        try a.addHighlight(to: "https://example.com/0", quote: "words")
        _ = try sync(a, b)
        // On A: one new article, one read, one deleted, one tag renamed.
        try a.save(ArticleDraft(source: .url("https://example.com/new-on-a")))
        try a.setRead("https://example.com/1", true)
        try a.delete("https://example.com/2")
        try a.renameTag("old", to: "Old")
        // On B: two new articles (one tagged), a new tag on an article, a highlight deleted.
        try b.save(ArticleDraft(source: .url("https://example.com/new-on-b"), tags: ["fresh"]))
        try b.save(ArticleDraft(source: .url("https://example.com/also-new-on-b")))
        try b.addTags(["more"], to: "https://example.com/3")
        try b.deleteHighlight(try b.highlights()[0].id.description)
        return (a, b)
    }

    @Test func theReportCountsRowsAddedUpdatedAndDeletedOnEachSide() throws {
        let (a, b) = try divergedPair()
        let report = try sync(a, b)
        #expect(report.here == ChangeSummary(
            articles: .init(added: 2, updated: 1), tags: .init(added: 2), highlights: .init(deleted: 1)))
        #expect(report.there == ChangeSummary(
            articles: .init(added: 1, updated: 1, deleted: 1), tags: .init(updated: 1)))
        #expect(report.changesAppliedByPeer.map { $0 > 0 } == true)
        #expect(try a.exportArticles() == b.exportArticles())
    }

    @Test func aDryRunChangesNothingAndReportsWhatASyncThenDoes() throws {
        let (a, b) = try divergedPair()
        let before = (try a.exportArticles(), try b.exportArticles(), try a.checksum(), try b.checksum(), try a.peers(), try b.peers())
        let dry = try sync(a, b, SyncOptions(pageLimit: 3, dryRun: true))
        #expect(dry.dryRun)
        let after = (try a.exportArticles(), try b.exportArticles(), try a.checksum(), try b.checksum(), try a.peers(), try b.peers())
        #expect(before == after)
        let real = try sync(a, b, SyncOptions(pageLimit: 3))
        #expect(!real.dryRun)
        #expect(dry.here == real.here)
        #expect(dry.there == real.there)
        #expect(dry.changesApplied == real.changesApplied)
        #expect(!dry.here.isEmpty && dry.there?.isEmpty == false)
    }

    @Test func aDryRunCountsANewRowWhoseFieldsSpanPagesOnce() throws {
        let a = try folder.library("a.sqlite")
        let b = try folder.library("b.sqlite")
        try a.save(ArticleDraft(source: .url("https://example.com/new"), tags: ["t"]))
        try a.setFavorite("https://example.com/new", true)
        try a.renameTag("t", to: "T")
        let options = SyncOptions(pageLimit: 1, dryRun: true)
        let dry = try sync(b, a, options)
        let real = try sync(b, a, SyncOptions(pageLimit: 1))
        #expect(dry.pagesReceived > 3)
        #expect(dry.here == real.here)
        #expect(real.here.articles == ChangeSummary.Counts(added: 1))
        #expect(real.here.tags == ChangeSummary.Counts(added: 1))
    }

    @Test func aDryRunIsRefusedByAPeerThatDoesNotListTheCapability() throws {
        let (a, b) = try divergedPair()
        let before = (try a.checksum(), try b.checksum())
        let older = OlderPeerTransport(LocalTransport(responder: SyncResponder(library: b)))
        let error = #expect(throws: SyncFailure.self) { try SyncSession.run(a, over: older, options: SyncOptions(dryRun: true)) }
        #expect(error?.message.contains("dry run") == true)
        #expect((try a.checksum(), try b.checksum()) == before)
    }

    @Test func everyPageStaysWithinItsByteBoundUnlessItIsOneEntry() throws {
        let a = try folder.library("a.sqlite")
        let b = try folder.library("b.sqlite")
        let paragraph = String(repeating: "A long paragraph of article text, with commas and \"quotes\". ", count: 40)
        for index in 0..<30 { try a.save(ArticleDraft(source: .url("https://example.com/\(index)"), content: paragraph)) }
        try a.save(ArticleDraft(source: .url("https://example.com/huge"), content: String(repeating: paragraph, count: 5)))
        let transport = RecordingTransport(LocalTransport(responder: SyncResponder(library: a)))
        let options = SyncOptions(pageBytes: 8_192)
        _ = try SyncSession.run(b, over: transport, options: options)
        var pages = 0
        for reply in transport.replies {
            guard case .changes(let changes) = try SyncCodec.decode(reply) else { continue }
            pages += 1
            let entries = Set(changes.page.changes.map(\.key))
            #expect(reply.count <= 8_192 || entries.count == 1, "a page of \(reply.count) bytes with \(entries.count) rows")
        }
        #expect(pages > 5)
        #expect(try b.exportArticles() == a.exportArticles())
    }

    @Test func valuesAreNotEchoedBackToTheReplicaThatWroteThem() throws {
        let a = try folder.library("a.sqlite")
        let b = try folder.library("b.sqlite")
        let c = try folder.library("c.sqlite")
        for index in 0..<10 { try a.save(ArticleDraft(source: .url("https://example.com/\(index)"), tags: ["t"])) }
        let first = try sync(b, a)
        #expect(first.changesReceived > 0 && first.changesSent == 0, "A's values won at B, and B does not send them back")
        // Relayed through C, A's own values still do not come back to A.
        _ = try sync(c, b)
        let fromC = try sync(a, c)
        #expect(fromC.changesReceived == 0)
        #expect(fromC.changesAppliedByPeer == 0, "C had A's values already (through B)")
        #expect(try a.checksum() == c.checksum())
    }

    @Test func progressIsReportedPageByPageAndEndsComplete() throws {
        let a = try folder.library("a.sqlite")
        let b = try folder.library("b.sqlite")
        for index in 0..<40 { try a.save(ArticleDraft(source: .url("https://example.com/\(index)"))) }
        try b.save(ArticleDraft(source: .url("https://example.com/b")))
        let seen = Recorder<SyncProgress>()
        var options = SyncOptions(pageLimit: 10)
        options.progress = { seen.append($0) }
        _ = try sync(b, a, options)
        let received = seen.values.filter { $0.direction == .receiving }
        #expect(received.count > 5)
        #expect(zip(received, received.dropFirst()).allSatisfy { ($0.fraction ?? 0) <= ($1.fraction ?? 0) && $0.changes < $1.changes })
        #expect(received.last?.fraction == 1)
        #expect(seen.values.contains { $0.direction == .sending })
    }
}

/// Collects values handed to a callback.
final class Recorder<Value>: @unchecked Sendable {
    private(set) var values: [Value] = []
    func append(_ value: Value) { values.append(value) }
}

/// A peer that speaks version 1 without any optional capability (its hello lists none).
struct OlderPeerTransport<Inner: SyncTransport>: SyncTransport {
    let inner: Inner

    init(_ inner: Inner) { self.inner = inner }

    func exchange(_ request: Data) throws -> Data {
        let reply = try inner.exchange(request)
        guard case .hello(var hello) = try SyncCodec.decode(reply) else { return reply }
        hello.capabilities = []
        return SyncCodec.encode(.hello(hello))
    }
}

/// A transport that keeps every reply.
final class RecordingTransport<Inner: SyncTransport>: SyncTransport {
    let inner: Inner
    private(set) var replies: [Data] = []

    init(_ inner: Inner) { self.inner = inner }

    func exchange(_ request: Data) throws -> Data {
        let reply = try inner.exchange(request)
        replies.append(reply)
        return reply
    }
}
