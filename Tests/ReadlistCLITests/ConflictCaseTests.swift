import Foundation
import ReadingList
import Testing

/// The sync conflict cases of SPEC.md §3.3 by name, end to end: two library files, the real
/// `readlist` binary, `readlist sync B --db A` in between.
@Suite struct ConflictCaseTests {
    static let x = "https://example.com/x"
    static let text = "A Headline For Conflict Tests\n\nThe quick brown fox jumps over the lazy dog, again and again, for the tests.\n"

    /// Two empty library files (sync refuses a missing file).
    func libraries() throws -> (Workspace, a: String, b: String) {
        let workspace = try Workspace()
        let (a, b) = (workspace.folder.appendingPathComponent("a.sqlite").path, workspace.folder.appendingPathComponent("b.sqlite").path)
        for db in [a, b] { try run(["status", "--db", db]) }
        return (workspace, a, b)
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> ProcessResult {
        let result = try CommandRunner.run(arguments)
        guard result.status == 0 else { throw CommandFailure(arguments: arguments, result: result) }
        return result
    }

    func export(_ db: String) throws -> String { try run(["export", "--db", db]).stdout }

    func sync(_ a: String, _ b: String) throws { try run(["sync", b, "--db", a]) }

    func show(_ article: String, _ db: String) throws -> [String: Any] {
        try #require(try run(["show", article, "--json", "--db", db]).json() as? [String: Any])
    }

    func isSaved(_ article: String, _ db: String) throws -> Bool {
        let result = try CommandRunner.run(["show", article, "--db", db])
        #expect(result.status == 0 || result.status == 1, "\(result)")
        return result.status == 0
    }

    func list(_ db: String) throws -> [[String: Any]] {
        try #require(try run(["list", "--all", "--json", "--db", db]).json() as? [[String: Any]])
    }

    func quotes(_ db: String) throws -> [String] {
        let highlights = try #require(try run(["highlight", "list", "--json", "--db", db]).json() as? [[String: Any]])
        return highlights.compactMap { $0.string("quote") }.sorted()
    }

    func tags(_ article: String, _ db: String) throws -> [String]? { try show(article, db)["tags"] as? [String] }

    /// A clear gap in wall time between two writes on different replicas.
    func pause() { Thread.sleep(forTimeInterval: 0.005) }

    @Test func sameURLOnTwoReplicasIsOneArticleWithUnionTagsEarliestAddedAtLatestTitleAndBothHighlights() throws {
        let (workspace, a, b) = try libraries()
        defer { withExtendedLifetime(workspace) {} }
        let page = try workspace.write(Self.text, to: "page.txt")
        try run(["add", Self.x + "?utm_source=a", "--file", page, "--title", "Title A", "--tag", "a", "--db", a])
        try run(["highlight", "add", Self.x, "quick brown fox", "--db", a])
        let addedOnA = try #require(try show(Self.x, a).string("addedAt"))
        pause()
        try run(["add", Self.x, "--file", page, "--title", "Title B", "--tag", "b", "--db", b])
        try run(["highlight", "add", Self.x, "lazy dog", "--db", b])
        let addedOnB = try #require(try show(Self.x, b).string("addedAt"))
        let (firstSave, secondSave) = (RFC3339.date(from: addedOnA), RFC3339.date(from: addedOnB))
        #expect(firstSave != nil && secondSave != nil && firstSave! < secondSave!, "B saved after A")
        try sync(a, b)
        for db in [a, b] {
            #expect(try list(db).count == 1)
            let article = try show(Self.x, db)
            #expect(article["tags"] as? [String] == ["a", "b"])
            #expect(article.string("addedAt") == addedOnA, "the earliest save time, from A")
            #expect(article.string("title") == "Title B", "the title set last, on B")
            #expect(try quotes(db) == ["lazy dog", "quick brown fox"])
        }
        #expect(try export(a) == (try export(b)))
    }

    @Test func aDeleteBeatsALaterEditBecauseEditsNeverResurrect() throws {
        let (workspace, a, b) = try libraries()
        defer { withExtendedLifetime(workspace) {} }
        try run(["add", Self.x, "--tag", "kept", "--db", a])
        try sync(a, b)
        try run(["delete", Self.x, "--db", a])
        pause()
        try run(["read", Self.x, "--db", b])
        try run(["favorite", Self.x, "--db", b])
        try run(["tag", "add", Self.x, "later", "--db", b])
        #expect(try show(Self.x, b)["favorite"] as? Bool == true)
        try sync(a, b)
        for db in [a, b] {
            #expect(try !isSaved(Self.x, db))
            #expect(try list(db).isEmpty)
        }
        #expect(try export(a) == (try export(b)))
    }

    @Test func savingTheURLAgainAfterADeleteBringsTheArticleBackOnBothSides() throws {
        let (workspace, a, b) = try libraries()
        defer { withExtendedLifetime(workspace) {} }
        try run(["add", Self.x, "--db", a])
        try sync(a, b)
        for (deleter, saver) in [(a, b), (b, a)] {
            try run(["delete", Self.x, "--db", deleter])
            try sync(a, b)
            #expect(try !isSaved(Self.x, a) && !isSaved(Self.x, b))
            pause()
            try run(["add", Self.x, "--db", saver])
            try sync(a, b)
            #expect(try isSaved(Self.x, a) && isSaved(Self.x, b))
            #expect(try list(a).count == 1 && list(b).count == 1)
        }
        #expect(try export(a) == (try export(b)))
    }

    @Test func highlightsAndTagsOfADeletedArticleAreHiddenNotLost() throws {
        let (workspace, a, b) = try libraries()
        defer { withExtendedLifetime(workspace) {} }
        let page = try workspace.write(Self.text, to: "page.txt")
        try run(["add", Self.x, "--file", page, "--tag", "t1", "--tag", "t2", "--db", a])
        try run(["highlight", "add", Self.x, "quick brown fox", "--db", a])
        try sync(a, b)
        #expect(try quotes(b) == ["quick brown fox"])
        try run(["delete", Self.x, "--db", b])
        try sync(a, b)
        for db in [a, b] {
            #expect(try quotes(db).isEmpty)
            #expect(try #require(try run(["tag", "list", "--json", "--db", db]).json() as? [Any]).isEmpty)
        }
        try run(["add", Self.x, "--db", a])
        try sync(a, b)
        for db in [a, b] {
            #expect(try quotes(db) == ["quick brown fox"])
            #expect(try tags(Self.x, db) == ["t1", "t2"])
        }
        #expect(try export(a) == (try export(b)))
    }

    @Test func aConcurrentTagAddAndRemoveLaterOneWins() throws {
        let (workspace, a, b) = try libraries()
        defer { withExtendedLifetime(workspace) {} }
        let removedLast = "https://example.com/removed-last"
        let addedLast = "https://example.com/added-last"
        try run(["add", removedLast, "--db", a])
        try run(["add", addedLast, "--db", a])
        try sync(a, b)
        // Added on both sides, then removed on A last.
        try run(["tag", "add", removedLast, "t", "--db", a])
        try run(["tag", "add", removedLast, "t", "--db", b])
        // Added and removed on A, then added on B last.
        try run(["tag", "add", addedLast, "t", "--db", a])
        try run(["tag", "remove", addedLast, "t", "--db", a])
        pause()
        try run(["tag", "add", addedLast, "t", "--db", b])
        pause()
        try run(["tag", "remove", removedLast, "t", "--db", a])
        try sync(a, b)
        for db in [a, b] {
            #expect(try tags(removedLast, db) == [], "removed last, on A")
            #expect(try tags(addedLast, db) == ["t"], "added last, on B")
        }
        #expect(try export(a) == (try export(b)))
    }

    /// SPEC.md §3.2: an explicit write is stamped even when it does not change the value, so the
    /// latest intent wins: `tag add` of a tag the article has still beats an earlier remove.
    @Test func aTagAddedAgainAfterAConcurrentRemoveWinsEvenIfItWasThere() throws {
        let (workspace, a, b) = try libraries()
        defer { withExtendedLifetime(workspace) {} }
        try run(["add", Self.x, "--tag", "t", "--db", a])
        try sync(a, b)
        try run(["tag", "remove", Self.x, "t", "--db", a])
        pause()
        try run(["tag", "add", Self.x, "t", "--db", b])
        try sync(a, b)
        for db in [a, b] { #expect(try tags(Self.x, db) == ["t"], "added again last, on B") }
        #expect(try export(a) == (try export(b)))
    }

    @Test func aTagAddedOnBothSidesStaysOnce() throws {
        let (workspace, a, b) = try libraries()
        defer { withExtendedLifetime(workspace) {} }
        try run(["add", Self.x, "--db", a])
        try sync(a, b)
        try run(["tag", "add", Self.x, "shared", "--db", a])
        try run(["tag", "add", Self.x, "shared", "--db", b])
        try sync(a, b)
        for db in [a, b] {
            #expect(try tags(Self.x, db) == ["shared"])
            let tagList = try #require(try run(["tag", "list", "--json", "--db", db]).json() as? [[String: Any]])
            #expect(tagList.map { $0.string("name") } == ["shared"] && tagList.map { $0["count"] as? Int } == [1])
        }
        #expect(try export(a) == (try export(b)))
    }

    @Test func theLatestEditWinsNotTheMostEdits() throws {
        let (workspace, a, b) = try libraries()
        defer { withExtendedLifetime(workspace) {} }
        let endsOn = "https://example.com/ends-on"
        let endsOff = "https://example.com/ends-off"
        try run(["add", endsOn, "--db", a])
        try run(["add", endsOff, "--db", a])
        try sync(a, b)
        for command in ["favorite", "unfavorite", "favorite", "unfavorite"] { try run([command, endsOn, "--db", a]) }
        for command in ["favorite", "unfavorite", "favorite"] { try run([command, endsOff, "--db", a]) }
        #expect(try show(endsOn, a)["favorite"] as? Bool == false && show(endsOff, a)["favorite"] as? Bool == true)
        pause()
        try run(["favorite", endsOn, "--db", b])
        try run(["unfavorite", endsOff, "--db", b])
        try sync(a, b)
        for db in [a, b] {
            #expect(try show(endsOn, db)["favorite"] as? Bool == true, "one later favorite on B beats four earlier edits on A")
            #expect(try show(endsOff, db)["favorite"] as? Bool == false, "one later unfavorite on B beats three earlier edits on A")
        }
        #expect(try export(a) == (try export(b)))
    }

    @Test func changesFromAClockTooFarAheadAreRefusedNamingThePeerAndTheSkew() throws {
        let (workspace, a, b) = try libraries()
        defer { withExtendedLifetime(workspace) {} }
        try run(["add", Self.x, "--tag", "here", "--db", a])
        do {
            let threeDays: TimeInterval = 3 * 86_400
            let ahead = try ReadingLibrary(path: b, now: { Date().addingTimeInterval(threeDays) })
            try ahead.save(ArticleDraft(source: .url("https://example.com/future"), tags: ["future"]))
        }
        let statusB = try #require(try run(["status", "--json", "--db", b]).json() as? [String: Any])
        let replica = try #require(statusB.string("replicaId"))
        let (exportA, exportB) = (try export(a), try export(b))
        let refused = try CommandRunner.run(["sync", b, "--db", a])
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.errorLines.count == 1, "\(refused)")
        #expect(refused.stderr.contains(replica), "\(refused)")
        let seconds = try #require(refused.stderr.firstMatch(of: /(\d+) s ahead/).flatMap { Int($0.1) }, "\(refused)")
        #expect((3 * 86_400 - 600...3 * 86_400).contains(seconds), "\(refused)")
        #expect(try export(a) == exportA && export(b) == exportB)
        let status = try #require(try run(["status", "--json", "--db", a]).json() as? [String: Any])
        #expect((status["peers"] as? [Any])?.isEmpty == true, "no cursor recorded: nothing applied")
        try run(["sync", b, "--db", a, "--max-clock-skew", "100"])
        #expect(try isSaved("https://example.com/future", a))
        #expect(try export(a) == (try export(b)))
    }

    @Test func aSyncProcessKilledMidWayThenRerunConvergesWithNothingLostOrDoubled() throws {
        let (workspace, a, b) = try libraries()
        defer { withExtendedLifetime(workspace) {} }
        let (countA, countB) = (20, 300)
        do {
            let libraryA = try ReadingLibrary(path: a)
            for index in 0..<countA { try libraryA.save(ArticleDraft(source: .url("https://example.com/a/\(index)"), tags: ["a\(index % 3)"])) }
            let libraryB = try ReadingLibrary(path: b)
            for index in 0..<countB { try libraryB.save(ArticleDraft(source: .url("https://example.com/b/\(index)"), tags: ["b\(index % 5)"])) }
        }
        let process = Process()
        process.executableURL = CommandRunner.productsFolder.appendingPathComponent("readlist")
        process.arguments = ["sync", b, "--db", a, "--page-size", "1"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it as soon as some, but not all, of B's articles have reached A.
        let watched = try ReadingLibrary(path: a)
        let deadline = Date().addingTimeInterval(60)
        var seen = countA
        while process.isRunning, seen == countA, Date() < deadline {
            seen = try watched.status().articles
            Thread.sleep(forTimeInterval: 0.001)
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        let partial = try watched.status().articles
        #expect(partial > countA && partial < countA + countB, "killed after \(partial) articles")
        try run(["sync", b, "--db", a, "--page-size", "1"])
        #expect(try export(a) == (try export(b)))
        let expected = Set((0..<countA).map { "https://example.com/a/\($0)" } + (0..<countB).map { "https://example.com/b/\($0)" })
        for db in [a, b] {
            let urls = try list(db).compactMap { $0.string("canonicalUrl") }
            #expect(urls.count == countA + countB, "no article lost or doubled")
            #expect(Set(urls) == expected)
        }
    }
}
