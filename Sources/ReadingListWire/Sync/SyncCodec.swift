public import Foundation
import ReadingListModel

/// Encodes and decodes sync messages: one line of JSON each (SPEC.md §6).
///
/// Unknown keys are ignored. Sequence numbers and clock readings travel as strings (64-bit
/// integers do not fit JSON numbers everywhere). Field changes are grouped by row and stamp,
/// and replica ids are listed once per page. Written compactly (for a peer that lists the
/// `compact-rows` capability), a page also lists recurring key parts once and leaves out a
/// row's entity, replica and stamp where the row before has the same; both shapes are read.
public enum SyncCodec {
    /// The message as one line of JSON, without the newline.
    /// - Parameter compactRows: writes a page's rows compactly (SPEC.md §6.1): only for a peer
    ///   whose `hello` listed ``SyncProtocol/compactRowsCapability``.
    public static func encode(_ message: SyncMessage, compactRows: Bool = false) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            switch message {
            case .hello(let hello): return try encoder.encode(HelloDTO(hello))
            case .pull(let pull): return try encoder.encode(PullDTO(pull))
            case .changes(let changes): return ChangesMessageJSON.encode(changes.page, compact: compactRows)
            case .done(let done): return try encoder.encode(DoneDTO(done))
            case .error(let failure):
                return try encoder.encode(ErrorDTO(type: "error", code: failure.code.rawValue, message: failure.message))
            }
        } catch {
            preconditionFailure("encoding a sync message cannot fail: \(error)")
        }
    }

    /// Decodes one message.
    /// - Throws: ``SyncFailure`` `bad_message` naming what is wrong.
    public static func decode(_ data: Data) throws(SyncFailure) -> SyncMessage {
        // Most messages of a sync are pages of changes: read as one first, in one pass.
        if let page = try? JSONByteReader.withBytes(of: data, ChangesMessageJSON.decodeIfChanges) {
            return .changes(SyncMessage.Changes(page: page))
        }
        let decoder = JSONDecoder()
        do {
            let type = try messageType(of: data)
            switch type {
            case "hello": return .hello(try decoder.decode(HelloDTO.self, from: data).message())
            case "pull": return .pull(try decoder.decode(PullDTO.self, from: data).message())
            case "changes":
                let page = try JSONByteReader.withBytes(of: data, ChangesMessageJSON.decodeIfChanges)
                guard let page else { preconditionFailure("a changes message read as another type") }
                return .changes(SyncMessage.Changes(page: page))
            case "done":
                return .done(try decoder.decode(DoneDTO.self, from: data).message())
            case "error":
                let dto = try decoder.decode(ErrorDTO.self, from: data)
                return .error(SyncFailure(SyncFailure.Code(rawValue: dto.code) ?? .internalError, dto.message))
            default: throw SyncFailure(.badMessage, "Unknown message type \"\(type)\".")
            }
        } catch let failure as SyncFailure {
            throw failure
        } catch let error as DecodingError {
            throw SyncFailure(.badMessage, "Malformed message: \(describe(error)).")
        } catch {
            throw SyncFailure(.badMessage, "Malformed message: \(error).")
        }
    }

    /// The message's `type`, read in one pass that checks the whole text is one JSON object.
    private static func messageType(of data: Data) throws(SyncFailure) -> String {
        try JSONByteReader.withBytes(of: data) { bytes throws(SyncFailure) in
            var reader = JSONByteReader(bytes)
            guard try reader.peekKind() == .object else { throw SyncFailure(.badMessage, "A message must be a JSON object.") }
            var type: String?
            try reader.readObject { reader, key throws(SyncFailure) in
                guard key == "type" else { return try reader.skipValue() }
                guard try reader.peekKind() == .string else { throw SyncFailure(.badMessage, "The message's \"type\" is not a string.") }
                type = try reader.readString()
            }
            try reader.expectEnd()
            guard let type else { throw SyncFailure(.badMessage, "The message has no \"type\".") }
            return type
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            return keys.isEmpty ? "" : " at " + keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \"\(key.stringValue)\"\(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "wrong type\(path(context))"
        case .dataCorrupted(let context): return "not valid JSON\(path(context))"
        @unknown default: return "\(error)"
        }
    }
}

// MARK: - Shapes on the wire

func sequence(_ text: String, _ name: String) throws(SyncFailure) -> Int64 {
    let digits = text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    guard !text.isEmpty, digits, text == "0" || !text.hasPrefix("0"), let value = Int64(text) else {
        throw SyncFailure(
            .badMessage, "\"\(name)\" must be a sequence number from 0 to 2^63-1 in decimal, in a string, without leading zeros, not \"\(text)\".")
    }
    return value
}

/// Whether `text` is exactly 16 lowercase hexadecimal digits (a clock reading or a checksum).
func isHex16(_ text: String) -> Bool {
    text.utf8.count == 16
        && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
}

