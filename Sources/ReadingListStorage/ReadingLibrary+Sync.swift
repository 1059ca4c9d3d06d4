public import Foundation
import GRDB
public import ReadingListModel

extension ReadingLibrary {
    /// This library's change feed after `sequence`: the current value and stamp of every field
    /// that changed since, in feed order, in whole feed entries: at least one, and then at most
    /// `limit` field changes of about `maxBytes` of JSON. Start from 0 for everything; continue
    /// from the page's `toSequence`.
    ///
    /// - Parameter excluding: a replica id whose values are left out: the puller's own, which
    ///   it already has or has overwritten (SPEC.md §6.3). `nil` for everything.
    public func changes(
        after sequence: Int64, limit: Int = 2_000, maxBytes: Int = .max, excluding: String? = nil
    ) throws(ReadingListError) -> ChangePage {
        let (page, identity, position) = try read { db in
            (try ChangeFeedReader.page(db, after: sequence, limit: max(1, limit), maxBytes: maxBytes, excluding: excluding),
             try Self.identity(db), try Self.feedPosition(db))
        }
        if sequence > position {
            // The puller has read further than this feed goes: this file is an older copy of
            // itself (a restore). Take a new identity before anything else is stamped.
            try change { writer in
                if try Self.identity(writer.db) == identity { try FileIdentity.rotate(writer.db) }
            }
            throw ReadingListError(
                .cursorInvalid,
                "A peer has read this library's feed up to \(sequence), but it ends at \(position): the file was replaced by an older copy. It now syncs as a new replica; sync again.")
        }
        // Before a peer can record a cursor into the feed, note how far it may go (a restore check).
        try feedMark.record(page.feedEnd ?? page.toSequence, replica: identity.replicaID)
        return page
    }

    /// Merges changes from another replica, field by field, by the rules of SPEC.md §3.3, in one
    /// transaction: the whole page is applied, or (on any invalid change) nothing is. Applying
    /// the same page again changes nothing. Winning values keep their stamps and enter this
    /// library's change feed, so they travel on to other replicas.
    @discardableResult
    public func apply(_ changes: [FieldChange]) throws(ReadingListError) -> MergeReport {
        let validated = try PreparedPage.validated(changes)
        return try change { writer in try Self.merge(validated, writer: writer) }
    }

    /// Merges validated changes and refreshes what derives from tags.
    ///
    /// A page's tags and memberships are merged before its articles and highlights: an article
    /// inserted after them takes its tags' names with its insert (``ChangeWriter``), and only
    /// the articles that were there before have theirs worked out again, instead of a second
    /// write of every new article's row. Rows of different keys are independent: their order
    /// within a page changes no value, only the order of this library's own feed entries (and
    /// so where the pages a peer pulls from it end) and of the report's rows.
    private static func merge(_ validated: PreparedPage.ValidatedChanges, writer: ChangeWriter) throws -> MergeReport {
        var report = MergeReport()
        var touchedArticles = Set<String>()
        var renamedTags = Set<String>()
        var memberships = Set<String>()
        var insertedArticles = Set<String>()
        // Whether each article merged here is alive now, for the report of its memberships.
        var articlesAlive: [String: Bool] = [:]
        func merge(_ row: PreparedPage.RowChanges) throws {
            let result = try writer.merge(row.entity, key: row.key, changes: row.changes)
            report.applied += result.applied
            report.ignored += result.ignored
            if row.entity.code == SyncedEntity.article.code {
                articlesAlive[row.key[0]] = result.isAlive ?? result.wasAlive
                if result.inserted { insertedArticles.insert(row.key[0]) }
            }
            guard result.applied > 0 else { return }
            switch row.entity.code {
            case SyncedEntity.article.code:
                report.rows.append(MergedRow(kind: .article, id: row.key[0], wasAlive: result.wasAlive, isAlive: result.isAlive))
            case SyncedEntity.tag.code:
                renamedTags.insert(row.key[0])
                report.rows.append(MergedRow(kind: .tag, id: row.key[0], wasAlive: result.wasAlive, isAlive: result.isAlive))
            case SyncedEntity.articleTag.code:
                touchedArticles.insert(row.key[0])
                memberships.insert(row.key[0])
            default:
                report.rows.append(MergedRow(kind: .highlight, id: row.key[0], wasAlive: result.wasAlive, isAlive: result.isAlive))
            }
        }
        for row in validated.rows where row.entity.namesTags { try merge(row) }
        for tag in renamedTags {
            touchedArticles.formUnion(try String.fetchAll(
                writer.db, sql: "SELECT article_id FROM article_tag WHERE tag_id = ?", arguments: [tag]))
        }
        for row in validated.rows where !row.entity.namesTags { try merge(row) }
        try TagWrites.refreshSearchText(of: touchedArticles.subtracting(insertedArticles).sorted(), writer.db)
        for article in memberships.sorted() {
            let alive = try articlesAlive[article]
                ?? Bool.fetchOne(writer.db.cachedStatement(sql: "SELECT alive FROM article WHERE id = ?"), arguments: [article]) ?? false
            report.rows.append(MergedRow(kind: .article, id: article, wasAlive: alive, isAlive: nil))
        }
        for change in validated.foreign {
            if try writer.mergeForeign(change) { report.applied += 1 } else { report.ignored += 1 }
        }
        return report
    }

