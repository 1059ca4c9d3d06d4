import Foundation
import ProtocolVectors
import ReadingListModel
import ReadingListStorage
import Testing

/// Runs every case of the merge test vectors (Protocol/vectors/v1/merge), which every
/// implementation of SPEC.md §3 shares: for each order of a case's replicas, each replica's
/// changes are applied to a fresh library in one `apply(_:)` call, and the stored state (every
/// field with its value and stamp, read back from the change feed) and the state checksum are
/// compared with the case's. Each case is its own test argument.
@Suite("Merge vectors")
struct MergeVectorTests {
    @Test("Vector file loads")
    func vectorFileLoads() throws {
        let cases = try MergeVectors.load(from: "merge-scenarios.json")
        #expect(cases.count >= 40)
        #expect(MergeVectors.mergeScenarioCases.count == cases.count)
        #expect(Set(cases.map(\.id)).count == cases.count, "case ids repeat")
    }

    @Test("Merge scenario", arguments: MergeVectors.mergeScenarioCases)
    func mergeScenario(_ vector: MergeVectors.Case) throws {
        let expected = Set(vector.expected.map(\.line))
        #expect(expected.count == vector.expected.count, "expected lists a field twice")
        let batches = try vector.replicas.mapValues { changes in try changes.map { try $0.fieldChange() } }
        for order in MergeVectors.permutations(of: batches.keys.sorted()) {
            let temporary = try TemporaryLibrary()
            for label in order {
                try temporary.library.apply(batches[label] ?? [])
            }
            try expectState(of: temporary.library, equals: expected, checksum: vector.checksum, order: order)
            // Applying every change again changes nothing.
            for label in order {
                try temporary.library.apply(batches[label] ?? [])
            }
            try expectState(of: temporary.library, equals: expected, checksum: vector.checksum, order: order + ["(again)"])
        }
    }

    private func expectState(
        of library: ReadingLibrary, equals expected: Set<String>, checksum: String, order: [String]
    ) throws {
        let page = try library.changes(after: 0, limit: Int.max)
        #expect(!page.hasMore)
        let lines = page.changes.map(MergeVectors.line(of:))
        let state = Set(lines)
        #expect(state.count == lines.count, "order \(order): the feed holds a field twice")
        #expect(
            state == expected,
            """
            order \(order.joined(separator: " ")):
            missing \(expected.subtracting(state).sorted())
            unexpected \(state.subtracting(expected).sorted())
            """)
        #expect(try library.checksum() == checksum, "order \(order.joined(separator: " "))")
        #expect(try library.checksum(recounting: true) == checksum, "order \(order.joined(separator: " ")): recounted")
    }
}

// MARK: - Vector file

/// Locates and decodes the merge vector file, found by walking up from this source file.
enum MergeVectors {
    static let mergeScenarioCases = (try? load(from: "merge-scenarios.json")) ?? []


    /// A case of merge-scenarios.json: the replicas' changes, merged in any order, give `expected`.
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let id: String
        let description: String
        /// Each replica's changes, by label.
        let replicas: [String: [Change]]
        /// Every stored field after the merge.
        let expected: [Change]
        /// The state checksum, 16 lowercase hex digits.
        let checksum: String

        var testDescription: String { "\(id): \(description)" }
    }

    /// A field value with its stamp, as on the wire.
    struct Change: Decodable, Sendable {
        let entity: String
        let key: [String]
        let field: String
        let value: WireValue
        let hlc: String
        let replica: String

        func fieldChange() throws -> FieldChange {
            guard hlc.count == 16, hlc == hlc.lowercased(), let raw = UInt64(hlc, radix: 16) else {
                throw VectorFileError(description: "hlc \"\(hlc)\" is not 16 lowercase hex digits")
            }
            return FieldChange(
                entity: entity, key: key, field: field, value: value.value,
                stamp: ChangeStamp(timestamp: HybridTimestamp(rawValue: raw), replicaID: replica))
        }

        /// The change as one line of ASCII (see ``MergeVectors/line(of:)``).
        var line: String { MergeVectors.line(entity: entity, key: key, field: field, value: value.value, hlc: hlc, replica: replica) }
    }

    /// A JSON value of a field: null, a boolean, an integer or a string.
    struct WireValue: Decodable, Sendable {
        let value: FieldValue

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                value = .null
            } else if let flag = try? container.decode(Bool.self) {
                value = .bool(flag)
            } else if let number = try? container.decode(Int64.self) {
                value = .integer(number)
            } else {
                value = .text(try container.decode(String.self))
            }
        }
    }

    /// A stored field as one line of ASCII: equal exactly when entity, key, field, value (with its
    /// type, text code point for code point) and stamp are equal. (`==` on strings and
    /// `FieldValue.text` compares up to canonical equivalence, which would hide a difference
    /// between precomposed and decomposed text.)
    static func line(of change: FieldChange) -> String {
        line(
            entity: change.entity, key: change.key, field: change.field, value: change.value,
            hlc: change.stamp.timestamp.description, replica: change.stamp.replicaID)
    }

    static func line(entity: String, key: [String], field: String, value: FieldValue, hlc: String, replica: String) -> String {
        let shown: String
        switch value {
        case .null: shown = "null"
        case .bool(let flag): shown = flag ? "true" : "false"
        case .integer(let number): shown = String(number)
        case .text(let text): shown = "\"" + text.scalarEscaped + "\""
        }
        let parts = ([entity] + key + [field]).map(\.scalarEscaped) + ["=", shown, "@", hlc.scalarEscaped, replica.scalarEscaped]
        return parts.joined(separator: " ")
    }

    /// Every order of `labels`.
    static func permutations(of labels: [String]) -> [[String]] {
        guard labels.count > 1 else { return [labels] }
        return labels.indices.flatMap { index in
            var rest = labels
            let first = rest.remove(at: index)
            return permutations(of: rest).map { [first] + $0 }
        }
    }

    static func load(from fileName: String) throws -> [Case] {
        try VectorFile<Case>.load(area: "merge", fileName: fileName)
    }
}

private extension String {
    /// ASCII, with `\` and `"` escaped and every non-ASCII scalar written `\u{…}`.
    var scalarEscaped: String {
        unicodeScalars.map { scalar in
            if scalar == "\\" { return "\\\\" }
            if scalar == "\"" { return "\\\"" }
            if scalar.isASCII { return String(scalar) }
            return "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        }.joined()
    }
}
