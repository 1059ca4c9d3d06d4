import Foundation
import ReadingListModel
@testable import ReadingListStorage
import Testing

/// Applying other replicas' changes, field by field (SPEC.md §3.3).
@Suite struct MergeTests {
    let start = Date(timeIntervalSince1970: 1_780_000_000)

    func pair() throws -> (TemporaryLibrary, TemporaryLibrary, ManualClock, ManualClock) {
        let clockA = ManualClock(start)
        let clockB = ManualClock(start)
        return (try TemporaryLibrary(now: { clockA.now }), try TemporaryLibrary(now: { clockB.now }), clockA, clockB)
    }

    @Test func aNewReplicaReceivesEverything() throws {
        let (a, b, _, _) = try pair()
        try a.library.save(ArticleDraft(source: .url("https://example.com/x"), content: "Some words here.", tags: ["One", "two"]))
        try a.library.addHighlight(to: "https://example.com/x", quote: "words", note: "n", color: .pink)
        try a.library.setFavorite("https://example.com/x", true)
        try pull(from: a.library, into: b.library)
        #expect(try dump(b.library) == dump(a.library))
        #expect(try b.library.search("words").count == 1)
        #expect(try b.library.search("two").count == 1)
    }

    @Test func anArticleArrivingAfterItsTagsIsFoundByThem() throws {
        let (a, b, _, _) = try pair()
        try a.library.save(ArticleDraft(source: .url("https://example.com/x"), content: "Some words here.", tags: ["Kestrel"]))
        let changes = try a.library.changes(after: 0).changes
        // Tags and memberships in one page, the article in a later one; and both in one page.
        let (articleChanges, tagChanges) = (changes.filter { $0.entity == "article" }, changes.filter { $0.entity != "article" })
        try b.library.apply(tagChanges)
        #expect(try b.library.search("kestrel").isEmpty)
        try b.library.apply(articleChanges)
        #expect(try b.library.search("kestrel").map(\.article.url) == ["https://example.com/x"])
        let (_, c, _, _) = try pair()
        try c.library.apply(tagChanges + articleChanges)
        #expect(try c.library.search("kestrel").count == 1)
    }

    @Test func articlesOfAPullEnterTheSearchIndexWithItsLastPageOrTheNextChange() throws {
        let (a, b, _, _) = try pair()
        try a.library.save(ArticleDraft(source: .url("https://example.com/x"), content: "Kestrels hover.", tags: ["Birds"]))
        let sender = try a.library.identity()
        let page = try a.library.changes(after: 0)
        // A pull cut after a page that says more follows: the article is there, not yet searchable.
        try b.library.apply(ChangePage(changes: page.changes, afterSequence: 0, toSequence: page.toSequence, hasMore: true), from: sender)
        #expect(try b.library.article("https://example.com/x").title.isEmpty == false)
        #expect(try b.library.search("kestrels").isEmpty)
        // The next change of any kind indexes it, with its tags.
        try b.library.save(ArticleDraft(source: .url("https://example.com/y"), content: "Owls hoot."))
        #expect(try b.library.search("kestrels").count == 1)
        #expect(try b.library.search("birds").count == 1)
        // A whole pull indexes on its last page.
        let (_, c, _, _) = try pair()
        try c.library.apply(ChangePage(changes: page.changes, afterSequence: 0, toSequence: page.toSequence, hasMore: false), from: sender)
        #expect(try c.library.search("kestrels birds").count == 1)
    }

