public import Foundation
public import ReadingListModel

/// ``LibraryExport``'s JSON, written a few articles at a time: ``header``, then the
/// ``entries(_:)`` of every article in id order, then ``trailer`` make exactly the bytes of
/// `WireJSON.encode(LibraryExport(articles:))`, without holding every article at once.
///
/// Each article is encoded on its own, with the same encoder, and its lines are indented to
/// the depth of the `articles` array (a JSON string never holds a raw line break).
public struct LibraryExportWriter {
    /// The bytes before the first article: the document up to the opening of `articles`.
    public static let header = frame.header
    /// The bytes after the last article: the end of `articles`, `format`, `version`, the
    /// final newline.
    public static let trailer = frame.trailer

    /// The export of no article is `header` followed by `trailer`: the document splits after
    /// the `[` and line break that open `articles`.
    private static let frame: (header: Data, trailer: Data) = {
        guard let empty = try? WireJSON.encode(LibraryExport(articles: [])),
            let opening = empty.firstRange(of: Data("[\n".utf8))
        else { preconditionFailure("the empty export cannot be encoded") }
        return (Data(empty[..<opening.upperBound]), Data(empty[opening.upperBound...]))
    }()

    /// Lines of an article inside the document are indented by this much more than alone.
    private static let indentation = Array("    ".utf8)

    private let encoder: JSONEncoder
    private var previousID: String?

    /// A writer that has written no article yet.
    public init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = WireJSON.outputFormatting
    }

    /// The bytes of `articles` (with their content), which must come in id order after those
    /// given before.
    /// - Throws: `EncodingError` when an article does not come after the one before it, or
    ///   cannot be encoded.
    public mutating func entries(_ articles: [Article]) throws -> Data {
        var bytes: [UInt8] = []
        for article in articles {
            let json = ArticleJSON(article, includingContent: true)
            if let previousID {
                guard previousID < json.id else {
                    throw EncodingError.invalidValue(
                        json.id, EncodingError.Context(codingPath: [], debugDescription: "articles must come in id order, after \(previousID)"))
                }
                bytes += Array(",\n".utf8)
            }
            previousID = json.id
            let encoded = try encoder.encode(json)
            bytes += Self.indentation
            encoded.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let encoded = raw.assumingMemoryBound(to: UInt8.self)
                var lineStart = 0
                for index in encoded.indices where encoded[index] == 0x0A {
                    bytes += UnsafeBufferPointer(rebasing: encoded[lineStart...index])
                    lineStart = index + 1
                    // Empty lines (inside an empty array) stay empty, as in the whole document.
                    if lineStart < encoded.count, encoded[lineStart] != 0x0A { bytes += Self.indentation }
                }
                bytes += UnsafeBufferPointer(rebasing: encoded[lineStart...])
            }
        }
        return Data(bytes)
    }
}
