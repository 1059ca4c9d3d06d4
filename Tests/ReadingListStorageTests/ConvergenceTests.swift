import Foundation
import ReadingListModel
@testable import ReadingListStorage
import ReadingListWire
import Testing

/// Model-based randomized convergence: 2–5 replicas make random edits from small pools (so
/// they collide), sync in random pairs with random page sizes, dropped, replayed and partial
/// pages, echoes left out or not, under clock skew; some values come from a "newer" replica
/// (unknown fields). After a final exchange every replica shows the same library, with equal
/// checksums, byte-identical JSON exports and no duplicate URL, and every causally later edit
/// of a title or a note is the one that shows.
///
/// Each history is seeded and reproducible: a failure names its seed. More histories (a soak):
/// `READLIST_CONVERGENCE_HISTORIES=100000 swift test --filter ConvergenceTests`; one history,
/// traced: `READLIST_CONVERGENCE_SEED=20 READLIST_TRACE=1 swift test --filter ConvergenceTests`.
@Suite struct ConvergenceTests {
    static let tracing = ProcessInfo.processInfo.environment["READLIST_TRACE"] != nil
    static let histories = ProcessInfo.processInfo.environment["READLIST_CONVERGENCE_HISTORIES"].flatMap(Int.init) ?? 10_000
    static let urls = (0..<4).map { "https://example.com/article/\($0)" }
    static let tags = ["Swift", "swift", "sync", "Reading List", "later"]
    static let text = "Local first software keeps data on the device. Sync merges the edits of every replica. Nothing is lost."
    static let otherText = "Nothing is lost when every replica keeps data. Local first, SYNC merges later."
    static let quotes = ["Local first", "keeps data", "every replica", "Nothing is lost", "SYNC merges"]
    /// The replica id of a "newer" replica whose unknown fields some edits carry.
    static let newerReplica = "ffffffff-ffff-4fff-bfff-000000000001"

    /// `READLIST_CONVERGENCE_SEED=N` replays one history.
    static let seeds: [Int] = ProcessInfo.processInfo.environment["READLIST_CONVERGENCE_SEED"].flatMap(Int.init).map { [$0] }
        ?? Array(0..<histories)

    /// One tracked write of a unique value (a title or a note), with the writes its replica
    /// had seen when it was made: its causal past, as far as the history knows it.
    struct TrackedWrite {
        var target: String
        var value: String
        var past: Set<Int>
    }

