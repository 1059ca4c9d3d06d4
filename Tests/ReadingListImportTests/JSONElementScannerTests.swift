import Foundation
import ReadingListModel
import Testing
@testable import ReadingListImport

/// ``JSONElementScanner``: the elements of a JSON array read in chunks, with their lines, and
/// syntax errors reported on their lines (never a crash or a hang).
@Suite struct JSONElementScannerTests {
    /// What a scan gave: each element's text and line, or a problem.
    enum Event: Equatable, CustomStringConvertible {
        case element(String, line: Int)
        case problem(ImportProblem)

        var description: String {
            switch self {
            case .element(let text, let line): "\(line): \(text)"
            case .problem(let problem): "problem \(problem)"
            }
        }
    }

    /// Scans `text` with chunks of `chunkSize` bytes (at most 10,000 events, so a scanner that
    /// never ends fails instead of hanging).
    static func scan(
        _ text: String, key: String? = nil, chunkSize: Int = 65_536, maximumElementBytes: Int = 1 << 20
    ) throws -> [Event] {
        try scan(Data(text.utf8), key: key, chunkSize: chunkSize, maximumElementBytes: maximumElementBytes).events
    }

    static func scan(
        _ bytes: Data, key: String? = nil, chunkSize: Int = 65_536, maximumElementBytes: Int = 1 << 20
    ) throws -> (events: [Event], scanner: JSONElementScanner) {
        var scanner = try JSONElementScanner(
            path: try Fixtures.temporary(bytes, named: "data.json"), key: key, chunkSize: chunkSize,
            maximumElementBytes: maximumElementBytes)
        var events: [Event] = []
        while let event = scanner.next() {
            switch event {
            case .success(let element): events.append(.element(String(decoding: element.bytes, as: UTF8.self), line: element.line))
            case .failure(let problem): events.append(.problem(problem))
            }
            if events.count > 10_000 { Issue.record("the scan does not end"); break }
        }
        return (events, scanner)
    }

    /// Strings holding brackets, quotes, escaped backslashes and line ends; nested lists and
    /// objects; numbers and literals; elements over several lines.
    static let tricky = """
        [
          {"a": "]}[{", "b": "say \\"hi\\" }", "c": "back\\\\", "d": "\\\\\\""},
          [[1, 2], [], [[3]]],
          "a string, with a comma ] and \\u005D",
          -12.5e3, true, null,
          {"multi":
            [1,
             2]},
          "é ☕ 🎉"
        ]
        """

