import Foundation
import ProtocolVectors
import ReadingListModel
import ReadingListWire
import Testing

/// Runs every case of the codec test vectors (Protocol/vectors/v1/codec), which every
/// implementation of SPEC.md §6.1 shares, through `SyncCodec`: a valid message decodes to the
/// case's normalized form, and encoding it again and decoding that gives the same; an invalid
/// one is refused with `bad_message`. Each case is its own test argument.
@Suite("Codec vectors")
struct CodecVectorTests {
    @Test("Vector file loads")
    func vectorFileLoads() throws {
        let cases = try CodecVectors.load(from: "messages.json")
        #expect(cases.count >= 40)
        #expect(CodecVectors.messageCases.count == cases.count)
        #expect(Set(cases.map(\.id)).count == cases.count, "case ids repeat")
        #expect(cases.contains { $0.decoded != nil } && cases.contains { $0.decoded == nil })
    }

    @Test("Codec case", arguments: CodecVectors.messageCases)
    func codecCase(_ vector: CodecVectors.Case) throws {
        let data = try vector.input()
        guard let expected = vector.decoded else {
            #expect(vector.error == "bad_message")
            let failure = #expect(throws: SyncFailure.self, "accepted, expected bad_message (\(vector.reason ?? ""))") {
                try SyncCodec.decode(data)
            }
            #expect(failure?.code == .badMessage, "\(failure?.message ?? "")")
            return
        }
        let message = try SyncCodec.decode(data)
        let decoded = CodecVectors.normalized(message)
        #expect(
            decoded.canonical.utf8.elementsEqual(expected.canonical.utf8),
            "decoded\n\(decoded.canonical)\nexpected\n\(expected.canonical)")

        // Encoding the message again and decoding that is stable.
        let encoded = SyncCodec.encode(message)
        #expect(!encoded.contains(0x0A), "one line")
        let again = try SyncCodec.decode(encoded)
        let redecoded = CodecVectors.normalized(again).canonical
        #expect(redecoded.utf8.elementsEqual(expected.canonical.utf8), "re-decoded \(redecoded)")
        #expect(SyncCodec.encode(again) == encoded, "re-encoded")
    }
}

// MARK: - Vector file

/// Locates and decodes the codec vector file, found by walking up from this source file.
enum CodecVectors {
    static let messageCases = (try? load(from: "messages.json")) ?? []


    /// A case of messages.json: `message` (or the text `raw`) decodes to `decoded`, or fails with `error`.
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let id: String
        let description: String
        /// The message as a JSON value.
        let message: VectorJSON?
        /// The message as a line of text that is not JSON.
        let raw: String?
        /// The normalized form of a valid message.
        let decoded: VectorJSON?
        /// `bad_message` for an invalid message.
        let error: String?
        /// What is wrong with an invalid message.
        let reason: String?

        var testDescription: String { "\(id): \(description)" }

        /// The bytes a decoder receives.
        func input() throws -> Data {
            if let raw { return Data(raw.utf8) }
            guard let message else { throw VectorFileError(description: "\(id) has neither message nor raw") }
            return try message.encoded()
        }
    }

    /// The normalized form of a decoded message, as the vector file's description defines it.
    static func normalized(_ message: SyncMessage) -> VectorJSON {
        func integer(_ value: Int?) -> VectorJSON { value.map { .integer(Int64($0)) } ?? .null }
        switch message {
        case .hello(let hello):
            return .object([
                "type": .string("hello"), "protocol": .string(hello.protocolName),
                "minVersion": .integer(Int64(hello.minVersion)), "maxVersion": .integer(Int64(hello.maxVersion)),
                "replica": .string(hello.replica.replicaID), "incarnation": .string(hello.replica.incarnation),
                "schemaVersion": .integer(Int64(hello.schemaVersion)), "capabilities": .array(hello.capabilities.map(VectorJSON.string)),
            ])
        case .pull(let pull):
            return .object([
                "type": .string("pull"), "after": .string(String(pull.after)), "incarnation": .string(pull.incarnation),
                "limit": .integer(Int64(pull.limit)), "maxBytes": integer(pull.maxBytes), "includeOwn": .bool(pull.includeOwn),
            ])
        case .changes(let changes):
            let page = changes.page
            return .object([
                "type": .string("changes"), "after": .string(String(page.afterSequence)), "to": .string(String(page.toSequence)),
                "more": .bool(page.hasMore), "end": page.feedEnd.map { .string(String($0)) } ?? .null,
                "changes": .array(page.changes.map { change in
                    let value: VectorJSON = switch change.value {
                    case .null: .null
                    case .bool(let flag): .bool(flag)
                    case .integer(let number): .integer(number)
                    case .text(let text): .string(text)
                    }
                    return .object([
                        "entity": .string(change.entity), "key": .array(change.key.map(VectorJSON.string)),
                        "field": .string(change.field), "value": value, "hlc": .string(change.stamp.timestamp.description),
                        "replica": .string(change.stamp.replicaID),
                    ])
                }),
            ])
        case .done(let done):
            func counts(_ counts: ChangeSummary.Counts) -> VectorJSON {
                .object([
                    "added": .integer(Int64(counts.added)), "updated": .integer(Int64(counts.updated)),
                    "deleted": .integer(Int64(counts.deleted)),
                ])
            }
            return .object([
                "type": .string("done"), "checksum": done.checksum.map(VectorJSON.string) ?? .null, "full": .bool(done.full),
                "dryRun": .bool(done.dryRun), "applied": integer(done.applied),
                "summary": done.summary.map { summary in
                    .object(["articles": counts(summary.articles), "tags": counts(summary.tags), "highlights": counts(summary.highlights)])
                } ?? .null,
            ])
        case .error(let failure):
            return .object(["type": .string("error"), "code": .string(failure.code.rawValue), "message": .string(failure.message)])
        }
    }

    static func load(from fileName: String) throws -> [Case] {
        try VectorFile<Case>.load(area: "codec", fileName: fileName)
    }
}
