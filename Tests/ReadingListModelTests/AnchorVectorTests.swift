import Foundation
import ReadingListModel
import Testing

/// Runs every case of the anchor test vectors (Protocol/vectors/v1/anchor), which every
/// implementation of SPEC.md §4 shares, through `QuoteAnchor.locate`. Each case is its own
/// test argument.
@Suite("Anchor vectors")
struct AnchorVectorTests {
    @Test("Vector file loads")
    func vectorFileLoads() throws {
        let cases = try AnchorVectors.load(from: "quote-anchor.json")
        #expect(cases.count >= 30)
        #expect(AnchorVectors.quoteAnchorCases.count == cases.count)
        #expect(Set(cases.map(\.id)).count == cases.count, "case ids repeat")
    }

    @Test("Quote anchor", arguments: AnchorVectors.quoteAnchorCases)
    func quoteAnchor(_ vector: AnchorVectors.Case) throws {
        let anchor = QuoteAnchor.locate(vector.quote, in: vector.text)
        guard let expected = vector.expected else {
            #expect(anchor == nil, "found \(anchor.map(\.quote.scalarEscaped) ?? ""), expected none")
            return
        }
        let found = try #require(anchor, "not found, expected \(expected.quote.scalarEscaped)")
        #expect(found.quote.scalarEscaped == expected.quote.scalarEscaped)
        #expect(found.prefix.scalarEscaped == expected.prefix.scalarEscaped)
        #expect(found.suffix.scalarEscaped == expected.suffix.scalarEscaped)
        #expect(found.start == expected.start)
        #expect(found.end == expected.end)
    }
}

// MARK: - Vector file

/// Locates and decodes the anchor vector file, found by walking up from this source file.
enum AnchorVectors {
    static let quoteAnchorCases = (try? load(from: "quote-anchor.json")) ?? []

    struct NotFound: Error, CustomStringConvertible {
        let description: String
    }

    /// A case of quote-anchor.json: `quote` located in `text` gives `expected`, or nothing.
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        struct Anchor: Decodable, Sendable {
            let quote: String
            let prefix: String
            let suffix: String
            let start: Int
            let end: Int
        }

        let id: String
        let description: String
        let text: String
        let quote: String
        /// `nil` when the quote is not found (`"expected": null`).
        let expected: Anchor?

        var testDescription: String { "\(id): \(description)" }
    }

    /// The directory of the anchor vectors: the nearest Protocol/vectors/v1/anchor above this file.
    static func directory() throws -> URL {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.pathComponents.count > 1 {
            let vectors = directory.appendingPathComponent("Protocol/vectors/v1/anchor")
            if FileManager.default.fileExists(atPath: vectors.path) {
                return vectors
            }
            directory.deleteLastPathComponent()
        }
        throw NotFound(description: "no Protocol/vectors/v1/anchor above \(#filePath)")
    }

    static func load(from fileName: String) throws -> [Case] {
        let file = try directory().appendingPathComponent(fileName)
        let vectors = try JSONDecoder().decode(VectorFile.self, from: Data(contentsOf: file))
        guard vectors.protocolVersion == 1, vectors.area == "anchor" else {
            throw NotFound(description: "\(fileName) is not a protocol 1 anchor vector file")
        }
        return vectors.cases
    }

    private struct VectorFile: Decodable {
        let protocolVersion: Int
        let area: String
        let cases: [Case]
    }
}

private extension String {
    /// ASCII, with `\` doubled and every non-ASCII scalar written `\u{…}`: equal exactly when
    /// the scalars are equal, where `==` on strings compares up to canonical equivalence.
    var scalarEscaped: String {
        unicodeScalars.map { scalar in
            if scalar == "\\" { return "\\\\" }
            if scalar.isASCII { return String(scalar) }
            return "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        }.joined()
    }
}
