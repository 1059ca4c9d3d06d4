import ReadingList
import Foundation

/// Renders articles as a table that fits a width.
struct ArticleTable {
    var articles: [Article]
    var width: Int?

    func render() -> String {
        let rows = articles.map { article -> [String] in
            var flags = ""
            flags += article.isRead ? "✓" : " "
            flags += article.isFavorite ? "★" : " "
            flags += article.isArchived ? "A" : " "
            return [
                article.id.short, flags, article.title, article.siteName ?? host(article.canonicalURL) ?? "",
                article.tags.joined(separator: ","), RFC3339.string(from: article.addedAt).prefix(10).description,
            ]
        }
        let header = ["ID", "   ", "TITLE", "SITE", "TAGS", "ADDED"]
        var widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        if let width {
            // Shrink title, then tags, then site, until the row fits (columns are joined by two spaces).
            let separators = 2 * (header.count - 1)
            for (column, minimum) in [(2, 20), (4, 8), (3, 10), (2, 12)] {
                let total = widths.reduce(0, +) + separators
                if total > width {
                    widths[column] = max(min(minimum, widths[column]), widths[column] - (total - width))
                }
            }
        }
        func line(_ cells: [String], styled: Bool) -> String {
            cells.indices.map { column in
                var cell = fit(cells[column], widths[column])
                if column < cells.count - 1 { cell += String(repeating: " ", count: max(0, widths[column] - cell.count)) }
                guard styled else { return cell }
                switch column {
                case 0: return Console.dim(cell)
                case 1: return Console.yellow(cell)
                case 2: return Console.bold(cell)
                default: return cell
                }
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return ([line(header, styled: false)] + rows.map { line($0, styled: true) }).joined(separator: "\n")
    }

    private func fit(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
    }

    private func host(_ url: String?) -> String? {
        guard let url, let start = url.range(of: "://") else { return nil }
        let rest = url[start.upperBound...]
        return rest.split(separator: "/").first.map(String.init)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