    /// An article's tags' names are written with the page that inserts it, and again with any
    /// later page that merges its memberships, before the pull's last page indexes it.
    @Test func anArticleAndItsMembershipsInDifferentPagesOfAPullAreFoundByItsTags() throws {
        let (a, _, _, _) = try pair()
        try a.library.save(ArticleDraft(source: .url("https://example.com/x"), content: "Kestrels hover.", tags: ["Birds", "Hover"]))
        let sender = try a.library.identity()
        let changes = try a.library.changes(after: 0).changes
        let (articleChanges, others) = (changes.filter { $0.entity == "article" }, changes.filter { $0.entity != "article" })
        let (tagChanges, untagged) = (changes.filter { $0.entity == "tag" }, changes.filter { $0.entity != "tag" })
        for (first, last) in [
            (articleChanges, others), (others, articleChanges), (articleChanges + others.prefix(2), Array(others.dropFirst(2))),
            (untagged, tagChanges),
        ] {
            let (_, b, _, _) = try pair()
            try b.library.apply(ChangePage(changes: first, afterSequence: 0, toSequence: 1, hasMore: true), from: sender)
            try b.library.apply(ChangePage(changes: last, afterSequence: 1, toSequence: 2, hasMore: false), from: sender)
            #expect(try b.library.search("birds").map(\.article.url) == ["https://example.com/x"])
            #expect(try b.library.search("hover kestrels").count == 1)
            try expectWholeSearchIndex(b.path)
        }
    }

    /// A tag renamed in a later page than its article renames the article's search tags too,
    /// though the article is not in the search index yet.
    @Test func aTagRenamedInALaterPageOfAPullRenamesItsArticlesSearchTags() throws {
        let (a, b, clockA, _) = try pair()
        try a.library.save(ArticleDraft(source: .url("https://example.com/x"), content: "Kestrels hover.", tags: ["Birds"]))
        let sender = try a.library.identity()
        let first = try a.library.changes(after: 0)
        try b.library.apply(ChangePage(changes: first.changes, afterSequence: 0, toSequence: first.toSequence, hasMore: true), from: sender)
        clockA.advance(seconds: 1)
        #expect(try a.library.renameTag("Birds", to: "Raptors") == 1)
        let rest = try a.library.changes(after: first.toSequence)
        #expect(rest.changes.contains { $0.entity == "tag" } && !rest.changes.contains { $0.entity == "article" })
        try b.library.apply(rest, from: sender)
        #expect(try b.library.search("raptors").map(\.article.url) == ["https://example.com/x"])
        #expect(try b.library.search("birds").isEmpty)
        try expectWholeSearchIndex(b.path)
    }

    @Test func aMergedPagesTagsAndMembershipsEnterTheFeedBeforeItsArticles() throws {
        let (a, b, _, _) = try pair()
        try a.library.save(ArticleDraft(source: .url("https://example.com/x"), content: "Kestrels hover.", tags: ["Birds"]))
        let page = try a.library.changes(after: 0)
        #expect(page.changes.first?.entity == "article", "the sender's feed starts with the article it saved")
        try b.library.apply(page, from: try a.library.identity())
        // SPEC.md §3.5: the order is the receiver's; readlist merges tags and memberships first,
        // so that the article's insert takes its tags' names (one write of its row).
        let relayed = try b.library.changes(after: 0).changes.map(\.entity)
        #expect(relayed.firstIndex(of: "article")! > relayed.lastIndex(of: "articleTag")!)
        #expect(relayed.firstIndex(of: "article")! > relayed.lastIndex(of: "tag")!)
        #expect(try b.library.search("birds").map(\.article.url) == ["https://example.com/x"])
        try expectWholeSearchIndex(b.path)
    }

    /// An article restored from an export, whose memberships a peer sent before its row, is
    /// found by its tags: the insert takes the names of the memberships already there.
    @Test func anArticleRestoredAfterItsMembershipsArrivedIsFoundByItsTags() throws {
        let (a, b, _, _) = try pair()
        try a.library.save(ArticleDraft(source: .url("https://example.com/x"), content: "Kestrels hover.", tags: ["Birds"]))
        let exported = try a.library.article("https://example.com/x", includingContent: true)
        let withoutArticle = try a.library.changes(after: 0).changes.filter { $0.entity != "article" }
        try b.library.apply(ChangePage(changes: withoutArticle, afterSequence: 0, toSequence: 1, hasMore: true), from: try a.library.identity())
        #expect(try b.library.importExported([.success(exported)]).imported == 1)
        #expect(try b.library.search("birds").map(\.article.url) == ["https://example.com/x"])
        try expectWholeSearchIndex(b.path)
    }