    @Test(arguments: seeds)
    func randomHistoriesConverge(_ seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed))
        let replicaCount = 2 + Int(random.next() % 4)
        let base = Date(timeIntervalSince1970: 1_780_000_000)
        let clocks = (0..<replicaCount).map { _ in ManualClock(base.addingTimeInterval(Double(random.next() % 7200) - 3600)) }
        let replicas = try clocks.map { clock in try TemporaryLibrary(now: { clock.now }) }
        let ids = try replicas.map { try $0.library.identity().replicaID }
        var cursors = [[Int64]](repeating: [Int64](repeating: 0, count: replicaCount), count: replicaCount)
        var writes: [TrackedWrite] = []
        var seen = [Set<Int>](repeating: [], count: replicaCount)

        for _ in 0..<(10 + Int(random.next() % 30)) {
            let index = Int(random.next() % UInt64(replicaCount))
            if random.next() % 4 == 0 { clocks[index].advance(seconds: Double(random.next() % 3)) }
            if random.next() % 5 == 0 {
                let source = Int(random.next() % UInt64(replicaCount))
                guard source != index else { continue }
                if Self.tracing { print("OP sync \(source) -> \(index) after \(cursors[index][source])") }
                let excluding = random.next() % 2 == 0 ? ids[index] : nil
                var complete = true
                if random.next() % 2 == 0 {
                    cursors[index][source] = try pull(
                        from: replicas[source].library, into: replicas[index].library, after: cursors[index][source],
                        pageSize: 1 + Int(random.next() % 20), excluding: excluding)
                } else {
                    (cursors[index][source], complete) = try partialSync(
                        from: replicas[source].library, into: replicas[index].library, after: cursors[index][source],
                        excluding: excluding, random: &random)
                }
                // A pull to the end brings everything the source had seen.
                if complete { seen[index].formUnion(seen[source]) }
            } else {
                if Self.tracing { print("OP edit on \(index) at \(clocks[index].now.timeIntervalSince1970)") }
                let token = "w\(writes.count)"
                if let write = try randomEdit(replicas[index].library, token: token, clock: clocks[index], random: &random) {
                    writes.append(TrackedWrite(target: write.target, value: write.value, past: seen[index]))
                    seen[index].insert(writes.count - 1)
                }
            }
        }

        for _ in 0..<2 {
            for target in 0..<replicaCount {
                for source in 0..<replicaCount where source != target {
                    cursors[target][source] = try pull(
                        from: replicas[source].library, into: replicas[target].library, after: cursors[target][source],
                        pageSize: 1 + Int(random.next() % 50), excluding: ids[target])
                }
            }
        }
        let expected = try dump(replicas[0].library)
        let expectedExport = try WireJSON.encode(LibraryExport(articles: expected))
        for (index, replica) in replicas.enumerated() {
            let actual = try dump(replica.library)
            if actual != expected, Self.tracing { try printFeeds(replicas.map(\.library)) }
            #expect(actual == expected, "seed \(seed): replica \(index) differs from replica 0: \(difference(actual, expected))")
            // What `readlist export --format json` writes, byte for byte.
            #expect(try WireJSON.encode(LibraryExport(articles: actual)) == expectedExport, "seed \(seed): exports differ")
            let urls = try replica.library.articles(ArticleQuery(state: .all)).compactMap(\.canonicalURL)
            #expect(Set(urls).count == urls.count, "seed \(seed): duplicate canonical URL")
            #expect(try replica.library.checksum() == replicas[0].library.checksum(), "seed \(seed): checksums differ")
            // The kept checksum is the one computed from every row: no write missed adjusting it.
            #expect(try replica.library.checksum() == replica.library.checksum(recounting: true), "seed \(seed): kept checksum drifted")
            try expectWholeSearchIndex(replica.path)
        }
        checkCausalOrder(expected, writes: writes, seed: seed)
    }

    /// A title or note that shows must not be one that a later write (one made by a replica
    /// that had seen it) overwrote.
    private func checkCausalOrder(_ articles: [Article], writes: [TrackedWrite], seed: Int) {
        var shown: [String: String] = [:]
        for article in articles {
            if let url = article.url { shown["title " + url] = article.title }
            for highlight in article.highlights { shown["note " + highlight.id.description] = highlight.note }
        }
        for (index, write) in writes.enumerated() where shown[write.target] == write.value {
            let later = writes.indices.filter { writes[$0].target == write.target && writes[$0].past.contains(index) }
            #expect(later.isEmpty, "seed \(seed): \(write.target) shows \(write.value), but writes \(later) came after it")
        }
    }
    /// Prints every replica's article feed (with `READLIST_TRACE` set), to see who wrote what when.
    private func printFeeds(_ libraries: [ReadingLibrary]) throws {
        for (index, library) in libraries.enumerated() {
            print("replica \(index) \(try library.status().replicaID.prefix(4))")
            for change in try library.changes(after: 0, limit: .max).changes where change.entity == "article" {
                print("  \(change.key[0].prefix(4)) \(change.field)=\(change.value) @\(change.stamp)")
            }
        }
    }

    private func difference(_ actual: [Article], _ expected: [Article]) -> String {
        guard actual.map(\.id) == expected.map(\.id) else {
            return "articles \(actual.map(\.id.short)) vs \(expected.map(\.id.short))"
        }
        for (left, right) in zip(actual, expected) where left != right {
            let mirror = Mirror(reflecting: left)
            let other = Mirror(reflecting: right)
            let fields = zip(mirror.children, other.children).filter { "\($0.value)" != "\($1.value)" }
            return "\(left.id.short): " + fields.map { "\($0.0.label ?? "?"): \($0.0.value) vs \($0.1.value)" }.joined(separator: "; ")
        }
        return "?"
    }

    /// Pulls some pages (possibly not all), sometimes applying a page twice or dropping one
    /// (without advancing the cursor past it, as a receiver that lost it would).
    /// - Returns: the new cursor, and whether the pull reached the end of the source's feed.
    private func partialSync(
        from source: ReadingLibrary, into target: ReadingLibrary, after cursor: Int64, excluding: String?,
        random: inout SplitMix64
    ) throws -> (cursor: Int64, complete: Bool) {
        var cursor = cursor
        for _ in 0..<(1 + Int(random.next() % 3)) {
            let page = try source.changes(after: cursor, limit: 1 + Int(random.next() % 12), excluding: excluding)
            if Self.tracing {
                print("   page after \(cursor) to \(page.toSequence) more \(page.hasMore): " + page.changes.filter { $0.entity == "article" }.map { "\($0.key[0].prefix(4)).\($0.field)=\($0.value)" }.joined(separator: " "))
            }
            switch random.next() % 6 {
            case 0: continue  // dropped: the cursor stays, the page will come again
            case 1:
                try target.apply(page.changes)
                try target.apply(page.changes)
            default: try target.apply(page.changes)
            }
            cursor = page.toSequence
            if !page.hasMore { return (cursor, true) }
        }
        return (cursor, false)
    }

    /// Makes one random edit. Titles and notes get the unique `token`, and such a write that
    /// took effect is returned, to check causal order at the end.
    private func randomEdit(
        _ library: ReadingLibrary, token: String, clock: ManualClock, random: inout SplitMix64
    ) throws -> (target: String, value: String)? {
        let url = random.pick(Self.urls)
        var refusal: ReadingListError?
        defer { if Self.tracing { print("   \(url.suffix(1)) refusal: \(refusal?.code.rawValue ?? "-")") } }
        do {
            switch random.next() % 17 {
            case 0, 1, 13, 14:
                let titled = random.next() % 4 != 0
                try library.save(ArticleDraft(
                    source: .url(url), title: titled ? "Title \(token)" : nil,
                    content: Self.text, tags: random.next() % 2 == 0 ? [random.pick(Self.tags)] : []))
                if titled { return ("title " + url, "Title \(token)") }
            case 2: try library.delete(url)
            case 3: try library.setRead(url, random.next() % 2 == 0)
            case 4: try library.setArchived(url, random.next() % 2 == 0)
            case 5: try library.setFavorite(url, random.next() % 2 == 0)
            case 6: try library.setProgress(url, ReadingProgress(clamping: Int(random.next() % 10_001)))
            case 7: try library.addTags([random.pick(Self.tags)], to: url)
            case 8: try library.removeTags([random.pick(Self.tags)], from: url)
            case 9: try library.renameTag(random.pick(Self.tags), to: random.pick(Self.tags))
            case 10: try library.addHighlight(to: url, quote: random.pick(Self.quotes), note: random.next() % 2 == 0 ? "note" : nil)
            case 11: try library.replaceContent(of: url, with: random.next() % 2 == 0 ? Self.text : Self.otherText)
            case 12:
                // Values of fields this build does not know, from a newer replica.
                let article = try library.article(url)
                let stamp = ChangeStamp(timestamp: HybridTimestamp(rawValue: HybridTimestamp.milliseconds(of: clock.now) << 16), replicaID: Self.newerReplica)
                try library.apply([
                    FieldChange(entity: "article", key: [article.id.description], field: "rating", value: .integer(Int64(random.next() % 5)), stamp: stamp),
                    FieldChange(entity: "collection", key: ["c\(random.next() % 2)"], field: "name", value: .text(token), stamp: stamp),
                ])
            default:
                let highlights = try library.highlights()
                guard !highlights.isEmpty else { return nil }
                let highlight = random.pick(highlights)
                switch random.next() % 3 {
                case 0:
                    try library.setHighlightNote(highlight.id.description, "note \(token)")
                    return ("note " + highlight.id.description, "note \(token)")
                case 1: try library.setHighlightColor(highlight.id.description, random.pick(HighlightColor.allCases))
                default: try library.deleteHighlight(highlight.id.description)
                }
            }
        } catch {
            refusal = error
        }
        // Editing an article this replica does not have (yet) is refused; that is fine.
        if let refusal, refusal.code != .notFound, refusal.code != .quoteNotFound { throw refusal }
        return nil
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A uniformly chosen element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
