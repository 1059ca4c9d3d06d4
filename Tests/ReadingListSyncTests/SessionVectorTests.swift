import Foundation
import ProtocolVectors
import GRDB
import ReadingListModel
@testable import ReadingListStorage
import ReadingListSync
import ReadingListWire
import Testing

/// Replays every case of the session test vectors (Protocol/vectors/v1/session), which every
/// implementation of SPEC.md §6 shares: each replica is a fresh library file given the case's
/// replica id and incarnation, with its starting changes applied in one `apply(_:)` call; each
/// session runs `SyncSession.run` against a `SyncResponder` over a recording `LocalTransport`
/// (a scripted session sends the vector's initiator messages as they are); the recorded
/// messages, with the implementation-defined parts masked, the outcome, and every replica's
/// final state and checksum are compared with the case's. Each case is its own test argument.
@Suite("Session vectors")
struct SessionVectorTests {
    @Test("Vector file loads")
    func vectorFileLoads() throws {
        let cases = try SessionVectors.load(from: "transcripts.json")
        #expect(cases.count >= 6)
        #expect(SessionVectors.transcriptCases.count == cases.count)
        #expect(Set(cases.map(\.id)).count == cases.count, "case ids repeat")
    }

    @Test("Session transcript", arguments: SessionVectors.transcriptCases)
    func sessionTranscript(_ vector: SessionVectors.Case) throws {
        let replay = try SessionVectors.replay(vector)
        #expect(replay.sessions.count == vector.sessions.count)
        for (index, (expected, actual)) in zip(vector.sessions, replay.sessions).enumerated() {
            let want = expected.transcript.map(SessionVectors.masked)
            let have = actual.transcript.map(SessionVectors.masked)
            // Compared as UTF-8 bytes: `==` on strings compares up to canonical equivalence.
            let first = zip(want, have).enumerated().first { !$0.element.0.utf8.elementsEqual($0.element.1.utf8) }?.offset
                ?? min(want.count, have.count)
            #expect(
                first == want.count && want.count == have.count,
                """
                session \(index + 1): \(have.count) messages, expected \(want.count); first difference at message \(first + 1):
                expected \(first < want.count ? want[first] : "nothing")
                actual   \(first < have.count ? have[first] : "nothing")
                whole actual transcript: \(SessionVectors.text(of: actual.transcript))
                """)
            #expect(actual.outcome == expected.outcome, "session \(index + 1)")
            for entry in actual.transcript {
                guard case .object(let message) = entry.message, message["type"] == .string("error"),
                    message["code"] == .string(SyncFailure.Code.versionNotSupported.rawValue)
                else { continue }
                // SPEC.md §6.2: the refusal names both ranges (readlist writes them low…high).
                let hello = expected.transcript.first?.message
                guard case .object(let theirs) = hello, case .integer(let low)? = theirs["minVersion"],
                    case .integer(let high)? = theirs["maxVersion"], case .string(let text)? = message["message"]
                else { continue }
                #expect(text.contains("\(SyncProtocol.minVersion)…\(SyncProtocol.maxVersion)") && text.contains("\(low)…\(high)"), "\(text)")
            }
        }
        #expect(Set(replay.final.keys) == Set(vector.final.keys))
        for (label, expected) in vector.final {
            guard let actual = replay.final[label] else { continue }
            let want = Set(expected.state.map(\.canonical))
            let have = Set(actual.state.map(\.canonical))
            #expect(
                actual.state.count == expected.state.count
                    && zip(actual.state, expected.state).allSatisfy { $0.canonical.utf8.elementsEqual($1.canonical.utf8) },
                "replica \(label): missing \(want.subtracting(have).sorted()), unexpected \(have.subtracting(want).sorted())")
            #expect(actual.checksum == expected.checksum, "replica \(label)")
        }
    }
}

// MARK: - Vector file and replay

/// Locates, decodes and replays the session vector file, found by walking up from this source file.
enum SessionVectors {
    static let transcriptCases = (try? load(from: "transcripts.json")) ?? []

    /// The wall clock of every replica: after every stamp in the vectors, and close enough
    /// that none of them is refused as clock skew (SPEC.md §3.5).
    static let now = Date(timeIntervalSince1970: 1_780_000_000 + 3 * 86_400)