    @Test func replayingAPageChangesNothing() throws {
        let (a, b, _, _) = try pair()
        try a.library.save(ArticleDraft(source: .url("https://example.com/x"), tags: ["t"]))
        let page = try a.library.changes(after: 0)
        #expect(try b.library.apply(page.changes).applied == page.changes.count)
        let before = try dump(b.library)
        let feedBefore = try b.library.changes(after: 0)
        let again = try b.library.apply(page.changes)
        #expect(again.applied == 0 && again.ignored == page.changes.count)
        #expect(try dump(b.library) == before)
        #expect(try b.library.changes(after: 0) == feedBefore)
    }

    @Test func theLaterEditWinsPerField() throws {
        let (a, b, clockA, clockB) = try pair()
        try a.library.save(ArticleDraft(source: .url("https://example.com/x"), title: "Original"))
        try pull(from: a.library, into: b.library)
        clockA.advance(seconds: 10)
        clockB.advance(seconds: 20)
        try a.library.save(ArticleDraft(source: .url("https://example.com/x"), title: "From A"))
        try a.library.setRead("https://example.com/x", true)
        try b.library.save(ArticleDraft(source: .url("https://example.com/x"), title: "From B, later"))
        try pull(from: a.library, into: b.library)
        try pull(from: b.library, into: a.library)
        for library in [a.library, b.library] {
            let article = try library.article("https://example.com/x")
            #expect(article.title == "From B, later")
            #expect(article.isRead)
        }
        #expect(try dump(a.library) == dump(b.library))
    }

    @Test func theSamePageSavedOnTwoReplicasIsOneArticle() throws {
        let (a, b, clockA, clockB) = try pair()
        clockB.advance(seconds: 60)
        try b.library.save(ArticleDraft(source: .url("https://example.com/x?utm_source=b"), title: "B's title", tags: ["b"]))
        try a.library.save(ArticleDraft(source: .url("https://example.com/x"), title: "A's title", tags: ["a"]))
        clockA.advance(seconds: 120)
        try pull(from: a.library, into: b.library)
        try pull(from: b.library, into: a.library)
        let merged = try a.library.article("https://example.com/x")
        #expect(merged.tags == ["a", "b"])
        #expect(merged.addedAt == start)
        #expect(merged.title == "B's title")
        #expect(try a.library.articles(ArticleQuery(state: .all)).count == 1)
        #expect(try dump(a.library) == dump(b.library))
    }

    @Test func aDeleteBeatsAConcurrentEditAndASaveBringsItBack() throws {
        let (a, b, clockA, clockB) = try pair()
        try a.library.save(ArticleDraft(source: .url("https://example.com/x"), content: "Text to quote.", tags: ["t"]))
        try a.library.addHighlight(to: "https://example.com/x", quote: "quote")
        try pull(from: a.library, into: b.library)
        clockA.advance(seconds: 5)
        clockB.advance(seconds: 9)
        try a.library.delete("https://example.com/x")
        try b.library.setFavorite("https://example.com/x", true)
        try pull(from: a.library, into: b.library)
        try pull(from: b.library, into: a.library)
        #expect(try a.library.articles(ArticleQuery(state: .all)).isEmpty)
        #expect(try b.library.articles(ArticleQuery(state: .all)).isEmpty)
        clockB.advance(seconds: 60)
        try b.library.save(ArticleDraft(source: .url("https://example.com/x")))
        try pull(from: b.library, into: a.library)
        let back = try a.library.article("https://example.com/x")
        #expect(back.tags == ["t"] && back.highlights.count == 1 && back.isFavorite)
        #expect(try dump(a.library) == dump(b.library))
    }

    @Test func aConcurrentTagAddAndRemoveAtTheSameTimeKeepsTheTag() throws {
        let (a, b, _, _) = try pair()
        try a.library.save(ArticleDraft(source: .url("https://example.com/x")))
        try pull(from: a.library, into: b.library)
        // Both wall clocks stand still, so each replica's n-th edit carries the same reading.
        try a.library.addTags(["keep"], to: "https://example.com/x")
        try a.library.removeTags(["keep"], from: "https://example.com/x")
        try b.library.setArchived("https://example.com/x", true)
        try b.library.addTags(["keep"], to: "https://example.com/x")
        try pull(from: a.library, into: b.library)
        try pull(from: b.library, into: a.library)
        #expect(try a.library.article("https://example.com/x").tags == ["keep"])
        #expect(try dump(a.library) == dump(b.library))
    }

