import Foundation
import GRDB
import GRDBSQLite
import ReadingListModel

/// The one write path for synced tables.
///
/// Every user-visible change goes through ``write(_:key:values:)`` inside a write transaction:
/// it stamps each written field with the transaction's hybrid-logical-clock reading and this
/// replica, records the stamp in the row's packed clock, and adds a change-feed entry for the
/// new values (dropping entries none of whose values are current any more). Changes from other
/// replicas go through ``merge(_:key:changes:)``, which keeps their stamps and lets each field's
/// rule (SPEC.md §3.3) decide. Every stamp written or replaced adjusts the state checksum
/// (``StateChecksum``). The clock and the checksum are persisted in the same transaction by
/// ``commitClock()``.
final class ChangeWriter {
    let db: Database
    /// The stamp every field written locally in this transaction carries.
    let timestamp: HybridTimestamp
    /// This replica's ordinal in the `replica` table.
    let replica: Int
    /// The greatest clock reading merged in this transaction.
    private var observed = HybridTimestamp.zero
    /// The state checksum with this transaction's writes (SPEC.md §3.6).
    private var checksum: UInt64
    private let storedChecksum: UInt64
    /// The last change-feed sequence given out (the feed's AUTOINCREMENT high-water mark).
    private var lastSequence: Int64
    /// Feed entries given out and not inserted yet: they go in batches, one statement each,
    /// instead of a statement (and an AUTOINCREMENT update) per written row.
    private var pendingFeed: [(sequence: Int64, entity: Int, rowKey: String, origin: Int?)] = []
    private static let feedBatch = 100
    /// Articles with a search key above this are not in the search index yet
    /// (`library_state.search_indexed_through`): new articles are indexed together, in one
    /// statement, by ``indexNewArticles()``; a statement per article would make FTS5 write a
    /// segment for each. The index's triggers leave unindexed articles alone.
    private let indexedThrough: Int64
    private var articlesToIndex = false
    /// Whether articles inserted before this transaction are still out of the search index:
    /// left there by the pages of a sync (``defersIndexing``) that did not run to its end.
    private let indexPending: Bool
    /// Leaves new articles out of the search index at commit: set for every page of a pull but
    /// the last, which indexes them all at once (an index filled in one statement is built
    /// once; filled page by page, FTS5 keeps merging its segments).
    var defersIndexing = false
    /// Statements prepared in this transaction, by SQL.
    private var statements: [String: RawStatement] = [:]
    /// The statements of ``store(_:key:existing:fields:local:)``, by the shape of the write.
    private var writeStatements: [WriteShape: RawStatement] = [:]
    /// The statements that read a row before a write, by the columns read.
    private var readStatements: [ReadShape: (statement: RawStatement, columns: [String])] = [:]
    /// The last replica id looked up by ``ordinal(of:)`` and its ordinal: a page of changes
    /// mostly comes from one replica.
    private var lastOrdinal: (replicaID: String, ordinal: Int)?
    /// Replica ids by ordinal, loaded when a merge first needs them.
    private var replicaIDs: [Int: String] = [:]
    private var ordinals: [String: Int] = [:]
    private var replicasLoaded = false
    /// Entities (by code) whose last row merged in this transaction was new here: their next
    /// row is inserted without being read first (see ``merge(_:key:changes:)``).
    private var insertingBlind: Set<Int> = []
    /// Live tags by key (id and display name), as ``TagWrites/ensureTags(_:writer:)`` found or
    /// made them in this transaction; emptied by any write to the tag table.
    var tagCache: [String: (id: String, name: String)] = [:]

    private init(
        db: Database, timestamp: HybridTimestamp, replica: Int, checksum: UInt64, lastSequence: Int64, indexedThrough: Int64,
        searchKeysBefore: Int64
    ) {
        self.db = db
        self.timestamp = timestamp
        self.replica = replica
        self.checksum = checksum
        storedChecksum = checksum
        self.lastSequence = lastSequence
        self.indexedThrough = indexedThrough
        indexPending = searchKeysBefore > indexedThrough
    }

