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
}