    @Test func aConcurrentSaveAndDeleteAtTheSameTimeDeletes() throws {
        let (a, b, _, _) = try pair()
        try a.library.save(ArticleDraft(source: .url("https://example.com/x")))
        try pull(from: a.library, into: b.library)
        try a.library.delete("https://example.com/x")
        try b.library.save(ArticleDraft(source: .url("https://example.com/x"), title: "Saved again"))
        try pull(from: a.library, into: b.library)
        try pull(from: b.library, into: a.library)
        #expect(try a.library.articles(ArticleQuery(state: .all)).isEmpty)
        #expect(try dump(a.library) == dump(b.library))
    }

    @Test func anInvalidChangeRejectsTheWholePage() throws {
        let (a, b, _, _) = try pair()
        try a.library.save(ArticleDraft(source: .url("https://example.com/x")))
        var changes = try a.library.changes(after: 0).changes
        changes.append(FieldChange(
            entity: "article", key: [changes[0].key[0]], field: "title", value: .integer(3), stamp: changes[0].stamp))
        let error = #expect(throws: ReadingListError.self) { try b.library.apply(changes) }
        #expect(error?.message.contains("wrong type") == true)
        #expect(try b.library.status().articles == 0)
        for bad in [
            FieldChange(entity: "book mark", key: ["x"], field: "title", value: .text("t"), stamp: changes[0].stamp),
            FieldChange(entity: "bookmark", key: [], field: "title", value: .text("t"), stamp: changes[0].stamp),
            FieldChange(entity: "bookmark", key: ["x"], field: "", value: .text("t"), stamp: changes[0].stamp),
            FieldChange(entity: "article", key: ["NOT-A-UUID"], field: "title", value: .text("t"), stamp: changes[0].stamp),
            FieldChange(entity: "article", key: ["NOT-A-UUID"], field: "rating", value: .integer(5), stamp: changes[0].stamp),
            FieldChange(entity: "article", key: [changes[0].key[0]], field: "title", value: .null, stamp: changes[0].stamp),
            FieldChange(entity: "article", key: [changes[0].key[0]], field: "title", value: .text("a\u{0}b"), stamp: changes[0].stamp),
            FieldChange(entity: "article", key: [changes[0].key[0]], field: "wordCount", value: .integer(1 << 60), stamp: changes[0].stamp),
            FieldChange(entity: "collection", key: ["a b"], field: "name", value: .text("x"), stamp: changes[0].stamp),
        ] {
            let refusal = #expect(throws: ReadingListError.self) { try b.library.apply([bad]) }
            #expect(refusal?.code == .invalidInput, "\(bad)")
        }
    }

