import ReadingList
import Foundation

/// Renders one article in full, for `show`.
struct ArticleDetail {
    var article: Article
    var fetch: FetchRecord? = nil
    var includingContent: Bool

    func render() -> String {
        var lines = [Console.bold(article.title)]
        func field(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append(Console.dim(name.padding(toLength: 10, withPad: " ", startingAt: 0)) + value)
        }
        field("id", article.id.description)
        field("url", article.url)
        field("site", [article.siteName, article.byline].compactMap { $0 }.joined(separator: " · "))
        field("published", article.publishedAt.map { String(RFC3339.string(from: $0).prefix(10)) })
        field("added", RFC3339.string(from: article.addedAt))
        field("fetched", fetch.map(FetchReport.detail))
        field("length", article.wordCount > 0 ? "\(article.wordCount) words, \(article.readingMinutes) min" : nil)
        var state = [article.isRead ? "read" : "unread"]
        if article.isArchived { state.append("archived") }
        if article.isFavorite { state.append("favorite") }
        if article.progress.basisPoints > 0 { state.append("progress \(article.progress)") }
        field("state", state.joined(separator: ", "))
        field("tags", article.tags.joined(separator: ", "))
        field("excerpt", article.excerpt)
        if !article.highlights.isEmpty {
            lines.append(Console.dim("highlights"))
            for highlight in article.highlights {
                lines.append("  " + HighlightLine(highlight: highlight).render())
            }
        }
        if includingContent, let content = article.content, !content.isEmpty {
            lines.append("")
            lines.append(content)
        }
        return lines.joined(separator: "\n")
    }
}

/// One highlight on one line.
struct HighlightLine {
    var highlight: Highlight

    func render() -> String {
        var line = Console.dim(highlight.id.short) + "  “\(highlight.quote)”"
        if let note = highlight.note { line += " — \(note)" }
        if let color = highlight.color { line += " (\(color))" }
        if highlight.isOrphaned { line += " [orphaned: no longer in the text]" }
        return line
    }
}
