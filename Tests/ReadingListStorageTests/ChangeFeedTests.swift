import Foundation
import GRDB
import ReadingListModel
@testable import ReadingListStorage
import Testing

/// The one write path: per-field stamps, the change feed, and the persisted clock.
@Suite struct ChangeFeedTests {
    struct FeedEntry: Equatable {
        var seq: Int64
        var entity: Int
        var rowKey: String
    }

    func feed(_ path: String) throws -> [FeedEntry] {
        try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT seq, entity, row_key FROM change_feed ORDER BY seq").map {
                FeedEntry(seq: $0["seq"], entity: $0["entity"], rowKey: $0["row_key"])
            }
        }
    }

    func clock(_ path: String, table: String, id: String) throws -> FieldClock {
        try DatabaseQueue(path: path).read { db in
            try FieldClock(packed: try Data.fetchOne(db, sql: "SELECT clock FROM \(table) WHERE id = ?", arguments: [id]) ?? Data())
        }
    }

    @Test func everyChangeStampsItsFieldsAndAddsAFeedEntryForThem() throws {
        let clock = ManualClock()
        let temporary = try TemporaryLibrary(now: { clock.now })
        let library = temporary.library
        let article = try library.save(ArticleDraft(source: .url("https://example.com/a"), title: "A")).article
        let id = article.id.description
        let afterSave = try feed(temporary.path)
        #expect(afterSave.map(\.entity) == [SyncedEntity.article.code])
        let saveStamps = try self.clock(temporary.path, table: "article", id: id)
        let aliveStamp = try #require(saveStamps[0])
        #expect(saveStamps[3]?.timestamp == aliveStamp.timestamp)
        #expect(saveStamps[12] == nil)

        clock.advance(seconds: 1)
        try library.setRead(id, true)
        let afterRead = try feed(temporary.path)
        #expect(afterRead.count == 2)
        #expect(afterRead[0] == afterSave[0])
        #expect(afterRead[1].seq > afterSave[0].seq)
        let readStamps = try self.clock(temporary.path, table: "article", id: id)
        let readStamp = try #require(readStamps[12])
        #expect(readStamp.timestamp > aliveStamp.timestamp)
        #expect(readStamp.sequence == afterRead[1].seq)
        #expect(readStamps[3] == saveStamps[3])

        // Once every value written at the save's sequence is overwritten, its entry goes.
        clock.advance(seconds: 1)
        try library.save(ArticleDraft(source: .url("https://example.com/a"), title: "B"))
        try library.setRead(id, false)
        #expect(try feed(temporary.path).map(\.seq).contains(afterSave[0].seq))
        let page = try library.changes(after: afterRead[1].seq)
        #expect(Set(page.changes.map(\.field)) == ["title", "readAt"])
    }

    @Test func tagsAndHighlightsAreFeedEntriesOfTheirOwn() throws {
        let temporary = try TemporaryLibrary()
        let library = temporary.library
        let id = try library.save(ArticleDraft(
            source: .url("https://example.com/a"), content: "Some words here.", tags: ["t"])).article.id.description
        try library.addHighlight(to: id, quote: "words")
        let entities = try feed(temporary.path).map(\.entity)
        #expect(entities == [1, 2, 3, 4])
    }

    @Test func theClockIsPersistedAndNeverGoesBackwards() throws {
        let clock = ManualClock()
        let temporary = try TemporaryLibrary(now: { clock.now })
        let id = try temporary.library.save(ArticleDraft(source: .url("https://example.com/a"))).article.id.description
        let first = try #require(try self.clock(temporary.path, table: "article", id: id)[0])
        clock.advance(seconds: -3600)
        let reopened = try ReadingLibrary(path: temporary.path, now: { clock.now })
        try reopened.setFavorite(id, true)
        let stamps = try self.clock(temporary.path, table: "article", id: id)
        let favorite = try #require(stamps[14])
        #expect(favorite.timestamp > first.timestamp)
        let persisted = try DatabaseQueue(path: temporary.path).read { db in
            try Int64.fetchOne(db, sql: "SELECT clock FROM library_state")
        }
        #expect(persisted.map { UInt64(bitPattern: $0) } == favorite.timestamp.rawValue)
    }

    @Test func aFailedChangeLeavesTheFeedAndClockUntouched() throws {
        let temporary = try TemporaryLibrary()
        let library = temporary.library
        let id = try library.save(ArticleDraft(source: .url("https://example.com/a"), content: "Text.")).article.id.description
        let before = try feed(temporary.path)
        let clockBefore = try DatabaseQueue(path: temporary.path).read { try Int64.fetchOne($0, sql: "SELECT clock FROM library_state") }
        #expect(throws: ReadingListError.self) { try library.addHighlight(to: id, quote: "absent") }
        #expect(try feed(temporary.path) == before)
        #expect(try DatabaseQueue(path: temporary.path).read { try Int64.fetchOne($0, sql: "SELECT clock FROM library_state") } == clockBefore)
    }

    /// A merge inserts rows that keep turning out new without reading them first; a row that
    /// exists after all must still be merged, and the insert that found it must leave no trace.
    @Test func aRowMetAfterNewOnesInOnePullIsMergedAndTheFeedStaysGapFree() throws {
        let clockA = ManualClock()
        let clockB = ManualClock()
        let a = try TemporaryLibrary(now: { clockA.now })
        let b = try TemporaryLibrary(now: { clockB.now })
        try a.library.save(ArticleDraft(source: .url("https://example.com/x"), title: "Old title", tags: ["Shared"]))
        try pull(from: a.library, into: b.library)
        clockA.advance(seconds: 10)
        try a.library.save(ArticleDraft(source: .url("https://example.com/y"), content: "Plovers run.", tags: ["Shared", "New"]))
        try a.library.save(ArticleDraft(source: .url("https://example.com/z"), content: "Terns dive.", tags: ["New"]))
        try a.library.save(ArticleDraft(source: .url("https://example.com/x"), title: "Kestrel title", tags: ["Shared", "New"]))
        let lastBefore = try feed(b.path).map(\.seq).max() ?? 0
        // New articles and memberships first, then rows of the same entities that b has.
        let xID = try a.library.article("https://example.com/x").id.description
        let changes = try a.library.changes(after: 0).changes
        let (others, rowsOfX) = (changes.filter { !$0.key.contains(xID) }, changes.filter { $0.key.contains(xID) })
        #expect(rowsOfX.contains { $0.entity == "article" } && rowsOfX.contains { $0.entity == "articleTag" })
        let report = try b.library.apply(others + rowsOfX)
        #expect(report.applied > 0)
        #expect(try b.library.article("https://example.com/x").title == "Kestrel title")
        #expect(try b.library.article("https://example.com/x").tags == ["New", "Shared"])
        #expect(try dump(b.library) == dump(a.library))
        let stored = try b.library.checksum()
        #expect(stored == (try a.library.checksum()))
        #expect(try b.library.checksum(recounting: true) == stored)
        #expect(try b.library.search("kestrel").map(\.article.url) == ["https://example.com/x"])
        #expect(try b.library.search("plovers").map(\.article.url) == ["https://example.com/y"])
        // The pull's entries are numbered on from the last one before, with no number skipped.
        let sequences = try feed(b.path).map(\.seq)
        let added = sequences.filter { $0 > lastBefore }
        #expect(added == Array((lastBefore + 1)...(lastBefore + Int64(added.count))))
        #expect(added.count == 9)
        // Replayed, the same rows change nothing and add no feed entry.
        #expect(try b.library.apply(others + rowsOfX).applied == 0)
        #expect(try feed(b.path).map(\.seq) == sequences)
    }

    /// The feed entry's origin: the replica of all its values, or NULL for more than one.
    func origins(_ path: String) throws -> [String: [Int?]] {
        try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT row_key, origin FROM change_feed ORDER BY seq").reduce(into: [:]) { origins, row in
                origins[row["row_key"], default: []].append(row["origin"])
            }
        }
    }

    /// A pull leaves out the puller's own values; entries holding only those are skipped by
    /// their origin, without reading their rows, and still count as read.
    @Test func aPullSkipsEntriesOfThePullersOwnValuesWithoutReadingTheirRows() throws {
        let a = try TemporaryLibrary()
        let b = try TemporaryLibrary()
        let fromB = try b.library.save(ArticleDraft(source: .url("https://example.com/b"), title: "From b", tags: ["Shared"])).article
        try pull(from: b.library, into: a.library)
        let own = try a.library.save(ArticleDraft(source: .url("https://example.com/a"), title: "From a")).article
        let bID = try b.library.identity().replicaID
        let page = try a.library.changes(after: 0, excluding: bID)
        #expect(Set(page.changes.map(\.key)) == [[own.id.description]])
        #expect(page.toSequence == (try feed(a.path).map(\.seq).max()) && !page.hasMore)
        // b's rows are not read at all: with one of them gone, the pull still succeeds.
        try DatabaseQueue(path: a.path).write { db in
            try db.execute(sql: "DELETE FROM article WHERE id = ?", arguments: [fromB.id.description])
        }
        #expect(try a.library.changes(after: 0, excluding: bID).changes == page.changes)
        #expect(throws: ReadingListError.self) { try a.library.changes(after: 0) }
    }

    /// One merge can write values of two replicas under one entry: it has no single origin,
    /// and a pull that leaves out one replica's values still carries the other's.
    @Test func anEntryOfTwoReplicasValuesKeepsTheOthersForAPullThatLeavesOneOut() throws {
        let clock = ManualClock()
        let a = try TemporaryLibrary(now: { clock.now })
        let b = try TemporaryLibrary(now: { clock.now })
        let c = try TemporaryLibrary(now: { clock.now })
        let id = try a.library.save(ArticleDraft(source: .url("https://example.com/x"), title: "X")).article.id.description
        try pull(from: a.library, into: b.library)
        clock.advance(seconds: 1)
        try b.library.setRead(id, true)
        let (aID, bID) = (try a.library.identity().replicaID, try b.library.identity().replicaID)
        #expect(try b.library.changes(after: 0).changes.filter { $0.key == [id] }.map(\.stamp.replicaID).contains(aID))
        // c takes a's values and b's of the same row in one page, so in one entry.
        try pull(from: b.library, into: c.library, pageSize: 100)
        #expect(try origins(c.path)[id] == [nil])
        let page = try c.library.changes(after: 0, excluding: aID)
        let ofX = page.changes.filter { $0.key == [id] }
        #expect(ofX.map(\.field) == ["readAt"])
        #expect(ofX.allSatisfy { $0.stamp.replicaID == bID })
        // A local write has one origin: this replica.
        clock.advance(seconds: 1)
        try c.library.setFavorite(id, true)
        let cOrdinal = try DatabaseQueue(path: c.path).read { try Int.fetchOne($0, sql: "SELECT replica_ordinal FROM library_state") }
        #expect(try origins(c.path)[id] == [nil, cOrdinal])
    }

    /// A library whose feed holds an entry of its own, three articles pulled from replica `bID`
    /// (entries of b's origin), then another of its own (the article `last`).
    func ownEntriesAroundEchoes() throws -> (a: TemporaryLibrary, bID: String, last: String) {
        let a = try TemporaryLibrary()
        let b = try TemporaryLibrary()
        try a.library.save(ArticleDraft(source: .url("https://example.com/first"), title: "First"))
        for index in 0..<3 { try b.library.save(ArticleDraft(source: .url("https://example.com/b\(index)"))) }
        try pull(from: b.library, into: a.library)
        let last = try a.library.save(ArticleDraft(source: .url("https://example.com/last"), title: "Last")).article.id.description
        return (a, try b.library.identity().replicaID, last)
    }

    /// A page cut just after skipped entries ends, as one that read them would, at the last
    /// entry before the first one it leaves for the next page.
    @Test func aPageCutAfterSkippedEntriesEndsJustBeforeTheNextPagesFirst() throws {
        let (a, bID, last) = try ownEntriesAroundEchoes()
        let entries = try feed(a.path)
        let lastEntry = try #require(entries.first { $0.rowKey == last }).seq
        let fields = try a.library.changes(after: 0, excluding: bID).changes.count
        let first = try a.library.changes(after: 0, limit: fields / 2, excluding: bID)
        #expect(first.hasMore)
        #expect(first.toSequence == entries.map(\.seq).filter { $0 < lastEntry }.max())
        #expect(first.toSequence > entries[0].seq, "the skipped entries count as read")
        let second = try a.library.changes(after: first.toSequence, limit: fields / 2, excluding: bID)
        #expect(Set(second.changes.map(\.key)) == [[last]])
        #expect(!second.hasMore && second.toSequence == lastEntry)
    }

    /// Entries with nothing to send never end a page, whether skipped by their origin or read
    /// and found to hold only echoes (entries older than the origin column).
    @Test func echoEntriesNeverEndAPageSkippedOrRead() throws {
        let (a, bID, last) = try ownEntriesAroundEchoes()
        let lastEntry = try #require(try feed(a.path).first { $0.rowKey == last }).seq
        // The first entry alone fills a page of one change.
        let skipped = try a.library.changes(after: 0, limit: 1, excluding: bID)
        try DatabaseQueue(path: a.path).write { db in
            try db.execute(sql: "UPDATE change_feed SET origin = NULL WHERE origin <> (SELECT replica_ordinal FROM library_state)")
        }
        let read = try a.library.changes(after: 0, limit: 1, excluding: bID)
        for page in [skipped, read] {
            #expect(page.hasMore && page.changes.count > 1)
            #expect(page.toSequence == (try feed(a.path).map(\.seq).filter { $0 < lastEntry }.max()))
        }
        #expect(read == skipped)
    }

    @Test func theEarliestAddTimeWinsEvenAgainstALaterLocalWrite() throws {
        let clock = ManualClock()
        let temporary = try TemporaryLibrary(now: { clock.now })
        let early = Date(timeIntervalSince1970: 1_600_000_000)
        try temporary.library.save(ArticleDraft(source: .url("https://example.com/a"), addedAt: early))
        try temporary.library.save(ArticleDraft(source: .url("https://example.com/a"), addedAt: early + 100))
        #expect(try temporary.library.article("https://example.com/a").addedAt == early)
    }

    @Test func packedClocksRoundTrip() throws {
        var clock = FieldClock()
        clock[0] = FieldStamp(timestamp: HybridTimestamp(milliseconds: 1_780_000_000_000, counter: 3), replica: 1, sequence: 1)
        clock[15] = FieldStamp(timestamp: HybridTimestamp(rawValue: .max), replica: 70_000, sequence: Int64(Int32.max) * 4)
        #expect(try FieldClock(packed: clock.packed) == clock)
        #expect(throws: FieldClockError.self) { try FieldClock(packed: clock.packed.dropLast()) }
    }
}
