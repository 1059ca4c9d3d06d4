import Foundation
import ReadingListModel

/// One page's highlights in Pocket's 2025 export (`annotations/part_000000.json`, a list of
/// these): its `url`, `title` and `highlights`, each a `quote` and its `created_at` time (Unix
/// seconds, as a number or a string, or ISO 8601).
struct PocketAnnotation: Decodable {
    struct Highlight: Decodable {
        var quote: String?
        var createdAt: TimeText?

        private enum CodingKeys: String, CodingKey {
            case quote
            case createdAt = "created_at"
        }
    }

    /// A time written as a number or as a string, as text.
    struct TimeText: Decodable {
        var text: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int64.self) {
                text = String(number)
            } else if let number = try? container.decode(Double.self), let whole = Int64(exactly: number.rounded(.down)) {
                text = String(whole)
            } else {
                // Anything else is no time: the highlight is kept without one.
                text = (try? container.decode(String.self)) ?? ""
            }
        }
    }

    var url: String
    var title: String?
    var highlights: [Highlight]?

    /// The page as an imported article holding its highlights (merged into the article of the
    /// same URL that the CSV parts saved); a problem when it has no URL; `nil` when it has no
    /// highlight.
    func article(line: Int) -> Result<ImportedArticle, ImportProblem>? {
        let url = url.trimmingWhitespace()
        guard !url.isEmpty else { return .failure(ImportProblem(line: line, reason: "the url is empty")) }
        let marks = (highlights ?? []).compactMap { highlight -> ImportedHighlight? in
            guard let quote = highlight.quote, !quote.trimmingWhitespace().isEmpty else { return nil }
            return ImportedHighlight(quote: quote, createdAt: highlight.createdAt.flatMap { Date(exportedTime: $0.text) })
        }
        guard !marks.isEmpty else { return nil }
        let headline = title.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty || $0 == url ? nil : $0 }
        return .success(ImportedArticle(draft: ArticleDraft(source: .url(url), headline: headline), highlights: marks, line: line))
    }
}
