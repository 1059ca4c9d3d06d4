import Foundation
import ReadingListModel
import Testing

/// Runs every case of the identity test vectors (Protocol/vectors/v1/identity), which every
/// implementation of SPEC.md §2 shares. Each case is its own test argument.
@Suite("Identity vectors")
struct IdentityVectorTests {
    @Test("Vector files load")
    func vectorFilesLoad() throws {
        let urls = try IdentityVectors.load(IdentityVectors.CanonicalURLCase.self, from: "canonical-url.json")
        let contents = try IdentityVectors.load(IdentityVectors.ContentIDCase.self, from: "content-id.json")
        let tags = try IdentityVectors.load(IdentityVectors.TagNameCase.self, from: "tag-name.json")
        let highlights = try IdentityVectors.load(IdentityVectors.ImportedHighlightCase.self, from: "imported-highlight-id.json")
        #expect(urls.count >= 60)
        #expect(contents.count >= 4)
        #expect(tags.count >= 15)
        #expect(IdentityVectors.canonicalURLCases.count == urls.count)
        #expect(IdentityVectors.contentIDCases.count == contents.count)
        #expect(IdentityVectors.tagNameCases.count == tags.count)
        #expect(highlights.count >= 8)
        #expect(IdentityVectors.importedHighlightCases.count == highlights.count)
    }

    @Test("Canonical URL", arguments: IdentityVectors.canonicalURLCases)
    func canonicalURL(_ vector: IdentityVectors.CanonicalURLCase) throws {
        let result = Result { () throws(CanonicalURLError) in try CanonicalURL(parsing: vector.input) }
        switch (result, vector.expected) {
        case let (.success(url), .canonical(expected, articleID)):
            #expect(url.rawValue.escaped == expected.escaped)
            #expect(Identity.articleID(for: url).lowercasedString == articleID)
            let reparsed = try CanonicalURL(parsing: url.rawValue)
            #expect(reparsed == url, "canonicalizing a canonical URL changes it")
        case let (.failure(error), .error(expected)):
            #expect(error.reason.rawValue == expected)
            #expect(error.input == vector.input)
        case let (.success(url), .error(expected)):
            Issue.record("got \(url.rawValue), expected error \(expected)")
        case let (.failure(error), .canonical(expected, _)):
            Issue.record("got error \(error.reason.rawValue), expected \(expected)")
        }
    }

    @Test("Content article id", arguments: IdentityVectors.contentIDCases)
    func contentID(_ vector: IdentityVectors.ContentIDCase) throws {
        let bytes = try vector.bytes()
        #expect(Identity.articleID(forContent: bytes).lowercasedString == vector.articleId)
    }

    @Test("Imported highlight id", arguments: IdentityVectors.importedHighlightCases)
    func importedHighlightID(_ vector: IdentityVectors.ImportedHighlightCase) throws {
        let article = try #require(UUID(uuidString: vector.articleId))
        #expect(Identity.importedHighlightID(article: article, quote: vector.quote).lowercasedString == vector.highlightId)
    }

    @Test("Tag name", arguments: IdentityVectors.tagNameCases)
    func tagName(_ vector: IdentityVectors.TagNameCase) throws {
        let tag = TagName(vector.input)
        if vector.error != nil {
            #expect(tag == nil)
            return
        }
        let name = try #require(tag)
        #expect(name.display.escaped == vector.display?.escaped)
        #expect(name.key.escaped == vector.key?.escaped)
        #expect(name.id.lowercasedString == vector.tagId)
        let again = try #require(TagName(name.display))
        #expect(again.display.escaped == name.display.escaped, "normalizing a display name changes it")
    }
}

// MARK: - Vector files