    /// This replica's id and incarnation.
    public func identity() throws(ReadingListError) -> ReplicaIdentity {
        try read { db in try Self.identity(db) }
    }

    static func identity(_ db: Database) throws -> ReplicaIdentity {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT replica_id, incarnation FROM library_state JOIN replica ON ordinal = replica_ordinal")
        else { throw ReadingListError(.storage, "The library has no replica state; it may be damaged.") }
        return ReplicaIdentity(replicaID: row["replica_id"], incarnation: row["incarnation"])
    }

    /// How far this replica has applied `peer`'s feed, or `nil` if it never has.
    public func cursor(for peer: String) throws(ReadingListError) -> PeerCursor? {
        try read { db in try Self.cursor(for: peer, db) }
    }

    /// Every peer this replica has pulled from, by replica id.
    public func peers() throws(ReadingListError) -> [PeerCursor] {
        try read { db in try Self.peers(db) }
    }

    static func peers(_ db: Database) throws -> [PeerCursor] {
        try Row.fetchAll(db, sql: "SELECT * FROM peer ORDER BY replica_id").map(cursor(from:))
    }

    /// Applies a page of `peer`'s feed and records, in the same transaction, that this replica
    /// has applied the peer's feed up to the page's `toSequence`: a sync cut at any point
    /// resumes after the last page applied, and replaying a page changes nothing.
    ///
    /// Articles a page adds are searchable once the pull's last page (`hasMore` false) is
    /// applied, or, if the pull stops before it, after the next change to the library.
    ///
    /// - Throws: ``ReadingListError`` `clockSkew` (and applies nothing) when a change is
    ///   stamped more than `maxClockSkew` ahead of this replica's clock; `invalidInput` when a
    ///   change is malformed or the page starts after the recorded cursor (a gap).
    @discardableResult
    public func apply(
        _ page: ChangePage, from peer: ReplicaIdentity, maxClockSkew: TimeInterval = 86_400
    ) throws(ReadingListError) -> MergeReport {
        try apply(PreparedPage(page), from: peer, maxClockSkew: maxClockSkew, preview: false)
    }

    /// Applies a page prepared ahead (see ``PreparedPage``): as ``apply(_:from:maxClockSkew:)``.
    @discardableResult
    public func apply(
        _ prepared: PreparedPage, from peer: ReplicaIdentity, maxClockSkew: TimeInterval = 86_400
    ) throws(ReadingListError) -> MergeReport {
        try apply(prepared, from: peer, maxClockSkew: maxClockSkew, preview: false)
    }

