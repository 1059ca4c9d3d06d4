public import Foundation
public import ReadingListModel

extension LibraryExport {
    /// Reads a readlist JSON export.
    /// - Throws: ``ImportProblem`` when the data is not one.
    public static func decode(_ data: Data) throws(ImportProblem) -> LibraryExport {
        let export: LibraryExport
        do {
            export = try JSONDecoder().decode(LibraryExport.self, from: data)
        } catch {
            throw ImportProblem(line: 0, reason: "not a readlist JSON export (\(error))")
        }
        guard export.format == formatName, export.version == 1 else {
            throw ImportProblem(line: 0, reason: "not a readlist export of version 1 (format \(export.format), version \(export.version))")
        }
        return export
    }

    /// The exported articles, each checked: an article, or why it cannot be imported.
    public func records() -> [Result<Article, ImportProblem>] {
        articles.enumerated().map { index, json in
            Result { () throws(ImportProblem) in try json.article() }.mapError { problem in
                ImportProblem(line: 0, reason: "article \(index + 1) (\(json.id)): \(problem.reason)")
            }
        }
    }
}

extension ArticleJSON {
    /// The article this JSON describes, as an export entry holds it (with its content).
    /// - Throws: ``ImportProblem`` (line 0) naming the field that is not valid: an id that is
    ///   not a UUID, a time that is not RFC 3339, an unknown highlight colour.
    public func article() throws(ImportProblem) -> Article {
        func invalid(_ reason: String) -> ImportProblem { ImportProblem(line: 0, reason: reason) }
        func date(_ text: String?, _ name: String) throws(ImportProblem) -> Date? {
            guard let text else { return nil }
            guard let date = RFC3339.date(from: text) else { throw invalid("\(name) \"\(text)\" is not an RFC 3339 time") }
            return date
        }
        guard let id = ArticleID(self.id) else { throw invalid("the id is not a UUID") }
        guard let addedAt = try date(self.addedAt, "addedAt") else { throw invalid("addedAt is missing") }
        guard (0...100).contains(progress) else { throw invalid("progress \(progress) is not a percentage") }
        var highlights: [Highlight] = []
        for json in self.highlights {
            guard let highlightID = HighlightID(json.id) else { throw invalid("highlight id \(json.id) is not a UUID") }
            var color: HighlightColor?
            if let name = json.color {
                guard let known = HighlightColor(rawValue: name) else { throw invalid("highlight colour \(name) is unknown") }
                color = known
            }
            guard let createdAt = try date(json.createdAt, "createdAt") else { throw invalid("createdAt is missing") }
            highlights.append(Highlight(
                id: highlightID, articleID: id, quote: json.quote, prefix: json.prefix, suffix: json.suffix,
                start: json.start, end: json.end, note: json.note, color: color, createdAt: createdAt, isOrphaned: json.orphaned))
        }
        return Article(
            id: id, url: url, canonicalURL: canonicalUrl, title: title, byline: byline, siteName: site, excerpt: excerpt,
            content: content, language: language, publishedAt: try date(publishedAt, "publishedAt"), wordCount: wordCount,
            addedAt: addedAt, readAt: try date(readAt, "readAt"), isArchived: archived, isFavorite: favorite,
            progress: ReadingProgress(clamping: Int((progress * 100).rounded())), tags: tags, highlights: highlights)
    }
}
