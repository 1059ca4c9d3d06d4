import GRDB
public import ReadingListModel

extension ReadingLibrary {
    /// This library's change feed after `sequence`: the current value and stamp of every field
    /// that changed since, at most about `limit` field changes (whole rows), in feed order.
    /// Start from 0 for everything; continue from the page's `toSequence`.
    public func changes(after sequence: Int64, limit: Int = 2_000) throws(ReadingListError) -> ChangePage {
        try read { db in try ChangeFeedReader.page(db, after: sequence, limit: max(1, limit)) }
    }

    /// Merges changes from another replica, field by field, by the rules of SPEC.md §3.3, in one
    /// transaction: the whole page is applied, or (on any invalid change) nothing is. Applying
    /// the same page again changes nothing. Winning values keep their stamps and enter this
    /// library's change feed, so they travel on to other replicas.
    @discardableResult
    public func apply(_ changes: [FieldChange]) throws(ReadingListError) -> MergeReport {
        let rows = try Self.validatedRows(changes)
        return try change { writer in
            var report = MergeReport()
            var touchedArticles = Set<String>()
            var renamedTags = Set<String>()
            for row in rows {
                let result = try writer.merge(row.entity, key: row.key, changes: row.changes)
                report.applied += result.applied
                report.ignored += result.ignored
                guard result.applied > 0 else { continue }
                if row.entity.name == SyncedEntity.articleTag.name { touchedArticles.insert(row.key[0]) }
                if row.entity.name == SyncedEntity.tag.name { renamedTags.insert(row.key[0]) }
            }
            for tag in renamedTags {
                touchedArticles.formUnion(try String.fetchAll(
                    writer.db, sql: "SELECT article_id FROM article_tag WHERE tag_id = ?", arguments: [tag]))
            }
            for article in touchedArticles.sorted() { try TagWrites.refreshSearchText(of: article, writer.db) }
            return report
        }
    }

    private struct RowChanges {
        var entity: SyncedEntity
        var key: [String]
        var changes: [(field: SyncedField, value: DatabaseValue, stamp: ChangeStamp)]
    }

    /// Checks every change before anything is written, and groups them by row (in order).
    private static func validatedRows(_ changes: [FieldChange]) throws(ReadingListError) -> [RowChanges] {
        var rows: [RowChanges] = []
        var index: [String: Int] = [:]
        for (position, change) in changes.enumerated() {
            func invalid(_ reason: String) -> ReadingListError {
                ReadingListError(.invalidInput, "Change \(position + 1) (\(change.entity).\(change.field)) is invalid: \(reason).")
            }
            guard let entity = SyncedEntity.named(change.entity) else { throw invalid("unknown entity") }
            guard let field = entity.field(named: change.field) else { throw invalid("unknown field") }
            guard change.key.count == entity.keyColumns.count, change.key.allSatisfy(Self.isLowercaseUUID) else {
                throw invalid("the key must be \(entity.keyColumns.count) lowercase UUID(s)")
            }
            guard Self.isLowercaseUUID(change.stamp.replicaID) else { throw invalid("the replica id is not a lowercase UUID") }
            guard let value = change.value.databaseValue(kind: field.kind) else { throw invalid("the value has the wrong type") }
            let rowKey = change.entity + " " + change.key.joined(separator: " ")
            if let existing = index[rowKey] {
                rows[existing].changes.append((field, value, change.stamp))
            } else {
                index[rowKey] = rows.count
                rows.append(RowChanges(entity: entity, key: change.key, changes: [(field, value, change.stamp)]))
            }
        }
        return rows
    }

    private static func isLowercaseUUID(_ text: String) -> Bool {
        text.count == 36 && text == text.lowercased() && ArticleID(text) != nil
    }
}