/// Locates and decodes the vector files, found by walking up from this source file.
enum IdentityVectors {
    static let canonicalURLCases = (try? load(CanonicalURLCase.self, from: "canonical-url.json")) ?? []
    static let contentIDCases = (try? load(ContentIDCase.self, from: "content-id.json")) ?? []
    static let tagNameCases = (try? load(TagNameCase.self, from: "tag-name.json")) ?? []
    static let importedHighlightCases = (try? load(ImportedHighlightCase.self, from: "imported-highlight-id.json")) ?? []

    struct NotFound: Error, CustomStringConvertible {
        let description: String
    }

    /// The repository root: the nearest directory above this file holding Protocol/vectors/v1/identity.
    static func repositoryRoot() throws -> URL {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.pathComponents.count > 1 {
            let vectors = directory.appendingPathComponent("Protocol/vectors/v1/identity")
            if FileManager.default.fileExists(atPath: vectors.path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        throw NotFound(description: "no Protocol/vectors/v1/identity above \(#filePath)")
    }

    static func load<Case: Decodable>(_ type: Case.Type, from fileName: String) throws -> [Case] {
        let file = try repositoryRoot().appendingPathComponent("Protocol/vectors/v1/identity/\(fileName)")
        let vectors = try JSONDecoder().decode(VectorFile<Case>.self, from: Data(contentsOf: file))
        guard vectors.protocolVersion == 1, vectors.area == "identity" else {
            throw NotFound(description: "\(fileName) is not a protocol 1 identity vector file")
        }
        return vectors.cases
    }

    private struct VectorFile<Case: Decodable>: Decodable {
        let protocolVersion: Int
        let area: String
        let cases: [Case]
    }
}

extension IdentityVectors {
    /// A case of canonical-url.json.
    struct CanonicalURLCase: Decodable, Sendable, CustomTestStringConvertible {
        enum Expected: Sendable {
            case canonical(String, articleID: String)
            case error(String)
        }

        let id: String
        let description: String
        let input: String
        let canonical: String?
        let articleId: String?
        let error: String?

        var expected: Expected {
            if let canonical, let articleId {
                return .canonical(canonical, articleID: articleId)
            }
            return .error(error ?? "(case has neither canonical nor error)")
        }

        var testDescription: String { "\(id): \(description)" }
    }

    /// A case of content-id.json.
    struct ContentIDCase: Decodable, Sendable, CustomTestStringConvertible {
        let id: String
        let description: String
        let inputUtf8: String?
        let inputBase64: String?
        let file: String?
        let sha256: String
        let articleId: String

        func bytes() throws -> Data {
            if let inputUtf8 {
                return Data(inputUtf8.utf8)
            }
            if let inputBase64, let data = Data(base64Encoded: inputBase64) {
                return data
            }
            if let file {
                return try Data(contentsOf: IdentityVectors.repositoryRoot().appendingPathComponent(file))
            }
            throw IdentityVectors.NotFound(description: "\(id) has no readable input")
        }

        var testDescription: String { "\(id): \(description)" }
    }

    /// A case of imported-highlight-id.json.
    struct ImportedHighlightCase: Decodable, Sendable, CustomTestStringConvertible {
        let id: String
        let description: String
        let articleId: String
        let quote: String
        let highlightId: String

        var testDescription: String { "\(id): \(description)" }
    }

    /// A case of tag-name.json.
    struct TagNameCase: Decodable, Sendable, CustomTestStringConvertible {
        let id: String
        let description: String
        let input: String
        let display: String?
        let key: String?
        let tagId: String?
        let error: String?

        var testDescription: String { "\(id): \(description)" }
    }
}

private extension String {
    /// ASCII, with `\` doubled and every non-ASCII scalar written `\u{…}`: equal exactly when
    /// the scalars are equal, where `==` on strings compares up to canonical equivalence.
    var escaped: String {
        unicodeScalars.map { scalar in
            if scalar == "\\" { return "\\\\" }
            if scalar.isASCII { return String(scalar) }
            return "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        }.joined()
    }
}

private extension UUID {
    var lowercasedString: String { uuidString.lowercased() }
}