    /// A page is prepared (checked and grouped) ahead without throwing; applying or previewing
    /// it throws what applying the page would, and applies nothing, not even its cursor.
    @Test func aPreparedInvalidPageIsRefusedWhenApplied() throws {
        let (a, b, _, _) = try pair()
        try a.library.save(ArticleDraft(source: .url("https://example.com/x"), tags: ["t"]))
        let sender = try a.library.identity()
        let page = try a.library.changes(after: 0)
        var changes = page.changes
        changes.append(FieldChange(
            entity: "article", key: [changes[0].key[0]], field: "title", value: .integer(3), stamp: changes[0].stamp))
        let prepared = PreparedPage(ChangePage(changes: changes, afterSequence: 0, toSequence: page.toSequence, hasMore: false))
        for preview in [true, false] {
            let error = #expect(throws: ReadingListError.self) {
                if preview { try b.library.preview(prepared, from: sender) } else { try b.library.apply(prepared, from: sender) }
            }
            #expect(error?.code == .invalidInput && error?.message.contains("Change \(changes.count) (article.title)") == true)
        }
        #expect(try b.library.status().articles == 0)
        #expect(try b.library.cursor(for: sender.replicaID) == nil)
        // The same page without the bad change, prepared, applies as the page would.
        let report = try b.library.apply(PreparedPage(page), from: sender)
        #expect(report.applied == page.changes.count)
        #expect(try dump(b.library) == dump(a.library))
        #expect(try b.library.cursor(for: sender.replicaID)?.sequence == page.toSequence)
    }

    @Test func unknownEntitiesAndFieldsAreKeptRelayedAndMergedByLatestStamp() throws {
        let (a, b, _, _) = try pair()
        let c = try TemporaryLibrary()
        try a.library.save(ArticleDraft(source: .url("https://example.com/x")))
        let article = try a.library.changes(after: 0).changes[0]
        let newer = "ffffffff-0000-4000-8000-000000000001"
        func stamp(_ offset: UInt64) -> ChangeStamp {
            ChangeStamp(timestamp: HybridTimestamp(rawValue: article.stamp.timestamp.rawValue + offset), replicaID: newer)
        }
        let foreign = [
            FieldChange(entity: "collection", key: ["c1"], field: "name", value: .text("Reading club ✓"), stamp: stamp(1)),
            FieldChange(entity: "collection", key: ["c1"], field: "pinned", value: .bool(true), stamp: stamp(1)),
            FieldChange(entity: "collectionItem", key: ["c1", article.key[0]], field: "_alive", value: .bool(true), stamp: stamp(1)),
            FieldChange(entity: "article", key: article.key, field: "rating", value: .integer(4), stamp: stamp(2)),
            FieldChange(entity: "article", key: article.key, field: "colorLabel", value: .null, stamp: stamp(2)),
        ]
        #expect(try a.library.apply(foreign).applied == foreign.count)
        let exportBefore = try dump(a.library)
        // An older value loses, a newer one wins: last writer wins.
        let older = FieldChange(entity: "collection", key: ["c1"], field: "name", value: .text("Old"), stamp: stamp(0))
        #expect(try a.library.apply([older]).applied == 0)
        let renamed = FieldChange(entity: "collection", key: ["c1"], field: "name", value: .text("Club"), stamp: stamp(3))
        #expect(try a.library.apply([renamed]).applied == 1)
        #expect(try dump(a.library) == exportBefore, "unknown values do not change what the library shows")

        // Relayed: a → b → c, in small pages, with every value and stamp intact.
        try pull(from: a.library, into: b.library, pageSize: 1)
        try pull(from: b.library, into: c.library, pageSize: 2)
        func foreignState(_ library: ReadingLibrary) throws -> Set<FieldChange> {
            Set(try library.changes(after: 0, limit: 10_000).changes.filter { $0.stamp.replicaID == newer })
        }
        let expected = Set(foreign.filter { $0.field != "name" } + [renamed])
        #expect(try foreignState(a.library) == expected)
        #expect(try foreignState(c.library) == expected)
        #expect(try c.library.checksum() == a.library.checksum())
        #expect(try b.library.checksum() == a.library.checksum())
        #expect(try a.library.checksum() != (try TemporaryLibrary().library.checksum()))
    }

    @Test func pagesAreBoundedAndResumable() throws {
        let (a, b, _, _) = try pair()
        for index in 0..<30 { try a.library.save(ArticleDraft(source: .url("https://example.com/\(index)"), tags: ["t\(index % 3)"])) }
        let first = try a.library.changes(after: 0, limit: 10)
        #expect(first.hasMore)
        #expect(first.changes.count <= 10)
        try pull(from: a.library, into: b.library, pageSize: 7)
        #expect(try dump(b.library) == dump(a.library))
        let end = try a.library.changes(after: try a.library.changes(after: 0, limit: 100_000).toSequence)
        #expect(end.changes.isEmpty && !end.hasMore)
    }

    @Test func remoteClocksAdvanceTheLocalClock() throws {
        let (a, b, clockA, _) = try pair()
        clockA.advance(seconds: 3600)
        try a.library.save(ArticleDraft(source: .url("https://example.com/x"), title: "From the future"))
        try pull(from: a.library, into: b.library)
        // B's wall clock is an hour behind, yet its next edit must win over what it has seen.
        try b.library.save(ArticleDraft(source: .url("https://example.com/x"), title: "Edited on B after sync"))
        try pull(from: b.library, into: a.library)
        #expect(try a.library.article("https://example.com/x").title == "Edited on B after sync")
    }
}

