import Foundation
import GRDB
import ReadingListModel

/// The one write path for synced tables.
///
/// Every user-visible change goes through ``write(_:key:values:)`` inside a write transaction:
/// it stamps each written field with the transaction's hybrid-logical-clock reading and this
/// replica, records the stamp in the row's packed clock, and moves the row to the head of the
/// change feed. The clock reading is persisted in the same transaction by ``commitClock()``.
struct ChangeWriter {
    let db: Database
    /// The stamp every field written in this transaction carries.
    let timestamp: HybridTimestamp
    /// This replica's ordinal in the `replica` table.
    let replica: Int

    /// Begins a change in `db`'s open transaction: reads the persisted clock and advances it.
    static func begin(_ db: Database, now: Date) throws -> ChangeWriter {
        guard let state = try Row.fetchOne(db, sql: "SELECT replica_ordinal, clock FROM library_state") else {
            throw ReadingListError(.storage, "The library has no replica state; it may be damaged.")
        }
        let persisted = HybridTimestamp(rawValue: UInt64(bitPattern: state["clock"] as Int64))
        return ChangeWriter(db: db, timestamp: persisted.advanced(now: now), replica: state["replica_ordinal"])
    }

    /// Persists the clock reading this transaction used. Call once, before commit.
    func commitClock() throws {
        try db.execute(
            sql: "UPDATE library_state SET clock = ? WHERE clock < ?",
            arguments: [Int64(bitPattern: timestamp.rawValue), Int64(bitPattern: timestamp.rawValue)])
    }

    /// Writes `values` into the row of `entity` identified by `key`, creating the row if needed.
    ///
    /// A local write always wins (and is stamped even if the value is unchanged: the latest
    /// intent wins), except for fields whose rule keeps the earliest value.
    /// - Returns: whether any field was written.
    @discardableResult
    func write(_ entity: SyncedEntity, key: [String], values: [(column: String, value: DatabaseValue)]) throws -> Bool {
        precondition(key.count == entity.keyColumns.count)
        let condition = entity.keyColumns.map { "\($0) = ?" }.joined(separator: " AND ")
        let columns = values.map(\.column)
        let existing = try Row.fetchOne(
            db,
            sql: "SELECT clock, seq\(columns.map { ", " + $0 }.joined()) FROM \(entity.table) WHERE \(condition)",
            arguments: StatementArguments(key))

        var clock = try existing.map { try FieldClock(packed: $0["clock"]) } ?? FieldClock()
        var written: [(column: String, value: DatabaseValue)] = []
        for (column, value) in values {
            let field = entity.field(column)
            if let existing, field.rule == .earliestValueWins {
                let current: DatabaseValue = existing[column]
                if !current.isNull, !(value < current) { continue }
            }
            written.append((column, value))
        }
        guard !written.isEmpty else { return false }

        try db.execute(
            sql: "INSERT INTO change_feed (entity, row_key) VALUES (?, ?)",
            arguments: [entity.code, key.joined(separator: " ")])
        let sequence = db.lastInsertedRowID
        for (column, _) in written {
            clock[entity.field(column).index] = FieldStamp(timestamp: timestamp, replica: replica, sequence: sequence)
        }

        if let existing {
            let previous: Int64 = existing["seq"]
            try db.execute(sql: "DELETE FROM change_feed WHERE seq = ?", arguments: [previous])
            let assignments = written.map { "\($0.column) = ?" } + ["clock = ?", "seq = ?"]
            try db.execute(
                sql: "UPDATE \(entity.table) SET \(assignments.joined(separator: ", ")) WHERE \(condition)",
                arguments: StatementArguments(written.map(\.value) + [clock.packed.databaseValue, sequence.databaseValue])
                    + StatementArguments(key))
        } else {
            let searchKey = entity.searchKeyColumn.map { [$0] } ?? []
            let insertColumns = entity.keyColumns + written.map(\.column) + ["clock", "seq"] + searchKey
            let placeholders = Array(repeating: "?", count: insertColumns.count).joined(separator: ", ")
            try db.execute(
                sql: "INSERT INTO \(entity.table) (\(insertColumns.joined(separator: ", "))) VALUES (\(placeholders))",
                arguments: StatementArguments(key) + StatementArguments(
                    written.map(\.value) + [clock.packed.databaseValue, sequence.databaseValue]
                        + searchKey.map { _ in sequence.databaseValue }))
        }
        return true
    }
}

private func < (lhs: DatabaseValue, rhs: DatabaseValue) -> Bool {
    switch (lhs.storage, rhs.storage) {
    case let (.int64(a), .int64(b)): return a < b
    case let (.double(a), .double(b)): return a < b
    case let (.string(a), .string(b)): return a < b
    default: return false
    }
}
