import Foundation
import GRDB
import ReadingListModel

/// Values of entities and fields this build does not know, received from newer replicas
/// (SPEC.md §3.8): stored as they came, merged by last-writer-wins, relayed through the feed
/// (entries with entity code 0) and counted in the checksum.
enum ForeignFields {
    /// The change-feed entity code of a foreign value's entry.
    static let feedCode = 0

    /// The stored form of a key: its parts as a JSON array.
    static func storedKey(_ key: [String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let data = try? encoder.encode(key) else { preconditionFailure("an array of strings always encodes") }
        return String(decoding: data, as: UTF8.self)
    }

    static func key(stored: String) throws -> [String] {
        guard let key = try? JSONDecoder().decode([String].self, from: Data(stored.utf8)) else {
            throw ReadingListError(.storage, "A stored key of an unknown entity is not a JSON array (\(stored)); the library may be damaged.")
        }
        return key
    }

    /// The value's kind code and column value.
    static func stored(_ value: FieldValue) -> (kind: Int, value: DatabaseValue) {
        switch value {
        case .null: (0, .null)
        case .bool(let flag): (1, flag.databaseValue)
        case .integer(let number): (2, number.databaseValue)
        case .text(let text): (3, text.databaseValue)
        }
    }

    static func value(kind: Int, _ stored: DatabaseValue) -> FieldValue {
        switch (kind, stored.storage) {
        case (1, .int64(let number)): .bool(number != 0)
        case (2, .int64(let number)): .integer(number)
        case (3, .string(let text)): .text(text)
        default: .null
        }
    }

    /// The foreign value written at feed `sequence`, as a change.
    static func change(at sequence: Int64, _ db: Database, replicaIDs: [Int: String]) throws -> FieldChange {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM foreign_field WHERE seq = ?", arguments: [sequence]) else {
            throw ReadingListError(.storage, "The change feed names a missing unknown value (\(sequence)); the library may be damaged.")
        }
        return try change(from: row, replicaIDs: replicaIDs)
    }

    static func change(from row: Row, replicaIDs: [Int: String]) throws -> FieldChange {
        guard let replicaID = replicaIDs[row["replica"]] else {
            throw ReadingListError(.storage, "The library refers to an unknown replica (\(row["replica"] as Int)); it may be damaged.")
        }
        return FieldChange(
            entity: row["entity"], key: try key(stored: row["row_key"]), field: row["field"],
            value: value(kind: row["kind"], row["value"]),
            stamp: ChangeStamp(timestamp: HybridTimestamp(rawValue: UInt64(bitPattern: row["hlc"])), replicaID: replicaID))
    }

    /// Every stored foreign value, for the checksum.
    static func all(_ db: Database, replicaIDs: [Int: String]) throws -> [FieldChange] {
        try Row.fetchAll(db, sql: "SELECT * FROM foreign_field").map { try change(from: $0, replicaIDs: replicaIDs) }
    }
}