    /// What applying a page of `peer`'s feed would do, without changing anything (a dry run).
    /// Pages of one pull can be previewed one after another: each is judged against the
    /// stored state, which is exact because a pull carries each field at most once.
    /// - Throws: as ``apply(_:from:maxClockSkew:)``, except that gaps are not checked.
    public func preview(
        _ page: ChangePage, from peer: ReplicaIdentity, maxClockSkew: TimeInterval = 86_400
    ) throws(ReadingListError) -> MergeReport {
        try apply(PreparedPage(page), from: peer, maxClockSkew: maxClockSkew, preview: true)
    }

    /// Previews a page prepared ahead (see ``PreparedPage``): as ``preview(_:from:maxClockSkew:)``.
    public func preview(
        _ prepared: PreparedPage, from peer: ReplicaIdentity, maxClockSkew: TimeInterval = 86_400
    ) throws(ReadingListError) -> MergeReport {
        try apply(prepared, from: peer, maxClockSkew: maxClockSkew, preview: true)
    }

    private func apply(
        _ prepared: PreparedPage, from peer: ReplicaIdentity, maxClockSkew: TimeInterval, preview: Bool
    ) throws(ReadingListError) -> MergeReport {
        let page = prepared.page
        let now = now()
        let limit = HybridTimestamp.milliseconds(of: now.addingTimeInterval(maxClockSkew))
        if let latest = prepared.latest, page.changes[latest].stamp.timestamp.milliseconds > limit {
            let ahead = page.changes[latest]
            let skew = Double(ahead.stamp.timestamp.milliseconds) / 1000 - now.timeIntervalSince1970
            throw ReadingListError(
                .clockSkew,
                "Replica \(ahead.stamp.replicaID) (via \(peer.replicaID)) stamped changes \(Int(skew)) s ahead of this clock, more than the \(Int(maxClockSkew)) s allowed. Fix the clock of that device, then sync again; nothing was applied.")
        }
        let validated = try prepared.validated.get()
        let syncedAt = ArticleRows.milliseconds(now)
        return try change(rollingBack: preview) { writer in
            // New articles enter the search index with the last page of a pull, all at once.
            writer.defersIndexing = page.hasMore
            let stored = try Self.cursor(for: peer.replicaID, writer.db)
            let start = stored?.incarnation == peer.incarnation ? stored?.sequence ?? 0 : 0
            guard preview || page.afterSequence <= start else {
                throw ReadingListError(
                    .invalidInput,
                    "A page of \(peer.replicaID) starts after sequence \(page.afterSequence), but only \(start) has been applied. Pull again from \(start).")
            }
            let report = try Self.merge(validated, writer: writer)
            try Self.recordCursor(peer, at: max(start, page.toSequence), syncedAt: syncedAt, writer.db)
            return report
        }
    }

    /// An order-independent checksum of the synced state: equal on two replicas that hold the
    /// same value stamps (SPEC.md §3.6). Kept up to date by every write, so it costs one read.
    /// - Parameter recounting: computes it from every row instead (a scan of the whole library)
    ///   and repairs the kept value if it differs.
    public func checksum(recounting: Bool = false) throws(ReadingListError) -> String {
        guard recounting else { return StateChecksum.text(try read { try StateChecksum.stored($0) }) }
        let (counted, kept) = try read { db in (try StateChecksum.recount(db), try StateChecksum.stored(db)) }
        guard counted != kept else { return StateChecksum.text(counted) }
        do {
            // Repaired in a write that counts again: another write may have come in between.
            return try pool.write { db in
                let counted = try StateChecksum.recount(db)
                if try StateChecksum.stored(db) != counted { try StateChecksum.store(counted, db) }
                return StateChecksum.text(counted)
            }
        } catch {
            throw LibraryFile.translate(error, path: path)
        }
    }

    private static func cursor(for peer: String, _ db: Database) throws -> PeerCursor? {
        try Row.fetchOne(db, sql: "SELECT * FROM peer WHERE replica_id = ?", arguments: [peer]).map(cursor(from:))
    }

    private static func cursor(from row: Row) -> PeerCursor {
        PeerCursor(
            replicaID: row["replica_id"], incarnation: row["incarnation"], sequence: row["cursor"],
            syncedAt: ArticleRows.date(row["synced_at"]) ?? Date(timeIntervalSince1970: 0))
    }
}
