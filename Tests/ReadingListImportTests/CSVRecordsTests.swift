import Foundation
import ReadingListModel
import Testing
@testable import ReadingListImport

/// CSV files cut into records by their quotes: a record with broken quoting is skipped alone,
/// blank records are no records, and bytes that are not UTF-8 are read as Windows-1252.
@Suite struct CSVRecordsTests {
    @Test func brokenRecordsAreSkippedAloneWithTheirLines() throws {
        let result = ReadResult(try PocketCSV.records(at: Fixtures.path("pocket-broken.csv")))
        #expect(result.urls == (1...8).filter { $0 != 2 && $0 != 6 }.map { "https://example.com/csv/\($0)" })
        #expect(result.articles.map(\.line) == [2, 4, 7, 8, 11, 13])
        #expect(result.problems.map(\.line) == [3, 10], "blank lines and empty records are no problems")
        #expect(result.problems[0].reason.hasPrefix("malformed CSV: text follows a field's closing quote"))
        #expect(result.problems[1].reason == "malformed CSV: a quoted field opened on this line is never closed")
        #expect(result.article("https://example.com/csv/5")?.draft.headline == "Two\r\nlines")
        #expect(result.article("https://example.com/csv/7")?.draft.tags == ["a", "b"])
        #expect(result.article("https://example.com/csv/8")?.draft.headline == "Last", "a last record without a line end")
    }

    @Test func aQuoteClosedOnALaterLineBreaksOnlyItsOwnRecord() throws {
        let text = "url,title\nhttps://a.example/,\"Hello\nhttps://b.example/,\"World\"\nhttps://c.example/,ok\n"
        let result = ReadResult(try PocketCSV.records(at: Fixtures.temporary(Data(text.utf8), named: "quotes.csv")))
        #expect(result.problems.map(\.line) == [2])
        #expect(result.problems.first?.reason.contains("not closed right") == true)
        #expect(result.urls == ["https://b.example/", "https://c.example/"])
        #expect(result.article("https://b.example/")?.draft.headline == "World" && result.article("https://b.example/")?.line == 3)
    }

    @Test func aFirstLineLongerThanTheLimitIsSkippedToItsEnd() throws {
        var bytes = Array("url,title\nhttps://a.example/,\"".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: CSVRecordSplitter.maxRecordBytes + 10)
        bytes += Array("\",b\nhttps://c.example/,d\n".utf8)
        let result = ReadResult(try PocketCSV.records(at: Fixtures.temporary(Data(bytes), named: "long.csv")))
        #expect(result.problems.map(\.line) == [2])
        #expect(result.urls == ["https://c.example/"] && result.articles.first?.line == 3)
    }

    @Test func aRecordThatIsNotUTF8IsReadAsWindows1252() throws {
        let result = ReadResult(try PocketCSV.records(at: Fixtures.path("pocket-broken.csv")))
        let latin = try #require(result.article("https://example.com/csv/4"))
        #expect(latin.draft.headline == "Café crème “brûlée”")
        #expect(latin.draft.tags == ["café"])
        #expect(latin.isArchived)
    }

    /// The splitter's records, whatever the size of the chunks it reads.
    static func split(_ text: [UInt8], chunkSize: Int) throws -> [String] {
        let path = try Fixtures.temporary(Data(text), named: "records.csv")
        var splitter = try CSVRecordSplitter(path: path, chunkSize: chunkSize)
        var records: [String] = []
        while let record = try splitter.next() {
            records.append("\(record.line):\(record.problem == nil ? "ok" : "broken"):\(String(decoding: record.bytes, as: UTF8.self))")
        }
        return records
    }

    @Test func recordsAreTheSameWhateverTheChunks() throws {
        let text = Array("\u{FEFF}h1,h2\r\n\"a\r\nb\",\"c\"\"d\"\r\n\"x\" y,z\n\ne,\"f\rg\"\r\"never,\n1,2\r\n3,4".utf8)
        let expected = try Self.split(text, chunkSize: 1 << 16)
        // A record ends at its CR; the LF of a CRLF is dropped (the CSV library reads either).
        #expect(expected == [
            "1:ok:h1,h2\r", "2:ok:\"a\r\nb\",\"c\"\"d\"\r", "4:broken:", "5:ok:\n", "6:ok:e,\"f\rg\"\r", "8:broken:",
            "9:ok:1,2\r", "10:ok:3,4",
        ])
        for chunkSize in [4, 5, 7, 11] {
            #expect(try Self.split(text, chunkSize: chunkSize) == expected, "chunks of \(chunkSize) bytes")
        }
    }
}