    static let trickyElements: [Event] = [
        .element(#"{"a": "]}[{", "b": "say \"hi\" }", "c": "back\\", "d": "\\\""}"#, line: 2),
        .element("[[1, 2], [], [[3]]]", line: 3),
        .element(#""a string, with a comma ] and \u005D""#, line: 4),
        .element("-12.5e3", line: 5), .element("true", line: 5), .element("null", line: 5),
        .element("{\"multi\":\n    [1,\n     2]}", line: 6),
        .element("\"é ☕ 🎉\"", line: 9),
    ]

    @Test(arguments: [1, 2, 3, 5, 7, 16, 64, 65_536])
    func elementsSplitAcrossChunksAreWholeWithTheirLines(chunkSize: Int) throws {
        #expect(try Self.scan(Self.tricky, chunkSize: chunkSize) == Self.trickyElements)
    }

    @Test(arguments: [1, 3, 4_096])
    func aByteOrderMarkCRLFAndWhiteSpaceAreAccepted(chunkSize: Int) throws {
        let crlf = "\u{FEFF}  \r\n[\r\n\t{\"url\": \"a\"}\r\n ,\r\n{\"url\": \"b\"}\r\n]\r\n\r\n"
        #expect(try Self.scan(crlf, chunkSize: chunkSize) == [.element(#"{"url": "a"}"#, line: 3), .element(#"{"url": "b"}"#, line: 5)])
    }

    @Test(arguments: ["[]", " [ ] ", "\u{FEFF}[\n]\n", "[\r\n\r\n]"])
    func anEmptyListHasNoElements(text: String) throws {
        #expect(try Self.scan(text, chunkSize: 1).isEmpty)
    }

    @Test func elementsAreNumberedInOrder() throws {
        var scanner = try JSONElementScanner(path: try Fixtures.temporary(Data("[1,2,3]".utf8), named: "n.json"), chunkSize: 2)
        var indexes: [Int] = []
        while case .success(let element)? = scanner.next() { indexes.append(element.index) }
        #expect(indexes == [0, 1, 2])
    }

    @Test(arguments: [
        // (file, line, reason)
        ("[\n{\"a\": \"never closed}\n]\n", 2, "the file ends inside a string that starts on line 2 (is it truncated?)"),
        ("[\n{\"a\": [1, 2}\n]", 2, "“}” cannot close the list opened on line 2 (expected “]”)"),
        ("[\n{\"a\": 1}\n]\n]", 4, "unexpected “]” after the end of the JSON data"),
        ("[1]\nextra", 2, "unexpected “e” after the end of the JSON data"),
        ("[\n{\"a\": 1},\n", 3, "the file ends inside the list (is it truncated?)"),
        ("[\n{\"a\": {\"b\": 1}\n", 3, "the file ends inside an object opened on line 2 (is it truncated?)"),
        ("[1,\n2,\n]", 3, "a comma stands before the list's closing ]"),
        ("[1\n2]", 2, "expected a comma or ] after the record, found “2”"),
        ("[1,,2]", 1, "unexpected “,” where a value should start"),
        ("[\"a\\\"]", 1, "the file ends inside a string that starts on line 1 (is it truncated?)"),
    ])
    func syntaxErrorsEndTheScanWithAProblemOnTheirLine(text: String, line: Int, reason: String) throws {
        let events = try Self.scan(text, chunkSize: 2)
        #expect(events.last == .problem(ImportProblem(line: line, reason: reason)), "\(events)")
    }

    @Test func elementsBeforeASyntaxErrorAreRead() throws {
        let events = try Self.scan("[\n{\"url\": \"a\"},\n{\"url\": \"b\"},\n{\"url\": \"c", chunkSize: 4)
        #expect(events == [
            .element(#"{"url": "a"}"#, line: 2), .element(#"{"url": "b"}"#, line: 3),
            .problem(ImportProblem(line: 4, reason: "the file ends inside a string that starts on line 4 (is it truncated?)")),
        ])
    }

    @Test(arguments: [
        ("", 0, "the file is empty"),
        ("  \n\n", 0, "the file is empty"),
        ("\n{\"a\": []}", 2, "the file is not a JSON list: it starts with “{”, not ["),
        ("title,url\n", 1, "the file is not a JSON list: it starts with “t”, not ["),
    ])
    func aFileThatIsNotAListIsRefusedAtOnce(text: String, line: Int, reason: String) {
        #expect(throws: ImportProblem(line: line, reason: reason)) { try Self.scan(text) }
    }

    @Test func utf16IsRefusedWithAFix() {
        let bytes = Data([0xFF, 0xFE]) + "[]".data(using: .utf16LittleEndian)!
        #expect(throws: ImportProblem(line: 1, reason: "the file is in UTF-16; save it as UTF-8 and import it again")) {
            try Self.scan(bytes)
        }
    }

    @Test func deepNestingIsRefusedNotOverflowed() throws {
        let depth = 100_000
        let text = "[" + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "]"
        let events = try Self.scan(text, chunkSize: 4_096)
        #expect(events == [.problem(ImportProblem(line: 1, reason: "the data is nested more than 512 levels deep"))])
    }