/// Peer cursors, clock skew, and the state checksum.
@Suite struct PeerSyncTests {
    let start = Date(timeIntervalSince1970: 1_780_000_000)

    @Test func aCursorIsRecordedWithEachPageAndResumesAfterACut() throws {
        let a = try TemporaryLibrary()
        let b = try TemporaryLibrary()
        for index in 0..<20 { try a.library.save(ArticleDraft(source: .url("https://example.com/\(index)"))) }
        let peer = try a.library.identity()
        #expect(try b.library.cursor(for: peer.replicaID) == nil)
        let first = try a.library.changes(after: 0, limit: 30)
        try b.library.apply(first, from: peer)
        #expect(try b.library.cursor(for: peer.replicaID)?.sequence == first.toSequence)
        // The sync is cut here; it resumes from the recorded cursor.
        var cursor = try #require(try b.library.cursor(for: peer.replicaID)).sequence
        while true {
            let page = try a.library.changes(after: cursor, limit: 30)
            try b.library.apply(page, from: peer)
            cursor = page.toSequence
            if !page.hasMore { break }
        }
        #expect(try dump(b.library) == dump(a.library))
        #expect(try b.library.peers().map(\.replicaID) == [peer.replicaID])
        // Replaying an old page changes nothing and does not move the cursor back.
        try b.library.apply(first, from: peer)
        #expect(try b.library.cursor(for: peer.replicaID)?.sequence == cursor)
    }

    @Test func aPageAfterAGapIsRefused() throws {
        let a = try TemporaryLibrary()
        let b = try TemporaryLibrary()
        for index in 0..<5 { try a.library.save(ArticleDraft(source: .url("https://example.com/\(index)"))) }
        let first = try a.library.changes(after: 0, limit: 2)
        let second = try a.library.changes(after: first.toSequence, limit: 2)
        let error = #expect(throws: ReadingListError.self) { try b.library.apply(second, from: try a.library.identity()) }
        #expect(error?.message.contains("Pull again from 0") == true)
        #expect(try b.library.status().articles == 0)
    }

    @Test func changesStampedTooFarAheadAreRefusedWhole() throws {
        let future = ManualClock(start.addingTimeInterval(2 * 86_400))
        let a = try TemporaryLibrary(now: { future.now })
        let b = try TemporaryLibrary(now: { self.start })
        try a.library.save(ArticleDraft(source: .url("https://example.com/x")))
        let page = try a.library.changes(after: 0)
        let peer = try a.library.identity()
        let error = #expect(throws: ReadingListError.self) { try b.library.apply(page, from: peer) }
        #expect(error?.code == .clockSkew)
        #expect(error?.message.contains(peer.replicaID) == true)
        #expect(error?.message.contains("172800 s ahead") == true)
        #expect(try b.library.status().articles == 0)
        #expect(try b.library.cursor(for: peer.replicaID) == nil)
        #expect(try b.library.apply(page, from: peer, maxClockSkew: 3 * 86_400).applied > 0)
    }

    @Test func checksumsAgreeExactlyWhenStatesDo() throws {
        let a = try TemporaryLibrary()
        let b = try TemporaryLibrary()
        #expect(try a.library.checksum() == b.library.checksum())
        try a.library.save(ArticleDraft(source: .url("https://example.com/x"), tags: ["t"]))
        try b.library.save(ArticleDraft(source: .url("https://example.com/y")))
        #expect(try a.library.checksum() != b.library.checksum())
        try pull(from: a.library, into: b.library)
        try pull(from: b.library, into: a.library)
        #expect(try a.library.checksum() == b.library.checksum())
        try b.library.setRead("https://example.com/x", true)
        #expect(try a.library.checksum() != b.library.checksum())
    }
}
