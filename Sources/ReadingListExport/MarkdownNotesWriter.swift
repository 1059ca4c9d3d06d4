import Foundation
public import ReadingListModel
import ReadingListWire

/// Writes one Markdown note per article, with YAML front matter, for a folder such as an
/// Obsidian vault. Protocol/SPEC.md §5.1 describes exactly what is written.
///
/// A note is named ``fileName(of:)`` (a slug of the title and the start of the id), so
/// exporting again into the same folder replaces the same files. It holds:
/// - front matter: `title`, `url` (when it has one), `id`, `byline` and `site` (when known),
///   `tags` (a list), `added`, `published` and `read` (RFC 3339 times in UTC; the last two when
///   known), `archived` and `favorite` (booleans); strings are double-quoted (``YAMLScalar``);
/// - `# Title`, then the excerpt and the text, each as paragraphs;
/// - `## Highlights`, when there are any: each quote as a `>` block, then its note, its colour,
///   and whether the quote can no longer be found in the text.
///
/// Text from the article is escaped so that it shows as written, never as Markdown markup.
public enum MarkdownNotesWriter {
    /// One note per article, sorted by file name.
    public static func files(_ articles: [Article]) -> [ExportedFile] {
        var files: [ExportedFile] = []
        var stream = MarkdownNotesStream()
        stream.add(articles.sorted { $0.id < $1.id }) { files.append($0) }
        stream.finish { files.append($0) }
        return files.sorted { $0.name < $1.name }
    }

    /// The note's file name: the title's slug (``FileNameSlug``), a hyphen, the first eight
    /// characters of the id, and `.md`: `local-first-software-0f9c1e2d.md`.
    public static func fileName(of article: Article) -> String {
        "\(FileNameSlug.slug(article.title))-\(article.id.short).md"
    }

    /// File names for `articles`, in their order: ``fileName(of:)``, or, for articles whose
    /// names would be equal (same slug and same id start), the slug with the whole id.
    static func fileNames(_ articles: [Article]) -> [String] {
        let names = articles.map(fileName(of:))
        var counts: [String: Int] = [:]
        for name in names { counts[name, default: 0] += 1 }
        return zip(articles, names).map { article, name in
            counts[name, default: 0] > 1 ? "\(FileNameSlug.slug(article.title))-\(article.id).md" : name
        }
    }

    /// The note of `article`.
    public static func note(_ article: Article) -> String {
        var lines = ["---"]
        lines.append("title: \(YAMLScalar.quoted(article.title))")
        if let url = article.url { lines.append("url: \(YAMLScalar.quoted(url))") }
        lines.append("id: \(YAMLScalar.quoted(article.id.description))")
        if let byline = article.byline { lines.append("byline: \(YAMLScalar.quoted(byline))") }
        if let site = article.siteName { lines.append("site: \(YAMLScalar.quoted(site))") }
        if article.tags.isEmpty {
            lines.append("tags: []")
        } else {
            lines.append("tags:")
            lines += article.tags.map { "  - \(YAMLScalar.quoted($0))" }
        }
        lines.append("added: \(RFC3339.string(from: article.addedAt))")
        if let published = article.publishedAt { lines.append("published: \(RFC3339.string(from: published))") }
        if let read = article.readAt { lines.append("read: \(RFC3339.string(from: read))") }
        lines.append("archived: \(article.isArchived)")
        lines.append("favorite: \(article.isFavorite)")
        lines.append("---")
        lines.append("")
        lines.append("# \(MarkdownText.escapedLine(article.title.collapsingWhitespace()))")
        for text in [article.excerpt, article.content] {
            guard let text, !text.trimmingWhitespace().isEmpty else { continue }
            lines.append("")
            lines.append(MarkdownText.escaped(text.trimmingWhitespace()))
        }
        if !article.highlights.isEmpty {
            lines.append("")
            lines.append("## Highlights")
            for highlight in article.highlights {
                lines.append("")
                lines += MarkdownText.escaped(highlight.quote.trimmingWhitespace())
                    .split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? ">" : "> \($0)" }
                if let note = highlight.note, !note.trimmingWhitespace().isEmpty {
                    lines.append("")
                    lines.append(MarkdownText.escaped(note.trimmingWhitespace()))
                }
                if let color = highlight.color {
                    lines.append("")
                    lines.append("Colour: \(color)")
                }
                if highlight.isOrphaned {
                    lines.append("")
                    lines.append("(This quote is no longer in the text.)")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
