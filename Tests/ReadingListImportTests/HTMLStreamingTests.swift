import Foundation
import ReadingListModel
import Testing
@testable import ReadingListImport

/// HTML export files are parsed as they are read, without a tree: the parser holds a bounded
/// part of the file, a reader can be left early, and what a tree-building parse recovers (links
/// after `</html>`, stray end tags at the start) is read the same way.
@Suite struct HTMLStreamingTests {
    /// Notes how many bytes of the file had been read when the first link started, and counts
    /// the links.
    final class FirstLinkProbe: HTMLEventSink {
        var bytesRead = 0
        var bytesReadAtFirstLink: Int?
        var links = 0

        func start(_ name: String, attributes: HTMLStartTagAttributes, line: Int) {
            guard name == "a" else { return }
            links += 1
            if bytesReadAtFirstLink == nil { bytesReadAtFirstLink = bytesRead }
        }

        func end(_ name: String) {}
        func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
    }

    /// A bookmark file of `count` links in one folder (about 130 bytes a link).
    static func bookmarks(count: Int) throws -> String {
        var text = "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><H3>Folder</H3>\n<DL><p>\n"
        for index in 0..<count {
            text += "<DT><A HREF=\"https://example.com/\(index)\" ADD_DATE=\"1700000000\" TAGS=\"a,b\">Page \(index)</A>\n<DD>About page \(index)\n"
        }
        text += "</DL><p>\n</DL><p>\n"
        return try Fixtures.temporary(text)
    }

    @Test func aLargeFileIsParsedAsItIsRead() throws {
        let path = try Self.bookmarks(count: 100_000)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size > 9_000_000)
        let probe = FirstLinkProbe()
        try HTMLSAXParser.parse(path: path, encoding: .utf8, into: probe) { probe.bytesRead += $0.count }
        #expect(probe.links == 100_000)
        #expect(probe.bytesRead == size)
        #expect(try #require(probe.bytesReadAtFirstLink) <= 64 * 1024, "the first link is parsed before the file is read")
    }

    @Test func aReaderLeftEarlyStopsItsParse() throws {
        let path = try Self.bookmarks(count: 100_000)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try NetscapeHTML.records(at: path)
        var iterator = reader.makeIterator()
        for index in 0..<5 {
            let article = try #require(try iterator.next()?.get())
            #expect(article.draft.source == .url("https://example.com/\(index)"))
            #expect(article.draft.tags == ["Folder", "a", "b"])
            #expect(article.draft.excerpt == "About page \(index)")
        }
        // Dropping the iterator stops the parsing thread; reading again starts over.
        iterator = reader.makeIterator()
        #expect(try iterator.next()?.get().line == 5)
    }

    @Test func foldersNestedThousandsDeepNameTheirLinks() throws {
        let depth = 5_000
        var text = ""
        for level in 0..<depth { text += "<DT><H3>F\(level)</H3>\n<DL><p>\n" }
        text += "<DT><A HREF=\"https://deep.example/\">Deep</A>\n"
        for _ in 0..<depth { text += "</DL><p>\n" }
        text += "<DT><A HREF=\"https://top.example/\">Top</A>\n"
        let result = ReadResult(try NetscapeHTML.records(at: Fixtures.temporary(text)))
        #expect(result.article("https://deep.example/")?.draft.tags == (0..<depth).map { "F\($0)" })
        #expect(result.article("https://top.example/")?.draft.tags == [], "every folder ended with its list")
    }

    @Test func linksAfterTheEndOfTheDocumentAndAfterStrayEndTagsAreRead() throws {
        let text = """
            </p></DL></b>
            <DL><p><DT><A HREF="https://a.example/">A</A></DL>
            </body></html>
            <DL><p><DT><H3>Later</H3><DL><p><DT><A HREF="https://b.example/">B</A></DL></DL>
            """
        let result = ReadResult(try NetscapeHTML.records(at: Fixtures.temporary(text)))
        #expect(result.urls == ["https://a.example/", "https://b.example/"])
        #expect(result.article("https://b.example/")?.draft.tags == ["Later"])
        #expect(result.article("https://b.example/")?.line == 4)
    }
}

/// ``UTF8Validation`` over bytes that arrive in pieces.
@Suite struct UTF8ValidationTests {
    static func isComplete(_ pieces: [[UInt8]]) -> Bool {
        var validation = UTF8Validation()
        for piece in pieces { validation.consume(piece) }
        return validation.isComplete
    }

    @Test func wellFormedTextSplitAnywhereIsValid() {
        let bytes = Array("aé€😀 Ωmega \u{10FFFF}\u{E000}\u{D7FF}".utf8)
        for cut in 0...bytes.count {
            #expect(Self.isComplete([Array(bytes[..<cut]), Array(bytes[cut...])]), "cut at \(cut)")
        }
    }

    @Test func malformedSequencesAreNot() {
        let malformed: [[UInt8]] = [
            [0x80], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF0, 0x80, 0x80, 0xAF],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x61, 0xC3], [0xE2, 0x82], [0xC3, 0x28],
        ]
        for bytes in malformed {
            #expect(!Self.isComplete([bytes]), "\(bytes)")
        }
        #expect(!Self.isComplete([[0xE2], [0x82], [0x28]]), "a sequence broken across pieces")
    }
}