    @Test func anElementTooLargeToKeepIsReportedAndPassedOver() throws {
        let large = "\"" + String(repeating: "x", count: 5_000) + "\""
        let events = try Self.scan("[\n1,\n\(large),\n[\"\(String(repeating: "y", count: 2_000))\"],\n2\n]", chunkSize: 256, maximumElementBytes: 1_000)
        #expect(events == [
            .element("1", line: 2),
            .problem(ImportProblem(line: 3, reason: "the record is larger than 1000 bytes; it was skipped")),
            .problem(ImportProblem(line: 4, reason: "the record is larger than 1000 bytes; it was skipped")),
            .element("2", line: 5),
        ])
    }

    // MARK: A list under a key

    static let export = """
        {
          "articles" : [
            {"id": "a", "title": "[not] a \\"bracket\\""},
            {"id": "b"}
          ],
          "format" : "readlist-export",
          "nested" : {"skipped": [1, {"x": "}"}]},
          "version" : 1
        }

        """

    @Test(arguments: [1, 2, 9, 65_536])
    func theListUnderAKeyIsReadAndTheOtherMembersKept(chunkSize: Int) throws {
        let (events, scanner) = try Self.scan(Data(Self.export.utf8), key: "articles", chunkSize: chunkSize)
        #expect(events == [.element(#"{"id": "a", "title": "[not] a \"bracket\""}"#, line: 3), .element(#"{"id": "b"}"#, line: 4)])
        #expect(scanner.members.mapValues { String(decoding: $0, as: UTF8.self) } == ["format": "\"readlist-export\"", "version": "1"])
    }

    @Test func membersBeforeTheListAreKeptToo() throws {
        let (events, scanner) = try Self.scan(
            Data(#"{"version": 2, "format": "x\"y", "articles": [], "z": null}"#.utf8), key: "articles", chunkSize: 3)
        #expect(events.isEmpty)
        #expect(scanner.members.mapValues { String(decoding: $0, as: UTF8.self) } == ["version": "2", "format": #""x\"y""#, "z": "null"])
    }

    @Test(arguments: [
        ("[]", 1, "the file is not a JSON object: it starts with “[”, not {"),
        ("{\"format\": \"readlist-export\"}", 1, "the file has no \"articles\" list"),
        ("{\"articles\": {}}", 1, "\"articles\" is not a list: it starts with “{”"),
        ("{\"articles\" [", 1, "expected : after \"articles\" in the top-level object"),
        ("{\n\"a\": 1\n\"articles\": []}", 3, "expected a comma or } in the top-level object, found “\"”"),
    ])
    func aMissingOrMisplacedListIsRefusedAtOnce(text: String, line: Int, reason: String) {
        #expect(throws: ImportProblem(line: line, reason: reason)) { try Self.scan(text, key: "articles") }
    }

    @Test func somethingAfterTheTopLevelObjectIsAProblem() throws {
        let events = try Self.scan("{\"articles\": [1], \"format\": \"x\"}\n}", key: "articles", chunkSize: 5)
        #expect(events == [.element("1", line: 1), .problem(ImportProblem(line: 2, reason: "unexpected “}” after the end of the JSON data"))])
        let cut = try Self.scan("{\"articles\": [1], \"format\": \"x", key: "articles")
        #expect(cut.last == .problem(ImportProblem(line: 1, reason: "the file ends inside a string that starts on line 1 (is it truncated?)")))
    }

    // MARK: Decoding

    struct Entry: Decodable, Equatable {
        struct Note: Decodable, Equatable { var quote: String }
        var url: String
        var count: Int?
        var notes: [Note]?
    }

    @Test(arguments: [
        (#"{"url": 3}"#, "entry 1: url is not a string (it is a number)"),
        (#"{"count": 1}"#, "entry 1: url is missing"),
        (#"{"url": null}"#, "entry 1: url is null (it must be a string)"),
        (#"{"url": "a", "count": "7"}"#, "entry 1: count is not a number (it is a string)"),
        (#"{"url": "a", "notes": [{"quote": "q"}, {"text": 1}]}"#, "entry 1: notes[1].quote is missing"),
        (#"{"url": "a", "notes": {}}"#, "entry 1: notes is not a list (it is an object)"),
        (#""just a string""#, "entry 1: not an object (it is a string)"),
    ])
    func decodingFailuresSayWhatIsWrongInWords(text: String, reason: String) throws {
        var scanner = try JSONElementScanner(path: try Fixtures.temporary(Data("[\n\(text)\n]".utf8), named: "e.json"))
        guard case .success(let element)? = scanner.next() else { Issue.record("no element"); return }
        #expect(element.decode(Entry.self, record: "entry 1") == .failure(ImportProblem(line: 2, reason: reason)))
    }

    @Test func anElementThatIsNotValidJSONIsAProblemNamingItsLine() throws {
        var scanner = try JSONElementScanner(path: try Fixtures.temporary(Data("[\n{\"url\": \"a\",\n \"count\": 1 2}\n]".utf8), named: "e.json"))
        guard case .success(let element)? = scanner.next() else { Issue.record("no element"); return }
        guard case .failure(let problem) = element.decode(Entry.self, record: "entry 1") else { Issue.record("decoded"); return }
        #expect(problem.line == 2)
        #expect(problem.reason.hasPrefix("entry 1: not valid JSON"), "\(problem)")
    }
}