    /// Begins a change in `db`'s open transaction: reads the persisted clock and advances it.
    static func begin(_ db: Database, now: Date) throws -> ChangeWriter {
        guard let state = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT replica_ordinal, clock, checksum, search_indexed_through FROM library_state"))
        else {
            throw ReadingListError(.storage, "The library has no replica state; it may be damaged.")
        }
        let persisted = HybridTimestamp(rawValue: UInt64(bitPattern: state["clock"] as Int64))
        let lastSequence = try Int64.fetchOne(
            db.cachedStatement(sql: """
                SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'change_feed'), 0),
                    coalesce((SELECT max(seq) FROM change_feed), 0))
                """)) ?? 0
        return ChangeWriter(
            db: db, timestamp: persisted.advanced(now: now), replica: state["replica_ordinal"],
            checksum: UInt64(bitPattern: state["checksum"] as Int64), lastSequence: lastSequence,
            indexedThrough: state["search_indexed_through"],
            searchKeysBefore: try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(search_id) FROM article")) ?? 0)
    }

    /// Inserts the pending feed entries, persists the greatest clock reading this transaction
    /// used or saw, and the state checksum with its writes, and sets how large the WAL may grow
    /// before the commit copies it into the file. Call once, before commit.
    func commitClock() throws {
        try indexNewArticles()
        try flushFeed()
        let high = Int64(bitPattern: max(timestamp, observed).rawValue)
        try db.cachedStatement(sql: "UPDATE library_state SET clock = ? WHERE clock < ?").execute(arguments: [high, high])
        if checksum != storedChecksum { try StateChecksum.store(checksum, db) }
        // A commit copies the WAL into the file once it holds 1,000 pages (SQLite's default).
        // A page of a pull with more to come lets it grow to 65,536 pages (256 MiB at 4 KiB):
        // a first sync rewrites the same index pages in every transaction, and copying them
        // into the file after every few pages made 7 % of its time. The WAL is then copied at
        // the pull's last page, or by the next commit after a pull that stopped early.
        // (`ReadingLibrary.change` restores the usual size after the commit.) A WAL that grew
        // is cut back to 4 MiB when it starts over, but not between the pages of a pull, which
        // would only grow it again (5 % of a first sync).
        sqlite3_wal_autocheckpoint(db.sqliteConnection, defersIndexing ? Self.pullCheckpointPages : Self.checkpointPages)
        try db.cachedStatement(sql: "PRAGMA journal_size_limit = \(defersIndexing ? -1 : Self.walSizeLimit)").execute()
    }

    /// The size, in bytes, a WAL that grew is cut back to when it starts over
    /// (`PRAGMA journal_size_limit`): about the size at which a commit copies it into the file.
    static let walSizeLimit = 4 * 1_048_576

    /// The WAL size, in pages, at which a commit copies the WAL into the file.
    private static let checkpointPages: Int32 = 1_000
    /// The same, for a page of a pull with more to come (see ``commitClock()``).
    private static let pullCheckpointPages: Int32 = 65_536

    /// Restores the usual WAL size at which a commit copies the WAL into the file, after a
    /// change that may have set a pull's (``commitClock()``): for writes that do not go
    /// through a change writer.
    static func restoreCheckpointPages(_ db: Database) {
        sqlite3_wal_autocheckpoint(db.sqliteConnection, checkpointPages)
    }

    /// Writes `values` into the row of `entity` identified by `key`, creating the row if needed.
    ///
    /// A local write always wins (and is stamped even if the value is unchanged: the latest
    /// intent wins), except for fields whose rule keeps the earliest value. `local` columns
    /// (derived, never synced, such as an article's search text) are written along, unstamped.
    /// - Returns: whether any field was written.
    @discardableResult
    func write(
        _ entity: SyncedEntity, key: [String], values: [(column: String, value: DatabaseValue)],
        local: [(column: String, value: DatabaseValue)] = []
    ) throws -> Bool {
        let existing = try row(entity, key: key, fields: values.reduce(0) { $0 | 1 << entity.field($1.column).index })
        let written = values.filter { column, value in
            guard let existing, entity.field(column).rule == .earliestValueWins else { return true }
            let current = existing.values[column] as DatabaseValue
            return current.isNull || value.precedes(current)
        }
        let stamped = written.map { (column: $0.column, value: $0.value, timestamp: timestamp, replica: replica) }
        try store(entity, key: key, existing: existing, fields: stamped, local: local)
        return !written.isEmpty
    }

    /// Writes a new row of `entity` that the caller has just found absent in this transaction,
    /// like ``write(_:key:values:local:)`` without reading the row first. (A row that exists
    /// after all makes the insert fail; nothing is overwritten.)
    func create(
        _ entity: SyncedEntity, key: [String], values: [(column: String, value: DatabaseValue)],
        local: [(column: String, value: DatabaseValue)] = []
    ) throws {
        let stamped = values.map { (column: $0.column, value: $0.value, timestamp: timestamp, replica: replica) }
        try store(entity, key: key, existing: nil, fields: stamped, local: local)
    }

    /// Merges values written by other replicas into the row of `entity` identified by `key`:
    /// each value replaces the stored one only if its field's rule says it wins.
    /// - Returns: how many values won and how many lost (or were already there), whether the
    ///   row existed (`_alive`) before, and after if an `_alive` value won, and whether the row
    ///   was absent and is now inserted.
    func merge(
        _ entity: SyncedEntity, key: [String], changes: [(field: SyncedField, value: DatabaseValue, stamp: ChangeStamp)]
    ) throws -> (applied: Int, ignored: Int, wasAlive: Bool, isAlive: Bool?, inserted: Bool) {
        // The same field twice in one batch: only the value that wins between them counts.
        var candidates: [(field: SyncedField, value: DatabaseValue, stamp: ChangeStamp)] = []
        candidates.reserveCapacity(changes.count)
        for change in changes {
            guard let position = candidates.firstIndex(where: { $0.field.index == change.field.index }) else {
                candidates.append(change)
                continue
            }
            let previous = candidates[position]
            if Self.wins(change.field.rule, change.value, change.stamp, over: previous.value, previous.stamp) {
                candidates[position] = change
            }
        }
        var winners: [(column: String, value: DatabaseValue, timestamp: HybridTimestamp, replica: Int)] = []
        winners.reserveCapacity(candidates.count)
        // A row absent here takes every value. While the rows of an entity keep turning out
        // new (a first sync), each is inserted without being read first; an insert that
        // finds the row present after all writes nothing, and the row is merged as usual.
        if insertingBlind.contains(entity.code) {
            for (field, value, stamp) in candidates {
                winners.append((field.column, value, stamp.timestamp, try ordinal(of: stamp.replicaID)))
            }
            if try store(entity, key: key, existing: nil, fields: winners, ifAbsent: true) {
                for candidate in candidates { observed = max(observed, candidate.stamp.timestamp) }
                return inserted(winners, changes: changes.count)
            }
            insertingBlind.remove(entity.code)
            winners.removeAll(keepingCapacity: true)
        }
        // The fields changed, and `_alive` (field 0), for the report.
        let existing = try row(entity, key: key, fields: candidates.reduce(1) { $0 | 1 << $1.field.index })
        if existing == nil { insertingBlind.insert(entity.code) }
        let wasAlive = (existing?.values["alive"] as Bool?) ?? false
        for (field, value, stamp) in candidates {
            observed = max(observed, stamp.timestamp)
            if let existing, let current = existing.clock[field.index] {
                let stored = ChangeStamp(timestamp: current.timestamp, replicaID: try replicaID(current.replica))
                guard Self.wins(field.rule, value, stamp, over: existing.values[field.column] as DatabaseValue, stored) else { continue }
            }
            winners.append((field.column, value, stamp.timestamp, try ordinal(of: stamp.replicaID)))
        }
        try store(entity, key: key, existing: existing, fields: winners)
        if existing == nil { return inserted(winners, changes: changes.count) }
        return (winners.count, changes.count - winners.count, wasAlive, Self.alive(in: winners), false)
    }

    /// Reports the merge of `changes` values into a row that was absent and now holds `winners`.
    private func inserted(
        _ winners: [(column: String, value: DatabaseValue, timestamp: HybridTimestamp, replica: Int)], changes: Int
    ) -> (applied: Int, ignored: Int, wasAlive: Bool, isAlive: Bool?, inserted: Bool) {
        (winners.count, changes - winners.count, false, Self.alive(in: winners), !winners.isEmpty)
    }

    /// The `_alive` value among `winners`, if one is there.
    private static func alive(in winners: [(column: String, value: DatabaseValue, timestamp: HybridTimestamp, replica: Int)]) -> Bool? {
        winners.first { $0.column == "alive" }.map { $0.value == true.databaseValue }
    }

    /// Merges a value of an entity or field this build does not know (SPEC.md §3.8): the
    /// greater stamp wins, and a winner enters the feed like any other value.
    /// - Returns: whether it won.
    func mergeForeign(_ change: FieldChange) throws -> Bool {
        observed = max(observed, change.stamp.timestamp)
        let key = ForeignFields.storedKey(change.key)
        if let existing = try Row.fetchOne(
            db, sql: "SELECT hlc, replica, seq FROM foreign_field WHERE entity = ? AND row_key = ? AND field = ?",
            arguments: [change.entity, key, change.field])
        {
            let stored = ChangeStamp(
                timestamp: HybridTimestamp(rawValue: UInt64(bitPattern: existing["hlc"])), replicaID: try replicaID(existing["replica"]))
            guard change.stamp > stored else { return false }
            try removeFeedEntry(existing["seq"])
            checksum &-= StateChecksum.term(
                rowPrefix: StateChecksum.rowPrefix(entity: change.entity, key: change.key), field: change.field,
                timestamp: stored.timestamp, replicaID: stored.replicaID)
        }
        checksum &+= StateChecksum.term(
            rowPrefix: StateChecksum.rowPrefix(entity: change.entity, key: change.key), field: change.field,
            timestamp: change.stamp.timestamp, replicaID: change.stamp.replicaID)
        let replica = try ordinal(of: change.stamp.replicaID)
        let sequence = try addFeedEntry(entity: ForeignFields.feedCode, rowKey: "", origin: replica)
        let stored = ForeignFields.stored(change.value)
        try db.execute(
            sql: """
                INSERT INTO foreign_field (entity, row_key, field, value, kind, hlc, replica, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (entity, row_key, field) DO UPDATE SET value = excluded.value, kind = excluded.kind,
                    hlc = excluded.hlc, replica = excluded.replica, seq = excluded.seq
                """,
            arguments: [
                change.entity, key, change.field, stored.value, stored.kind,
                Int64(bitPattern: change.stamp.timestamp.rawValue), replica, sequence,
            ])
        return true
    }

    /// Whether `value` stamped `stamp` replaces `current` stamped `currentStamp` (SPEC.md §3.3).
    static func wins(
        _ rule: MergeRule, _ value: DatabaseValue, _ stamp: ChangeStamp, over current: DatabaseValue, _ currentStamp: ChangeStamp
    ) -> Bool {
        switch rule {
        case .lastWriterWins:
            return stamp > currentStamp
        case .earliestValueWins:
            if current.isNull { return !value.isNull || stamp > currentStamp }
            if value.isNull { return false }
            if value != current { return value.precedes(current) }
            return stamp > currentStamp
        case .existenceDeleteWins, .existenceAddWins:
            if stamp.timestamp != currentStamp.timestamp || value == current { return stamp > currentStamp }
            let preferred = (rule == .existenceAddWins).databaseValue
            return value == preferred
        }
    }

    // MARK: - Rows and the feed

    private struct ExistingRow {
        /// The columns asked for.
        var values: ColumnValues
        var clock: FieldClock
        var sequence: Int64
    }

    /// This transaction's statement for `sql`, prepared on first use (hot statements of bulk
    /// writes; see ``RawStatement``).
    func statement(_ sql: String) throws -> RawStatement {
        if let prepared = statements[sql] { return prepared }
        let prepared = try RawStatement(db, sql: sql)
        statements[sql] = prepared
        return prepared
    }

    /// The row of `entity` identified by `key`, with the columns of `fields` (a bit for each
    /// synced field, by field index), or nil if there is none.
    private func row(_ entity: SyncedEntity, key: [String], fields: UInt32) throws -> ExistingRow? {
        precondition(key.count == entity.keyColumns.count)
        let query: RawStatement
        let columns: [String]
        let shape = ReadShape(entity: entity.code, fields: fields)
        if let prepared = readStatements[shape] {
            (query, columns) = prepared
        } else {
            columns = entity.fields.filter { fields & 1 << $0.index != 0 }.sorted { $0.index < $1.index }.map(\.column)
            query = try statement("SELECT clock, seq\(columns.map { ", " + $0 }.joined()) FROM \(entity.table) WHERE \(entity.keyCondition)")
            readStatements[shape] = (query, columns)
        }
        guard let row = try query.fetchOne(key.map { $0.databaseValue }) else { return nil }
        guard case .blob(let clock) = row[0].storage, case .int64(let sequence) = row[1].storage else {
            throw ReadingListError(.storage, "A \(entity.name) row has no valid clock; the library may be damaged.")
        }
        return ExistingRow(values: ColumnValues(columns: columns, values: Array(row[2...])), clock: try FieldClock(packed: clock), sequence: sequence)
    }

    /// Writes the winning fields with their stamps under a new feed entry, and `local` columns
    /// along with them.
    /// - Parameter ifAbsent: inserts the row only if it is absent (`existing` is then nil),
    ///   and otherwise writes nothing at all: no feed entry, no checksum change.
    /// - Returns: whether the row was written.
    @discardableResult
    private func store(
        _ entity: SyncedEntity, key: [String], existing: ExistingRow?,
        fields: [(column: String, value: DatabaseValue, timestamp: HybridTimestamp, replica: Int)],
        local: [(column: String, value: DatabaseValue)] = [], ifAbsent: Bool = false
    ) throws -> Bool {
        guard !fields.isEmpty else { return false }
        if entity.table == SyncedEntity.tag.table { tagCache.removeAll() }
        let checksumBefore = checksum
        let origin = fields.allSatisfy { $0.replica == fields[0].replica } ? fields[0].replica : nil
        let sequence = try addFeedEntry(entity: entity.code, rowKey: Self.feedRowKey(key), origin: origin)
        var clock = existing?.clock ?? FieldClock()
        let rowPrefix = StateChecksum.rowPrefix(entity: entity.name, key: key)
        // In field order, so that one statement serves every write of the same fields.
        let synced = fields.map { entity.field($0.column) }
        let order = synced.indices.sorted { synced[$0].index < synced[$1].index }
        var shape = WriteShape(
            entity: entity.code, inserting: existing == nil, ifAbsent: ifAbsent, fields: 0, local: local.map { $0.column },
            searchTags: existing == nil && entity.searchKeyColumn != nil && !local.contains { $0.column == "tags" })
        for position in order {
            let field = synced[position]
            let (timestamp, replica) = (fields[position].timestamp, fields[position].replica)
            shape.fields |= 1 << field.index
            if let replaced = clock[field.index] {
                checksum &-= StateChecksum.term(
                    rowPrefix: rowPrefix, field: field.name, timestamp: replaced.timestamp, replicaID: try replicaID(replaced.replica))
            }
            checksum &+= StateChecksum.term(rowPrefix: rowPrefix, field: field.name, timestamp: timestamp, replicaID: try replicaID(replica))
            clock[field.index] = FieldStamp(timestamp: timestamp, replica: replica, sequence: sequence)
        }
        precondition(shape.fields.nonzeroBitCount == fields.count, "\(entity.table): a column written twice in one write")
        var values: [DatabaseValue] = []
        values.reserveCapacity(entity.keyColumns.count + fields.count + local.count + 3)
        if existing == nil { for part in key { values.append(part.databaseValue) } }
        for position in order { values.append(fields[position].value) }
        for (_, value) in local { values.append(value) }
        values.append(clock.packed.databaseValue)
        values.append(sequence.databaseValue)
        if let existing {
            // The feed keeps one entry per sequence that some current value of the row was
            // written at; an entry whose values have all been overwritten goes.
            let live = Set(clock.entries.map { $0.stamp.sequence })
            for stale in Set(existing.clock.entries.map { $0.stamp.sequence }).subtracting(live) {
                try removeFeedEntry(stale)
            }
            for part in key { values.append(part.databaseValue) }
        } else if entity.searchKeyColumn != nil {
            values.append(sequence.databaseValue)
        }
        let written = try writeStatement(shape, entity: entity).execute(values)
        if ifAbsent, written == 0 {
            checksum = checksumBefore
            takeBackFeedEntry(sequence)
            return false
        }
        if existing == nil, entity.searchKeyColumn != nil { articlesToIndex = true }
        return true
    }

    /// A row's key as its feed entry names it: the key's parts joined by spaces (ids have none).
    static func feedRowKey(_ key: [String]) -> String {
        guard key.count > 1 else { return key.first ?? "" }
        var text = ""
        text.reserveCapacity(key.reduce(key.count - 1) { $0 + $1.utf8.count })
        text += key[0]
        for part in key.dropFirst() {
            text += " "
            text += part
        }
        return text
    }

    /// Which columns of which table a read of a row gets: the key of its prepared statement,
    /// cheaper to find than its SQL.
    private struct ReadShape: Hashable {
        var entity: Int
        /// A bit for each synced field read, by field index.
        var fields: UInt32
    }

    /// Which columns of which table a write sets, and whether it inserts the row: the key of
    /// its prepared statement, cheaper to find than its SQL.
    private struct WriteShape: Hashable {
        var entity: Int
        var inserting: Bool
        /// An insert that does nothing if the row exists (`ON CONFLICT DO NOTHING`).
        var ifAbsent: Bool
        /// A bit for each synced field written, by field index.
        var fields: UInt32
        var local: [String]
        /// An article inserted without its search-only `tags`, which the insert works out from
        /// the memberships there are (``TagWrites/searchTags(ofArticle:)``).
        var searchTags: Bool
    }

    /// The statement that writes a row of `shape`: `columns` (the synced fields, in field
    /// order), then the local columns, the clock and the feed sequence; an insert starts with
    /// the key columns and ends with the search key, if the entity has one (and the `tags` its
    /// memberships name, if not given); an update ends with the key columns.
    private func writeStatement(_ shape: WriteShape, entity: SyncedEntity) throws -> RawStatement {
        if let prepared = writeStatements[shape] { return prepared }
        let columns = entity.fields.filter { shape.fields & 1 << $0.index != 0 }.sorted { $0.index < $1.index }.map(\.column)
        let written = columns + shape.local + ["clock", "seq"]
        let sql: String
        if shape.inserting {
            var inserted = entity.keyColumns + written + (entity.searchKeyColumn.map { [$0] } ?? [])
            var placeholders = Array(repeating: "?", count: inserted.count)
            if shape.searchTags {
                // The article's id is the first parameter.
                inserted.append("tags")
                placeholders.append(TagWrites.searchTags(ofArticle: "?1"))
            }
            sql = "INSERT INTO \(entity.table) (\(inserted.joined(separator: ", "))) VALUES (\(placeholders.joined(separator: ", ")))"
                + (shape.ifAbsent ? " ON CONFLICT DO NOTHING" : "")
        } else {
            sql = "UPDATE \(entity.table) SET \(written.map { "\($0) = ?" }.joined(separator: ", ")) WHERE \(entity.keyCondition)"
        }
        let prepared = try statement(sql)
        writeStatements[shape] = prepared
        return prepared
    }

    /// Adds the articles inserted in this transaction, and any that earlier pages of a sync
    /// left out, to the search index, in one statement, and records that they are indexed
    /// (unless this transaction ``defersIndexing``). Called once, before commit.
    ///
    /// Every article's `tags` is current at every commit, indexed or not: an insert that does
    /// not give them takes the names of the memberships there are (``ReadingLibrary`` merges a
    /// page's tags and memberships before its articles), and memberships merged later rewrite it
    /// (``TagWrites/refreshSearchText(of:_:)``). A first sync thus writes each article row
    /// once. (Working out the tags of each page's new articles again before commit, a second
    /// write of each row, made 6 % of a first sync of 100,000.)
    private func indexNewArticles() throws {
        guard articlesToIndex || indexPending, !defersIndexing else { return }
        try db.cachedStatement(
            sql: """
                INSERT INTO article_search (rowid, title, byline, site, excerpt, content, tags)
                SELECT search_id, title, byline, site, excerpt, content, tags FROM article WHERE search_id > ?
                """).execute(arguments: [indexedThrough])
        try db.cachedStatement(sql: "UPDATE library_state SET search_indexed_through = ?").execute(arguments: [lastSequence])
    }

    /// Gives out the next feed sequence for a write to the row `rowKey` of `entity`, whose
    /// values are all stamped by replica `origin` (an ordinal), or by more than one if nil.
    private func addFeedEntry(entity: Int, rowKey: String, origin: Int?) throws -> Int64 {
        // Flushed before, not after: the entry just given out stays pending, to be taken back.
        if pendingFeed.count >= Self.feedBatch { try flushFeed() }
        lastSequence += 1
        pendingFeed.append((lastSequence, entity, rowKey, origin))
        return lastSequence
    }

    /// Takes back the feed entry just given out, for a write that did not happen: the next
    /// entry gets its sequence.
    private func takeBackFeedEntry(_ sequence: Int64) {
        precondition(pendingFeed.last?.sequence == sequence && lastSequence == sequence, "only the last entry can be taken back")
        pendingFeed.removeLast()
        lastSequence -= 1
    }

    /// Removes the feed entry `sequence`, pending or inserted.
    private func removeFeedEntry(_ sequence: Int64) throws {
        if let first = pendingFeed.first, sequence >= first.sequence {
            pendingFeed.removeAll { $0.sequence == sequence }
        } else {
            try statement("DELETE FROM change_feed WHERE seq = ?").execute([sequence.databaseValue])
        }
    }

    /// Inserts the pending feed entries in one statement.
    private func flushFeed() throws {
        guard !pendingFeed.isEmpty else { return }
        let rows = Array(repeating: "(?, ?, ?, ?)", count: pendingFeed.count).joined(separator: ", ")
        var values: [DatabaseValue] = []
        values.reserveCapacity(pendingFeed.count * 4)
        for entry in pendingFeed {
            values += [entry.sequence.databaseValue, entry.entity.databaseValue, entry.rowKey.databaseValue, entry.origin.databaseValue]
        }
        try statement("INSERT INTO change_feed (seq, entity, row_key, origin) VALUES \(rows)").execute(values)
        pendingFeed.removeAll(keepingCapacity: true)
    }

    // MARK: - Replicas

    private func loadReplicas() throws {
        guard !replicasLoaded else { return }
        replicaIDs = try ReplicaDirectory.ids(db)
        ordinals = Dictionary(replicaIDs.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        replicasLoaded = true
    }

    /// The id of the replica with `ordinal` in this file.
    func replicaID(_ ordinal: Int) throws -> String {
        try loadReplicas()
        guard let id = replicaIDs[ordinal] else {
            throw ReadingListError(.storage, "The library refers to an unknown replica (\(ordinal)); it may be damaged.")
        }
        return id
    }

    /// The ordinal of `replicaID` in this file, registering it when new.
    private func ordinal(of replicaID: String) throws -> Int {
        if let last = lastOrdinal, last.replicaID == replicaID { return last.ordinal }
        try loadReplicas()
        if let ordinal = ordinals[replicaID] {
            lastOrdinal = (replicaID, ordinal)
            return ordinal
        }
        try db.execute(sql: "INSERT INTO replica (replica_id) VALUES (?)", arguments: [replicaID])
        let ordinal = Int(db.lastInsertedRowID)
        replicaIDs[ordinal] = replicaID
        ordinals[replicaID] = ordinal
        return ordinal
    }
}

extension DatabaseValue {
    /// Whether this value sorts before `other` (integers, reals and text of the same kind).
    func precedes(_ other: DatabaseValue) -> Bool {
        switch (storage, other.storage) {
        case let (.int64(a), .int64(b)): a < b
        case let (.double(a), .double(b)): a < b
        case let (.string(a), .string(b)): a < b
        default: false
        }
    }
}
