import Foundation
@testable import ReadingListModel
import Testing

@Suite("Identity namespaces and UUIDv5")
struct IdentityNamespaceTests {
    @Test("Namespaces are the values in SPEC.md §2.1")
    func namespaces() {
        #expect(Identity.articleNamespace.uuidString.lowercased() == "d1a2d2f4-4650-57f6-a8c5-8014129257d3")
        #expect(Identity.tagNamespace.uuidString.lowercased() == "d04ced5e-e628-59f4-ab0f-dcb1f8a53a6c")
        #expect(Identity.contentNamespace.uuidString.lowercased() == "8f0e665e-9cf4-52a9-ad7d-9b65510b2a1b")
    }

    @Test("An id's text is Foundation's uuidString in lowercase")
    func lowercaseText() throws {
        let fixed = try #require(UUID(uuidString: "00FF10EF-A9B0-4C5D-8E7F-0123456789AB"))
        #expect(fixed.lowercaseText == "00ff10ef-a9b0-4c5d-8e7f-0123456789ab")
        #expect(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).lowercaseText == "00000000-0000-0000-0000-000000000000")
        for _ in 0..<1_000 {
            let uuid = UUID()
            #expect(uuid.lowercaseText == uuid.uuidString.lowercased())
        }
        #expect(ArticleID(fixed).description == "00ff10ef-a9b0-4c5d-8e7f-0123456789ab")
    }

    @Test("RFC 9562 appendix A.4 example")
    func rfcExample() throws {
        let dns = try #require(UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8"))
        let id = UUIDv5.make(namespace: dns, name: "www.example.com")
        #expect(id.uuidString.lowercased() == "2ed6657d-e927-568b-95e1-2665a8aea6a2")
    }

    @Test("Version and variant bits", arguments: ["", "a", "https://example.com/", "🚀 rocket"])
    func versionAndVariant(name: String) {
        let bytes = UUIDv5.make(namespace: Identity.tagNamespace, name: name).uuid
        #expect(bytes.6 >> 4 == 5)
        #expect(bytes.8 >> 6 == 0b10)
    }

    @Test("Article, content and tag ids use their own namespaces")
    func idsUseTheirNamespaces() throws {
        let url = try CanonicalURL(parsing: "https://example.com/a")
        #expect(Identity.articleID(for: url) == UUIDv5.make(namespace: Identity.articleNamespace, name: url.rawValue))
        #expect(Identity.tagID(forKey: "swift") == UUIDv5.make(namespace: Identity.tagNamespace, name: "swift"))
        let empty = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        #expect(Identity.articleID(forContent: Data()) == UUIDv5.make(namespace: Identity.contentNamespace, name: empty))
    }
}
