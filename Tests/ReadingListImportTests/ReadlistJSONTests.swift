import Foundation
import ReadingListModel
import ReadingListWire
import Testing
@testable import ReadingListImport

/// readlist's own JSON export streamed by ``ReadlistJSON``: the articles read exactly as
/// exported, and the envelope (`format`, `version`, syntax) checked before any is returned.
@Suite struct ReadlistJSONTests {
    static let articles: [Article] = (1...3).map { number in
        // The id its URL gives, as in every export readlist writes.
        let id = ArticleID(canonicalURL: try! CanonicalURL(parsing: "https://example.com/\(number)"))
        return Article(
            id: id, url: "https://example.com/\(number)", canonicalURL: "https://example.com/\(number)",
            title: "Article \(number): \"quoted\" [bracketed] {braced} \\ backslash",
            content: "Line one.\n\nLine two with ] and } and \" inside.", wordCount: 9,
            addedAt: Date(timeIntervalSince1970: 1_780_000_000 + Double(number)), isFavorite: number == 2,
            tags: number == 3 ? ["x", "y"] : [],
            highlights: number == 1
                ? [Highlight(
                    id: HighlightID(UUID(uuidString: "00000000-0000-4000-8000-000000000002")!), articleID: id,
                    quote: "Line two", prefix: "Line one.\n\n", suffix: " with", start: 11, end: 19, note: "a note",
                    color: .green, createdAt: Date(timeIntervalSince1970: 1_780_000_100))]
                : [])
    }

    static func exportText(_ articles: [Article] = articles) throws -> String {
        String(decoding: try WireJSON.encode(LibraryExport(articles: articles)), as: UTF8.self)
    }

    static func read(_ text: String, chunkSize: Int = 65_536) throws -> [Result<Article, ImportProblem>] {
        Array(try ReadlistJSON.records(at: try Fixtures.temporary(Data(text.utf8), named: "export.json"), chunkSize: chunkSize))
    }

    @Test(arguments: [1, 5, 4_096, 65_536])
    func anExportIsReadExactlyAsWritten(chunkSize: Int) throws {
        let read = try Self.read(try Self.exportText(), chunkSize: chunkSize).map { try $0.get() }
        #expect(read == Self.articles.sorted { $0.id < $1.id })
    }

    @Test func anArticleThatCannotBeReadIsAProblemOnItsLine() throws {
        var text = try Self.exportText()
        let sorted = Self.articles.sorted { $0.id < $1.id }
        text = text.replacingOccurrences(of: sorted[1].id.description, with: "not-a-uuid")
        let third = try #require(text.range(of: "\"title\" : \"Article \(sorted[2].title.dropFirst(8).prefix(1))"))
        text = text.replacingOccurrences(of: "\"wordCount\" : 9", with: "\"wordCount\" : \"nine\"", range: third.lowerBound..<text.endIndex)
        let results = try Self.read(text)
        #expect(results.count == 3)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let starts = lines.indices.filter { lines[$0] == "    {" }.map { $0 + 1 }
        #expect(results.compactMap { try? $0.get().title }.count == 1)
        guard case .failure(let secondProblem) = results[1], case .failure(let thirdProblem) = results[2] else {
            Issue.record("\(results)")
            return
        }
        #expect(secondProblem == ImportProblem(line: starts[1], reason: "article 2 (not-a-uuid): the id is not a UUID"))
        #expect(thirdProblem == ImportProblem(line: starts[2], reason: "article 3: wordCount is not a number (it is a string)"))
    }

    @Test func theEnvelopeIsCheckedBeforeAnyArticle() throws {
        let text = try Self.exportText()
        let otherFormat = text.replacingOccurrences(of: "\"readlist-export\"", with: "\"someone-else\"")
        #expect(throws: ImportProblem(line: 0, reason: "not a readlist JSON export: its format is \"someone-else\", not \"readlist-export\"")) {
            try Self.read(otherFormat)
        }
        let newer = text.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 2")
        #expect(throws: ImportProblem(line: 0, reason: "the export's version is 2; this readlist reads version 1 (a newer readlist may read it)")) {
            try Self.read(newer)
        }
        let noFormat = #"{"articles": [], "version": 1}"#
        #expect(throws: ImportProblem(line: 0, reason: "not a readlist JSON export: it has no \"format\": \"readlist-export\"")) {
            try Self.read(noFormat)
        }
        #expect(throws: ImportProblem(line: 1, reason: "not a readlist JSON export: the file is not a JSON object: it starts with “[”, not {")) {
            try Self.read("[]")
        }
    }

    @Test func membersInAnyOrderAreAccepted() throws {
        let text = #"{"version": 1, "format": "readlist-export", "articles": []}"#
        #expect(try Self.read(text).isEmpty)
    }

    @Test func aTruncatedExportIsRefusedWholeNamingTheLine() {
        #expect(throws: ImportProblem(line: 72, reason: "the file ends inside a string that starts on line 72 (is it truncated?)")) {
            try ReadlistJSON.records(at: Fixtures.path("readlist-truncated.json"))
        }
    }
}

/// An article of a readlist export whose id or canonical URL does not follow its URL is refused.
@Suite struct ReadlistJSONIdentityTests {
    static func export(_ articles: [String]) -> String {
        "{\n  \"articles\" : [\n" + articles.joined(separator: ",\n") + "\n  ],\n  \"format\" : \"readlist-export\",\n  \"version\" : 1\n}\n"
    }

    static func article(id: String, url: String, canonical: String) -> String {
        #"{"addedAt":"2026-01-01T00:00:00Z","archived":false,"byline":null,"canonicalUrl":"\#(canonical)","content":null,"excerpt":null,"favorite":false,"highlights":[],"id":"\#(id)","language":null,"progress":0,"publishedAt":null,"read":false,"readAt":null,"readingMinutes":0,"site":null,"tags":[],"title":"T","url":"\#(url)","wordCount":0}"#
    }

    @Test func idsAndCanonicalURLsMustFollowTheURL() throws {
        let good = try CanonicalURL(parsing: "https://example.com/i1")
        let goodID = ArticleID(canonicalURL: good).description
        let text = Self.export([
            Self.article(id: goodID, url: "https://example.com/i1", canonical: good.rawValue),
            Self.article(id: "00000000-0000-5000-8000-000000000001", url: "https://example.com/i2", canonical: "https://example.com/i2"),
            Self.article(id: goodID, url: "https://example.com/i1", canonical: "https://example.com/other"),
            Self.article(id: "00000000-0000-5000-8000-000000000003", url: "javascript:alert(1)", canonical: "javascript:alert(1)"),
        ])
        let result = try ReadlistJSON.records(at: Fixtures.temporary(Data(text.utf8), named: "export.json")).map { $0.map(\.id.description) }
        #expect(try result[0].get() == goodID)
        let reasons = result.dropFirst().map { record -> String in
            guard case .failure(let problem) = record else { return "accepted" }
            return problem.reason
        }
        #expect(reasons[0].hasPrefix("article 2 (00000000-0000-5000-8000-000000000001): its id is not "))
        #expect(reasons[1].contains("its canonicalUrl \"https://example.com/other\" is not \"https://example.com/i1\""))
        #expect(reasons[2].contains("is not a web address"))
    }

    @Test func anExportWhoseFormatComesFirstIsDetected() {
        #expect(ImportFormat.detect(Data(#"{"format":"readlist-export","version":1,"articles":[]}"#.utf8)) == .readlistJSON)
        #expect(ImportFormat.detect(Data(#"{"format":"something-else","articles2":[]}"#.utf8)) == nil)
    }
}
