import Foundation
import ReadingListModel
import Testing

/// Runs every case of Protocol/vectors/v1/anchor/reanchor.json (SPEC.md §4.3) through
/// `QuoteAnchor.relocate`.
@Suite("Re-anchor vectors")
struct ReanchorVectorTests {
    static let cases: [Case] = (try? load()) ?? []

    @Test("Vector file loads")
    func vectorFileLoads() throws {
        let cases = try Self.load()
        #expect(cases.count >= 10)
        #expect(Set(cases.map(\.id)).count == cases.count, "case ids repeat")
    }

    @Test("Re-anchor", arguments: Self.cases)
    func reanchor(_ vector: Case) throws {
        let found = QuoteAnchor.relocate(
            quote: vector.highlight.quote, prefix: vector.highlight.prefix, suffix: vector.highlight.suffix,
            start: vector.highlight.start, in: vector.text)
        guard let expected = vector.expected else {
            #expect(found == nil, "found \(found?.quote ?? ""), expected an orphan")
            return
        }
        let anchor = try #require(found, "orphaned, expected \(expected.quote)")
        #expect(Array(anchor.quote.unicodeScalars) == Array(expected.quote.unicodeScalars))
        #expect(Array(anchor.prefix.unicodeScalars) == Array(expected.prefix.unicodeScalars))
        #expect(Array(anchor.suffix.unicodeScalars) == Array(expected.suffix.unicodeScalars))
        #expect(anchor.start == expected.start)
        #expect(anchor.end == expected.end)
    }

    @Test("A quote found again far from its old place keeps the occurrence its context names")
    func contextBeatsDistance() {
        let text = "Alpha says yes. " + String(repeating: "filler ", count: 50) + "Beta says yes. "
        let anchor = QuoteAnchor.relocate(quote: "says yes", prefix: "Beta ", suffix: ". ", start: 0, in: text)
        #expect(anchor?.prefix.hasSuffix("Beta ") == true)
    }

    /// A case: `highlight` located again in `text` gives `expected`, or nothing.
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        struct Stored: Decodable, Sendable {
            let quote: String
            let prefix: String
            let suffix: String
            let start: Int
        }

        let id: String
        let description: String
        let highlight: Stored
        let text: String
        let expected: AnchorVectors.Case.Anchor?

        var testDescription: String { "\(id): \(description)" }
    }

    private struct VectorFile: Decodable {
        let protocolVersion: Int
        let area: String
        let cases: [Case]
    }

    static func load() throws -> [Case] {
        let file = try AnchorVectors.directory().appendingPathComponent("reanchor.json")
        let vectors = try JSONDecoder().decode(VectorFile.self, from: Data(contentsOf: file))
        guard vectors.protocolVersion == 1, vectors.area == "reanchor" else {
            throw AnchorVectors.NotFound(description: "reanchor.json is not a protocol 1 reanchor vector file")
        }
        return vectors.cases
    }
}
