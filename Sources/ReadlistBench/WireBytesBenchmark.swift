import Foundation
import ReadingList

/// Wire bytes per field change: the `changes` messages an empty replica receives in a first
/// sync of a prepared library (no bodies), over the field changes they carry. The pulls are
/// the session's own (`SyncOptions` defaults, from sequence 0 to the feed's end) sent to a
/// `SyncResponder` on the library, so each page is read, bounded and encoded by the library
/// exactly as a session gets it (JSON, without the newline, uncompressed); nothing is applied.
/// Nothing is timed: measured once per size. No baseline.
enum WireBytesBenchmark {
    static func run(articles: Int, context: BenchContext) throws -> Figure {
        let responder = SyncResponder(library: try ReadingLibrary(path: context.libraries.file(articles: articles, bodies: false)))
        let options = SyncOptions()
        let puller = ReplicaIdentity(replicaID: UUID().uuidString.lowercased(), incarnation: UUID().uuidString.lowercased())
        let greeting = SyncMessage.hello(SyncMessage.Hello(replica: puller, schemaVersion: ReadingLibrary.schemaVersion))
        guard case .hello(let hello) = try SyncCodec.decode(responder.respond(to: SyncCodec.encode(greeting))) else {
            throw BenchError("The responder did not answer hello with hello.")
        }
        var bytes = 0
        var fieldChanges = 0
        var pages = 0
        var after: Int64 = 0
        var hasMore = true
        while hasMore {
            let pull = SyncMessage.Pull(
                after: after, incarnation: hello.replica.incarnation, limit: options.pageLimit, maxBytes: options.pageBytes)
            let reply = responder.respond(to: SyncCodec.encode(.pull(pull)))
            guard case .changes(let changes) = try SyncCodec.decode(reply) else {
                throw BenchError("The responder did not answer a pull with changes: \(String(decoding: reply, as: UTF8.self))")
            }
            bytes += reply.count
            fieldChanges += changes.page.changes.count
            pages += 1
            after = changes.page.toSequence
            hasMore = changes.page.hasMore
        }
        return Figure(
            name: "wire bytes per field change (\(pages) page\(pages == 1 ? "" : "s"))", articles: articles, unit: "bytes",
            samples: [Double(bytes) / Double(max(1, fieldChanges))], baselineSamples: nil, target: .atMost(120))
    }
}
