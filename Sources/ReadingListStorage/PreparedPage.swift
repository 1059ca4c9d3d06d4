import GRDB
public import ReadingListModel

/// A page of another replica's feed, checked and grouped by row: the part of applying it that
/// needs no database, done ahead. A sync prepares the next page on the thread that pulls it
/// while it applies the one before, then passes it to ``ReadingLibrary``'s `apply(_:from:maxClockSkew:)`.
///
/// A page that fails the checks is prepared too: applying it throws what applying the page
/// would have thrown, and applies nothing.
public struct PreparedPage: Sendable {
    /// The page as received.
    public let page: ChangePage
    /// Its changes, checked and grouped by row, or why they are refused.
    let validated: Result<ValidatedChanges, ReadingListError>
    /// The position in `page.changes` of the change with the greatest stamp (for the clock
    /// check, which needs the time it is applied at), or nil for an empty page.
    let latest: Int?

    /// Checks `page`'s changes and groups them by row.
    public init(_ page: ChangePage) {
        self.page = page
        // By index: iterating the changes would copy each one (its strings and key) to read a number.
        var latest = page.changes.startIndex
        for position in page.changes.indices where page.changes[position].stamp.timestamp > page.changes[latest].stamp.timestamp {
            latest = position
        }
        self.latest = page.changes.indices.contains(latest) ? latest : nil
        validated = Result { () throws(ReadingListError) in try Self.validated(page.changes) }
    }

    /// A row of a known entity and the changes to it, in page order.
    struct RowChanges: Sendable {
        var entity: SyncedEntity
        var key: [String]
        var changes: [(field: SyncedField, value: DatabaseValue, stamp: ChangeStamp)]
    }

    /// A row of a known entity, as `validated` groups changes by it.
    private struct RowKey: Hashable {
        var entity: Int
        var key: [String]
    }

    /// Changes checked and grouped: rows of known entities, and values this build does not know.
    struct ValidatedChanges: Sendable {
        var rows: [RowChanges] = []
        var foreign: [FieldChange] = []
    }

    /// Checks every change before anything is written, and groups known ones by row (in order).
    static func validated(_ changes: [FieldChange]) throws(ReadingListError) -> ValidatedChanges {
        var validated = ValidatedChanges()
        var index: [RowKey: Int] = [:]
        // The replica id last found valid: a page mostly carries one or two.
        var checkedReplica: String?
        for (position, change) in changes.enumerated() {
            func invalid(_ reason: String) -> ReadingListError {
                ReadingListError(.invalidInput, "Change \(position + 1) (\(change.entity).\(change.field)) is invalid: \(reason).")
            }
            if change.stamp.replicaID != checkedReplica {
                guard FieldChange.isLowercaseUUID(change.stamp.replicaID) else { throw invalid("the replica id is not a lowercase UUID") }
                checkedReplica = change.stamp.replicaID
            }
            if case .integer(let number) = change.value, !(-FieldChange.maxWireInteger...FieldChange.maxWireInteger).contains(number) {
                throw invalid("integers must lie within ±2^53")
            }
            if case .text(let text) = change.value, FieldChange.containsNUL(text) {
                throw invalid("text must not contain U+0000")
            }
            guard let entity = SyncedEntity.named(change.entity), let field = entity.field(named: change.field) else {
                // A newer replica's entity or field: kept and relayed (SPEC.md §3.8).
                guard FieldChange.isValidName(change.entity), FieldChange.isValidName(change.field) else {
                    throw invalid("an entity or field name must be 1–64 letters, digits or underscores")
                }
                let knownEntity = SyncedEntity.named(change.entity)
                guard knownEntity.map({ change.key.count == $0.keyColumns.count && change.key.allSatisfy(FieldChange.isLowercaseUUID) })
                    ?? FieldChange.isValidKey(change.key)
                else { throw invalid("the key is malformed") }
                validated.foreign.append(change)
                continue
            }
            guard let value = change.value.databaseValue(kind: field.kind) else { throw invalid("the value has the wrong type") }
            guard field.nullable || !value.isNull else { throw invalid("the field cannot be null") }
            // A row's changes mostly come together: only a new row's key is checked and looked up.
            if let last = validated.rows.indices.last, validated.rows[last].entity.code == entity.code, validated.rows[last].key == change.key {
                validated.rows[last].changes.append((field, value, change.stamp))
                continue
            }
            guard change.key.count == entity.keyColumns.count, change.key.allSatisfy(FieldChange.isLowercaseUUID) else {
                throw invalid("the key must be \(entity.keyColumns.count) lowercase UUID(s)")
            }
            let rowKey = RowKey(entity: entity.code, key: change.key)
            if let existing = index[rowKey] {
                validated.rows[existing].changes.append((field, value, change.stamp))
            } else {
                index[rowKey] = validated.rows.count
                validated.rows.append(RowChanges(entity: entity, key: change.key, changes: [(field, value, change.stamp)]))
            }
        }
        return validated
    }
}