    /// A case of transcripts.json.
    struct Case: Codable, Sendable, CustomTestStringConvertible {
        let id: String
        let description: String
        /// Each replica's identity and starting changes, by label.
        let replicas: [String: Replica]
        /// The sessions, run one after another.
        let sessions: [Session]
        /// Every replica's state after the last session, by label.
        let final: [String: Final]

        var testDescription: String { "\(id): \(description)" }
    }

    struct Replica: Codable, Sendable {
        let replica: String
        let incarnation: String
        let changes: [Change]
    }

    struct Session: Codable, Sendable {
        let initiator: String
        let responder: String
        let options: Options
        /// The initiator's messages are the vector's, sent as they are; only the answers are under test.
        let scripted: Bool?
        let transcript: [Entry]
        let outcome: Outcome
    }

    struct Options: Codable, Sendable {
        let pageLimit: Int
        let pageBytes: Int
        let dryRun: Bool
    }

    /// One message of a transcript and the label of the replica that sent it.
    struct Entry: Codable, Sendable {
        let from: String
        let message: VectorJSON
    }

    /// How a session ended for its initiator.
    struct Outcome: Codable, Hashable, Sendable {
        /// The initiator's checksum at the end (its own, in a dry run).
        var checksum: String?
        /// Whether a checksum mismatch made the session repeat the exchange in full.
        var repaired: Bool?
        /// The error code the session failed with.
        var error: String?
    }

    struct Final: Codable, Sendable {
        let state: [Change]
        let checksum: String
    }

    /// A field value with its stamp, as on the wire.
    struct Change: Codable, Sendable {
        let entity: String
        let key: [String]
        let field: String
        let value: VectorJSON
        let hlc: String
        let replica: String

        init(_ change: FieldChange) {
            entity = change.entity
            key = change.key
            field = change.field
            value = switch change.value {
            case .null: .null
            case .bool(let flag): .bool(flag)
            case .integer(let number): .integer(number)
            case .text(let text): .string(text)
            }
            hlc = change.stamp.timestamp.description
            replica = change.stamp.replicaID
        }

        func fieldChange() throws -> FieldChange {
            guard hlc.count == 16, hlc == hlc.lowercased(), let raw = UInt64(hlc, radix: 16) else {
                throw VectorFileError(description: "hlc \"\(hlc)\" is not 16 lowercase hex digits")
            }
            let fieldValue: FieldValue
            switch value {
            case .null: fieldValue = .null
            case .bool(let flag): fieldValue = .bool(flag)
            case .integer(let number): fieldValue = .integer(number)
            case .string(let text): fieldValue = .text(text)
            default: throw VectorFileError(description: "\(entity).\(field) has a value that is not null, a boolean, an integer or a string")
            }
            return FieldChange(
                entity: entity, key: key, field: field, value: fieldValue,
                stamp: ChangeStamp(timestamp: HybridTimestamp(rawValue: raw), replicaID: replica))
        }

        /// The change as canonical JSON: equal exactly when the changes are.
        var canonical: String {
            VectorJSON.object([
                "entity": .string(entity), "key": .array(key.map(VectorJSON.string)), "field": .string(field), "value": value,
                "hlc": .string(hlc), "replica": .string(replica),
            ]).canonical
        }
    }

    /// What replaying a case gave.
    struct Replay: Codable, Sendable {
        var sessions: [RecordedSession] = []
        var final: [String: Final] = [:]
    }

    struct RecordedSession: Codable, Sendable {
        let transcript: [Entry]
        let outcome: Outcome
    }

    /// Records every message both ways, as JSON.
    final class RecordingTransport: SyncTransport {
        let inner: LocalTransport
        let initiator: String
        let responder: String
        private(set) var entries: [Entry] = []

        init(_ inner: LocalTransport, initiator: String, responder: String) {
            self.inner = inner
            self.initiator = initiator
            self.responder = responder
        }

        func exchange(_ request: Data) throws -> Data {
            let reply = try inner.exchange(request)
            entries.append(Entry(from: initiator, message: try VectorJSON.parse(request)))
            entries.append(Entry(from: responder, message: try VectorJSON.parse(reply)))
            return reply
        }
    }