private func uuid(_ text: String, _ name: String) throws(SyncFailure) -> String {
    guard FieldChange.isLowercaseUUID(text) else {
        throw SyncFailure(.badMessage, "\"\(name)\" must be a lowercase UUID, not \"\(text)\".")
    }
    return text
}

private struct HelloDTO: Codable {
    var type = "hello"
    var `protocol`: String
    var minVersion: Int
    var maxVersion: Int
    var replica: String
    var incarnation: String
    var schemaVersion: Int
    var capabilities: [String]

    init(_ hello: SyncMessage.Hello) {
        `protocol` = hello.protocolName
        minVersion = hello.minVersion
        maxVersion = hello.maxVersion
        replica = hello.replica.replicaID
        incarnation = hello.replica.incarnation
        schemaVersion = hello.schemaVersion
        capabilities = hello.capabilities
    }

    func message() throws(SyncFailure) -> SyncMessage.Hello {
        guard minVersion >= 1, minVersion <= maxVersion else {
            throw SyncFailure(.badMessage, "The version range \(minVersion)…\(maxVersion) is empty.")
        }
        guard schemaVersion >= 1 else { throw SyncFailure(.badMessage, "\"schemaVersion\" must be at least 1, not \(schemaVersion).") }
        return SyncMessage.Hello(
            protocolName: `protocol`, minVersion: minVersion, maxVersion: maxVersion,
            replica: ReplicaIdentity(replicaID: try uuid(replica, "replica"), incarnation: try uuid(incarnation, "incarnation")),
            schemaVersion: schemaVersion, capabilities: capabilities)
    }
}

private struct PullDTO: Codable {
    var type = "pull"
    var after: String
    var incarnation: String
    var limit: Int
    var maxBytes: Int?
    var includeOwn: Bool?

    init(_ pull: SyncMessage.Pull) {
        after = String(pull.after)
        incarnation = pull.incarnation
        limit = pull.limit
        maxBytes = pull.maxBytes
        includeOwn = pull.includeOwn ? true : nil
    }

    func message() throws(SyncFailure) -> SyncMessage.Pull {
        guard (1...100_000).contains(limit) else { throw SyncFailure(.badMessage, "\"limit\" must be from 1 to 100000, not \(limit).") }
        if let maxBytes, maxBytes < 1_024 {
            throw SyncFailure(.badMessage, "\"maxBytes\" must be at least 1024, not \(maxBytes).")
        }
        return SyncMessage.Pull(
            after: try sequence(after, "after"), incarnation: try uuid(incarnation, "incarnation"), limit: limit,
            maxBytes: maxBytes, includeOwn: includeOwn ?? false)
    }
}

private struct DoneDTO: Codable {
    var type = "done"
    var checksum: String?
    var full: Bool?
    var dryRun: Bool?
    var applied: Int?
    var summary: SummaryDTO?

    init(_ done: SyncMessage.Done) {
        checksum = done.checksum
        full = done.full ? true : nil
        dryRun = done.dryRun ? true : nil
        applied = done.applied
        summary = done.summary.map(SummaryDTO.init)
    }

    func message() throws(SyncFailure) -> SyncMessage.Done {
        if let checksum, !isHex16(checksum) {
            throw SyncFailure(.badMessage, "\"checksum\" must be 16 lowercase hex digits, not \"\(checksum)\".")
        }
        if let applied, applied < 0 { throw SyncFailure(.badMessage, "\"applied\" must not be negative.") }
        return SyncMessage.Done(
            checksum: checksum, full: full ?? false, dryRun: dryRun ?? false, applied: applied, summary: try summary?.summary())
    }
}

/// `done.summary`: rows added, updated and deleted, by kind.
private struct SummaryDTO: Codable {
    struct CountsDTO: Codable {
        var added: Int
        var updated: Int
        var deleted: Int
    }

    var articles: CountsDTO
    var tags: CountsDTO
    var highlights: CountsDTO

    init(_ summary: ChangeSummary) {
        func counts(_ counts: ChangeSummary.Counts) -> CountsDTO {
            CountsDTO(added: counts.added, updated: counts.updated, deleted: counts.deleted)
        }
        articles = counts(summary.articles)
        tags = counts(summary.tags)
        highlights = counts(summary.highlights)
    }

    func summary() throws(SyncFailure) -> ChangeSummary {
        func counts(_ dto: CountsDTO) throws(SyncFailure) -> ChangeSummary.Counts {
            guard dto.added >= 0, dto.updated >= 0, dto.deleted >= 0 else {
                throw SyncFailure(.badMessage, "\"summary\" counts must not be negative.")
            }
            return ChangeSummary.Counts(added: dto.added, updated: dto.updated, deleted: dto.deleted)
        }
        return ChangeSummary(articles: try counts(articles), tags: try counts(tags), highlights: try counts(highlights))
    }
}

private struct ErrorDTO: Codable {
    var type: String
    var code: String
    var message: String
}
