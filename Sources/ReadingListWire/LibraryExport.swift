public import ReadingListModel

/// The whole library as one JSON document: `readlist export --format json`.
///
/// Articles are sorted by id, tags by key, highlights by position then id, and keys are
/// sorted, so two libraries with equal contents export byte-identical files. The document holds
/// no export time and no replica id for the same reason. Schema:
/// `Protocol/schemas/v1/export.schema.json`.
public struct LibraryExport: Codable, Sendable, Hashable {
    /// Always `readlist-export`.
    public var format: String
    /// The export format version, 1.
    public var version: Int
    /// Every saved article, with content.
    public var articles: [ArticleJSON]

    /// The format name.
    public static let formatName = "readlist-export"

    /// An export of `articles` (in any order; they are sorted here).
    public init(articles: [Article]) {
        format = Self.formatName
        version = 1
        self.articles = articles.sorted { $0.id < $1.id }.map { ArticleJSON($0, includingContent: true) }
    }
}