    /// Builds the case's replicas and runs its sessions.
    static func replay(_ vector: Case) throws -> Replay {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("readlist-session-vectors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        var libraries: [String: ReadingLibrary] = [:]
        for (label, spec) in vector.replicas.sorted(by: { $0.key < $1.key }) {
            let library = try ReadingLibrary(path: folder.appendingPathComponent("\(label).sqlite").path, now: { now })
            // A new library has a random replica id and incarnation; the vectors fix both.
            try library.pool.write { db in
                try db.execute(
                    sql: "UPDATE replica SET replica_id = ? WHERE ordinal = (SELECT replica_ordinal FROM library_state)",
                    arguments: [spec.replica])
                try db.execute(sql: "UPDATE library_state SET incarnation = ?", arguments: [spec.incarnation])
            }
            guard try library.identity() == ReplicaIdentity(replicaID: spec.replica, incarnation: spec.incarnation) else {
                throw VectorFileError(description: "replica \(label) did not take the vector's identity")
            }
            let changes = try spec.changes.map { try $0.fieldChange() }
            if !changes.isEmpty { try library.apply(changes) }
            libraries[label] = library
        }

        var replay = Replay()
        for session in vector.sessions {
            guard let initiator = libraries[session.initiator], let responderLibrary = libraries[session.responder] else {
                throw VectorFileError(description: "a session names a replica the case does not have")
            }
            let options = session.options
            let responder = SyncResponder(
                library: responderLibrary, options: SyncOptions(pageLimit: options.pageLimit, pageBytes: options.pageBytes))
            let transport = RecordingTransport(
                LocalTransport(responder: responder), initiator: session.initiator, responder: session.responder)
            var outcome = Outcome()
            if session.scripted == true {
                for entry in session.transcript where entry.from == session.initiator {
                    let reply = try transport.exchange(try entry.message.encoded())
                    if case .error(let failure) = try SyncCodec.decode(reply) {
                        outcome.error = failure.code.rawValue
                        break
                    }
                }
            } else {
                do {
                    let report = try SyncSession.run(
                        initiator, over: transport,
                        options: SyncOptions(pageLimit: options.pageLimit, pageBytes: options.pageBytes, dryRun: options.dryRun))
                    outcome.checksum = report.checksum
                    outcome.repaired = report.repaired
                } catch let failure as SyncFailure {
                    outcome.error = failure.code.rawValue
                }
            }
            replay.sessions.append(RecordedSession(transcript: transport.entries, outcome: outcome))
        }

        for (label, library) in libraries {
            let page = try library.changes(after: 0, limit: Int.max)
            let state = page.changes.map(Change.init).sorted(by: precedes)
            replay.final[label] = Final(state: state, checksum: try library.checksum())
        }
        return replay
    }

    /// Sorted by entity, key and field, each compared code point by code point (`<` on strings
    /// compares up to canonical equivalence).
    static func precedes(_ a: Change, _ b: Change) -> Bool {
        func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }
        let (left, right) = (scalars(a.entity), scalars(b.entity))
        if left != right { return left.lexicographicallyPrecedes(right) }
        let (leftKey, rightKey) = (a.key.map(scalars), b.key.map(scalars))
        if leftKey != rightKey { return leftKey.lexicographicallyPrecedes(rightKey) { $0.lexicographicallyPrecedes($1) } }
        return scalars(a.field).lexicographicallyPrecedes(scalars(b.field))
    }

    /// A transcript entry as canonical JSON, without what implementations choose for themselves:
    /// `schemaVersion` and `capabilities` of hello, and the text of an error.
    static func masked(_ entry: Entry) -> String {
        guard case .object(var message) = entry.message else { return entry.from + " " + entry.message.canonical }
        switch message["type"] {
        case .string("hello"):
            message["schemaVersion"] = nil
            message["capabilities"] = nil
        case .string("error"):
            message["message"] = nil
        default: break
        }
        return entry.from + " " + VectorJSON.object(message).canonical
    }

    /// A transcript as JSON, for a failure message.
    static func text(of transcript: [Entry]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(transcript)).map { String(decoding: $0, as: UTF8.self) } ?? "?"
    }

    static func load(from fileName: String) throws -> [Case] {
        try VectorFile<Case>.load(area: "session", fileName: fileName)
    }
}
