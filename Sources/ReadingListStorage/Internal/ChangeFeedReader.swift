import GRDB
import ReadingListModel

/// Reads the change feed as pages of field changes (SPEC.md §3.4).
///
/// Each feed entry names a row and the sequence at which some of its current values were
/// written; the entry carries exactly those values. (Sending "every field newer than the
/// cursor" for a row found at its latest entry would lose values when a pull is cut into
/// pages: the cursor can pass an older value's sequence while the row sits further on.)
enum ChangeFeedReader {
    /// The current value of every field written after `sequence`: whole feed entries, at least
    /// one, and then only while the page holds at most `limit` field changes of about
    /// `maxBytes` (``estimatedSize(of:)``). Values stamped by replica `excluded` are left out
    /// (the puller's own writes: echoes), though their entries still count as read: entries
    /// whose `origin` is that replica are skipped without reading their rows, an entry left
    /// with nothing to send never ends a page, and `to` is the entry before the first one left
    /// for the next page, or else the feed's last (`sequence` if the feed ends before it).
    static func page(_ db: Database, after sequence: Int64, limit: Int, maxBytes: Int, excluding excluded: String?) throws -> ChangePage {
        let replicaIDs = try ReplicaDirectory.ids(db)
        let excludedOrdinals = Set(replicaIDs.filter { $0.value == excluded }.keys)
        var changes: [FieldChange] = []
        var bytes = 0
        var firstLeft: Int64?
        // The feed and the rows of each entity, read through SQLite's C API (see RawStatement).
        var rowQueries: [Int: RawStatement] = [:]
        let echoes = excludedOrdinals.isEmpty ? "" : " AND (origin IS NULL OR origin NOT IN (\(excludedOrdinals.sorted().map(String.init).joined(separator: ", "))))"
        let entries = try RawStatement(db, sql: "SELECT seq, entity, row_key FROM change_feed WHERE seq > ?\(echoes) ORDER BY seq")
        try entries.forEachRow([sequence.databaseValue]) { entry in
            let entrySequence = entry.int64(0)
            let code = Int(entry.int64(1))
            let rowChanges: [FieldChange]
            if code == ForeignFields.feedCode {
                rowChanges = [try ForeignFields.change(at: entrySequence, db, replicaIDs: replicaIDs)]
                    .filter { $0.stamp.replicaID != excluded }
            } else {
                guard let entity = SyncedEntity.all.first(where: { $0.code == code }) else {
                    throw ReadingListError(.storage, "The change feed names an unknown entity (\(code)); the library may be damaged.")
                }
                let query: RawStatement
                if let prepared = rowQueries[code] {
                    query = prepared
                } else {
                    query = try RawStatement(db, sql: rowQuery(entity))
                    rowQueries[code] = query
                }
                guard case .string(let rowKeyText) = entry[2].storage else {
                    throw ReadingListError(.storage, "A change feed entry has no row key; the library may be damaged.")
                }
                rowChanges = try changesOfRow(
                    query, entity, key: rowKey(rowKeyText), at: entrySequence, replicaIDs: replicaIDs, excluding: excludedOrdinals)
            }
            // An entry with nothing to send never ends a page (echoes in an entry of no single
            // origin, or of one written before the column).
            guard !rowChanges.isEmpty else { return true }
            let entryBytes = rowChanges.reduce(0) { $0 + estimatedSize(of: $1) }
            if !changes.isEmpty, changes.count + rowChanges.count > limit || bytes + entryBytes > maxBytes {
                firstLeft = entrySequence
                return false
            }
            changes += rowChanges
            bytes += entryBytes
            return true
        }
        let feedEnd = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM change_feed") ?? 0
        let toSequence = if let firstLeft {
            try Int64.fetchOne(db, sql: "SELECT max(seq) FROM change_feed WHERE seq < ?", arguments: [firstLeft]) ?? sequence
        } else {
            max(feedEnd, sequence)
        }
        return ChangePage(
            changes: changes, afterSequence: sequence, toSequence: toSequence, hasMore: firstLeft != nil, feedEnd: max(feedEnd, toSequence))
    }

    /// The parts of a feed entry's `row_key`: the key's parts joined by spaces (ids have none).
    static func rowKey(_ text: String) -> [String] {
        var text = text
        guard text.withUTF8({ $0.contains(UInt8(ascii: " ")) }) else { return [text] }
        return text.utf8.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
    }

    /// About how many bytes a change takes in a `changes` message (SPEC.md §6.1): its texts,
    /// plus room for quoting, separators and its row's clock and replica.
    static func estimatedSize(of change: FieldChange) -> Int {
        let value = switch change.value {
        case .null: 4
        case .bool: 5
        case .integer: 20
        case .text(let text): text.utf8.count + 2
        }
        return change.entity.utf8.count + change.key.reduce(0) { $0 + $1.utf8.count + 3 } + change.field.utf8.count + value + 40
    }

    /// The query of a row's clock and field values, in `entity.fields` order.
    private static func rowQuery(_ entity: SyncedEntity) -> String {
        "SELECT clock, \(entity.fields.map(\.column).joined(separator: ", ")) FROM \(entity.table) WHERE \(entity.keyCondition)"
    }

    private static func changesOfRow(
        _ query: RawStatement, _ entity: SyncedEntity, key: [String], at sequence: Int64, replicaIDs: [Int: String], excluding: Set<Int>
    ) throws -> [FieldChange] {
        guard key.count == entity.keyColumns.count else {
            throw ReadingListError(.storage, "The change feed names a \(entity.name) row by a malformed key; the library may be damaged.")
        }
        // Only the values this entry carries are read from the row (an echo carries none).
        let changes = try query.withFirstRow(key.map(\.databaseValue)) { row -> [FieldChange]? in
            guard case .blob(let packed) = row[0].storage else { return nil }
            let clock = try FieldClock(packed: packed)
            var changes: [FieldChange] = []
            for (column, field) in entity.fields.enumerated() {
                guard let stamp = clock[field.index], stamp.sequence == sequence, !excluding.contains(stamp.replica) else { continue }
                guard let replicaID = replicaIDs[stamp.replica] else {
                    throw ReadingListError(.storage, "The library refers to an unknown replica (\(stamp.replica)); it may be damaged.")
                }
                changes.append(FieldChange(
                    entity: entity.name, key: key, field: field.name, value: FieldValue(row[Int32(column + 1)], kind: field.kind),
                    stamp: ChangeStamp(timestamp: stamp.timestamp, replicaID: replicaID)))
            }
            return changes
        }
        guard let found = changes, let changes = found else {
            throw ReadingListError(.storage, "The change feed names a missing \(entity.name) row; the library may be damaged.")
        }
        return changes
    }
}

extension FieldValue {
    /// The value of a column of the given kind.
    init(_ value: DatabaseValue, kind: FieldKind) {
        switch (value.storage, kind) {
        case (.null, _): self = .null
        case let (.int64(number), .boolean): self = .bool(number != 0)
        case let (.int64(number), _): self = .integer(number)
        case let (.string(text), _): self = .text(text)
        case let (.double(number), _): self = .integer(Int64(number))
        case let (.blob(data), _): self = .text(String(decoding: data, as: UTF8.self))
        }
    }

    /// The column value for a field of the given kind, or `nil` when the types do not match.
    func databaseValue(kind: FieldKind) -> DatabaseValue? {
        switch (self, kind) {
        case (.null, _): .null
        case let (.bool(flag), .boolean): flag.databaseValue
        case let (.integer(number), .integer): number.databaseValue
        case let (.text(text), .text): text.databaseValue
        default: nil
        }
    }
}
