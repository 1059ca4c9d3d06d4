import Foundation
import ReadingListModel

/// Articles with fixed ids and times, for exact expected output.
enum Fixtures {
    static func id(_ hex: String) -> ArticleID {
        ArticleID("\(hex)-0000-5000-8000-000000000000")!
    }

    static func date(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }

    static func article(
        _ hex: String, url: String? = "https://example.com/a", title: String = "A title", excerpt: String? = nil,
        content: String? = nil, added: Double = 1_700_000_000, read: Double? = nil, archived: Bool = false,
        favorite: Bool = false, tags: [String] = [], highlights: [Highlight] = []
    ) -> Article {
        Article(
            id: id(hex), url: url, canonicalURL: url, title: title, excerpt: excerpt, content: content,
            addedAt: date(added), readAt: read.map(date), isArchived: archived, isFavorite: favorite, tags: tags,
            highlights: highlights)
    }

    static func highlight(
        _ article: String, quote: String, note: String? = nil, color: HighlightColor? = nil, created: Double = 1_700_000_100,
        orphaned: Bool = false
    ) -> Highlight {
        Highlight(
            id: HighlightID(UUID(uuidString: "\(article)-0000-4000-8000-000000000001")!), articleID: id(article), quote: quote,
            prefix: "", suffix: "", start: 0, end: quote.unicodeScalars.count, note: note, color: color,
            createdAt: date(created), isOrphaned: orphaned)
    }
}
