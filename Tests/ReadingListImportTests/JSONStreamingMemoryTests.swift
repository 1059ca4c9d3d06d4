import Foundation
import ReadingListModel
import Testing
@testable import ReadingListImport

/// A large generated file is streamed in bounded memory: the scanner never holds more than a
/// chunk and an element, whatever the file's size.
///
/// The process's resident memory is not asserted: Swift Testing runs suites in parallel in one
/// process, so it measures the other tests too. (Run alone, this test's resident memory grows by
/// about 1 MB while it streams the 33 MB file.)
@Suite struct JSONStreamingMemoryTests {
    struct Entry: Decodable {
        var url: String
        var title: String
        var number: Int
        var tags: [String]
    }

    static let count = 100_000

    /// Writes a wallabag-like list of `count` entries (about 30 MB), 1,000 at a time.
    static func generate() throws -> String {
        let path = try Fixtures.temporary(Data(), named: "large.json")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        defer { try? handle.close() }
        let padding = String(repeating: "lorem ipsum ", count: 16)
        try handle.write(contentsOf: Data("[\n".utf8))
        for batch in 0..<(count / 1_000) {
            var text = ""
            for number in (batch * 1_000)..<((batch + 1) * 1_000) {
                text += #"{"url": "https://example.com/\#(number)", "title": "Entry \#(number): \"quoted\" [x] {y} \\", "#
                text += #""number": \#(number), "tags": ["a", "b"], "content": "<p>\#(padding)</p>"}"#
                text += number == count - 1 ? "\n" : ",\n"
            }
            try handle.write(contentsOf: Data(text.utf8))
        }
        try handle.write(contentsOf: Data("]\n".utf8))
        return path
    }

    @Test func aHundredThousandElementsStreamInBoundedMemory() throws {
        let path = try Self.generate()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fileSize = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(fileSize > 25_000_000)

        let chunkSize = 65_536
        var scanner = try JSONElementScanner(path: path, chunkSize: chunkSize)
        var largestElement = 0
        var decoded = 0
        var lastLine = 0
        while let event = scanner.next() {
            let element = try event.get()
            largestElement = max(largestElement, element.bytes.count)
            let entry = try element.decode(Entry.self, record: "entry").get()
            #expect(entry.number == element.index)
            decoded += 1
            lastLine = element.line
        }
        #expect(decoded == Self.count)
        #expect(lastLine == Self.count + 1)
        #expect(scanner.peakBytesHeld <= chunkSize + largestElement, "the scanner holds a chunk and one element at most")
    }
}
