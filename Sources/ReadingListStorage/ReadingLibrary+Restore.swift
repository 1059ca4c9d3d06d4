import Foundation
import GRDB
public import ReadingListModel

extension ReadingLibrary {
    /// Imports articles exactly as another readlist library exported them (its JSON export), in
    /// one transaction: ids, titles, texts, times, states, tags and highlights (with their ids)
    /// are kept, so export → import into an empty library → export gives the same file.
    ///
    /// An article already here (and not deleted) is merged instead, as ``importArticles(_:strict:dryRun:)``
    /// merges: tags and missing highlights are added, the earliest save time is kept, and read,
    /// archived and favourite states only move forward.
    public func importExported(
        _ records: some Sequence<Result<Article, ImportProblem>>, strict: Bool = false, dryRun: Bool = false
    ) throws(ReadingListError) -> ImportSummary {
        try change(rollingBack: dryRun) { writer in
            var summary = ImportSummary()
            for record in records {
                switch record {
                case .failure(let problem):
                    try summary.skip(problem, strict: strict)
                case .success(let article):
                    let tags = article.tags.isEmpty ? [] : try Self.tagNames(article.tags)
                    let existing = try Bool.fetchOne(
                        writer.db.cachedStatement(sql: "SELECT alive FROM article WHERE id = ?"), arguments: [article.id.description])
                    if existing == true {
                        let (changed, highlights) = try Self.merge(article, tags: tags, writer: writer)
                        changed ? (summary.merged += 1) : (summary.unchanged += 1)
                        summary.highlights += highlights
                    } else {
                        summary.highlights += try Self.restore(article, tags: tags, writer: writer)
                        summary.imported += 1
                    }
                }
            }
            return summary
        }
    }

    /// Writes `article` as it was exported. - Returns: how many highlights it has.
    private static func restore(_ article: Article, tags: [TagName], writer: ChangeWriter) throws -> Int {
        let id = article.id.description
        func time(_ date: Date?) -> DatabaseValue { date.map { ArticleRows.milliseconds($0).databaseValue } ?? .null }
        try writer.write(
            .article, key: [id],
            values: [
                ("alive", true.databaseValue), ("url", article.url.databaseValue),
                ("canonical_url", article.canonicalURL.databaseValue), ("title", article.title.databaseValue),
                ("byline", article.byline.databaseValue), ("site", article.siteName.databaseValue),
                ("excerpt", article.excerpt.databaseValue), ("content", article.content.databaseValue),
                ("language", article.language.databaseValue), ("published_at", time(article.publishedAt)),
                ("word_count", article.wordCount.databaseValue), ("added_at", time(article.addedAt)),
                ("read_at", time(article.readAt)), ("archived", article.isArchived.databaseValue),
                ("favorite", article.isFavorite.databaseValue), ("progress", article.progress.basisPoints.databaseValue),
            ])
        _ = try TagWrites.add(tags, to: article.id, restamping: false, writer: writer)
        return try addMissingHighlights(of: article, writer: writer)
    }

    /// Merges `article` into the one here. - Returns: whether anything changed, and how many
    /// highlights were added.
    private static func merge(_ article: Article, tags: [TagName], writer: ChangeWriter) throws -> (Bool, highlights: Int) {
        let wrote = try moveStateForward(
            of: article.id.description, readAt: article.readAt, archived: article.isArchived, favorite: article.isFavorite,
            progress: article.progress, addedAt: article.addedAt, writer: writer)
        let added = try TagWrites.add(tags, to: article.id, restamping: false, writer: writer)
        let highlights = try addMissingHighlights(of: article, writer: writer)
        return (wrote || !added.isEmpty || highlights > 0, highlights)
    }

    /// Adds the highlights of `article` that this library does not have (by id).
    /// - Returns: how many were added.
    private static func addMissingHighlights(of article: Article, writer: ChangeWriter) throws -> Int {
        var added = 0
        for highlight in article.highlights {
            let present = try Bool.fetchOne(
                writer.db.cachedStatement(sql: "SELECT alive FROM highlight WHERE id = ?"), arguments: [highlight.id.description])
            guard present == nil else { continue }
            try writer.write(
                .highlight, key: [highlight.id.description],
                values: [
                    ("alive", true.databaseValue), ("article_id", article.id.description.databaseValue),
                    ("quote", highlight.quote.databaseValue), ("prefix", highlight.prefix.databaseValue),
                    ("suffix", highlight.suffix.databaseValue), ("start_offset", highlight.start.databaseValue),
                    ("end_offset", highlight.end.databaseValue), ("note", highlight.note.databaseValue),
                    ("color", highlight.color?.rawValue.databaseValue ?? .null),
                    ("created_at", ArticleRows.milliseconds(highlight.createdAt).databaseValue),
                ])
            added += 1
        }
        return added
    }
}
