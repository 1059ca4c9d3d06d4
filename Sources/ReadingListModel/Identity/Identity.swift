public import Foundation
import Crypto

/// The stable ids of articles and tags (SPEC.md §2.1): UUIDv5 names in readlist's own namespaces,
/// so every implementation derives the same id from the same article or tag.
public enum Identity {
    /// RFC 9562's namespace for URL names, 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
    static let urlNamespace = UUID(uuid: (
        0x6B, 0xA7, 0xB8, 0x11, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8
    ))

    /// Namespace of article ids from URLs: d1a2d2f4-4650-57f6-a8c5-8014129257d3.
    public static let articleNamespace = UUIDv5.make(namespace: urlNamespace, name: "https://readlist.dev/ns/article")

    /// Namespace of tag ids: d04ced5e-e628-59f4-ab0f-dcb1f8a53a6c.
    public static let tagNamespace = UUIDv5.make(namespace: urlNamespace, name: "https://readlist.dev/ns/tag")

    /// Namespace of article ids from file contents: 8f0e665e-9cf4-52a9-ad7d-9b65510b2a1b.
    public static let contentNamespace = UUIDv5.make(namespace: urlNamespace, name: "https://readlist.dev/ns/content")

    /// Namespace of the ids of imported highlights: 7e9621e6-9393-55de-859a-15cfed5f8a1b.
    public static let importedHighlightNamespace = UUIDv5.make(
        namespace: urlNamespace, name: "https://readlist.dev/ns/imported-highlight")

    /// Identity of an article saved from a URL: UUIDv5(articleNamespace, canonical URL string).
    public static func articleID(for url: CanonicalURL) -> UUID {
        UUIDv5.make(namespace: articleNamespace, name: url.rawValue)
    }

    /// Identity of a local file saved without a URL: from its raw bytes.
    ///
    /// UUIDv5(contentNamespace, "sha256:" + lowercase hex SHA-256 of `bytes`).
    public static func articleID(forContent bytes: Data) -> UUID {
        let digits = Array("0123456789abcdef".unicodeScalars)
        var hex = String.UnicodeScalarView()
        for byte in SHA256.hash(data: bytes) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return UUIDv5.make(namespace: contentNamespace, name: "sha256:" + String(hex))
    }

    /// Identity of a highlight imported from another service's export, so that importing the
    /// same quote again, on this replica or another, finds the same highlight:
    /// UUIDv5(importedHighlightNamespace, article id + "\n" + NFC(trimmed quote)).
    public static func importedHighlightID(article: UUID, quote: String) -> UUID {
        let name = article.lowercaseText + "\n" + UnicodeText.nfc(UnicodeText.trimmingWhiteSpace(quote))
        return UUIDv5.make(namespace: importedHighlightNamespace, name: name)
    }

    /// Identity of a tag: UUIDv5(tagNamespace, key), where `key` is a `TagName.key`.
    public static func tagID(forKey key: String) -> UUID {
        UUIDv5.make(namespace: tagNamespace, name: key)
    }
}
