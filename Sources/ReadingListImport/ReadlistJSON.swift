import Foundation
public import ReadingListModel
import ReadingListWire

/// readlist's own JSON export (`readlist export --format json`, `LibraryExport`), streamed one
/// article at a time from its `articles` list, each read exactly as exported (ids, times,
/// states, tags, highlights) for a lossless import.
///
/// The export's keys are sorted, so `format` and `version` come after the articles: they are
/// checked after the first reading of the file, which checks its syntax (``JSONRecordReader``),
/// before a single article is imported. A file that is not a readlist export of version 1, or
/// that is cut short, is refused whole; an article that cannot be read is a problem on its line.
public enum ReadlistJSON {
    /// The member of the export that lists the articles.
    static let articlesKey = "articles"

    /// The articles of the export file at `path`, read one at a time.
    /// - Throws: ``ImportProblem`` when the file cannot be read, is not valid JSON (naming the
    ///   line), or is not a readlist export of version 1.
    public static func records(at path: String) throws(ImportProblem) -> JSONRecordReader<Article> {
        try records(at: path, chunkSize: JSONElementScanner.defaultChunkSize)
    }

    static func records(at path: String, chunkSize: Int) throws(ImportProblem) -> JSONRecordReader<Article> {
        let reader = try JSONRecordReader<Article>(
            path: path, key: articlesKey, chunkSize: chunkSize, mismatch: "not a readlist JSON export"
        ) { element in
            let name = "article \(element.index + 1)"
            return element.decode(ArticleJSON.self, record: name).flatMap { json in
                Result { () throws(ImportProblem) in try checkedIdentity(try json.article()) }.mapError { problem in
                    ImportProblem(line: element.line, reason: "\(name) (\(json.id)): \(problem.reason)")
                }
            }
        }
        try checkEnvelope(reader.members)
        return reader
    }

    /// `article`, when its id and canonical URL are the ones its URL gives: an
    /// export readlist wrote always has them, and an article whose id does not follow its URL
    /// would be a second copy of the page, which saving the URL again would not find.
    /// - Throws: ``ImportProblem`` (line 0) naming what does not match, or why the URL is no web
    ///   address.
    static func checkedIdentity(_ article: Article) throws(ImportProblem) -> Article {
        guard let url = article.url else { return article }
        let canonical: CanonicalURL
        do {
            canonical = try CanonicalURL(parsing: url)
        } catch {
            throw ImportProblem(line: 0, reason: error.description)
        }
        guard article.canonicalURL == canonical.rawValue else {
            throw ImportProblem(
                line: 0,
                reason: "its canonicalUrl \"\(article.canonicalURL ?? "null")\" is not \"\(canonical.rawValue)\", the one its url gives (SPEC.md §2.3); was the export edited by hand?")
        }
        let expected = ArticleID(canonicalURL: canonical)
        guard article.id == expected else {
            throw ImportProblem(
                line: 0, reason: "its id is not \(expected), the one its url gives (SPEC.md §2.4); was the export edited by hand?")
        }
        return article
    }

    /// Checks the export's `format` and `version`, among the members of its top-level object.
    static func checkEnvelope(_ members: [String: Data]) throws(ImportProblem) {
        let format = members["format"].flatMap { try? JSONDecoder().decode(String.self, from: $0) }
        let expected = LibraryExport.formatName
        guard let format else {
            throw ImportProblem(line: 0, reason: "not a readlist JSON export: it has no \"format\": \"\(expected)\"")
        }
        guard format == expected else {
            throw ImportProblem(line: 0, reason: "not a readlist JSON export: its format is \"\(format.prefix(60))\", not \"\(expected)\"")
        }
        let version = members["version"].flatMap { try? JSONDecoder().decode(Int.self, from: $0) }
        guard version == 1 else {
            let found = members["version"].map { String(decoding: $0, as: UTF8.self) } ?? "missing"
            throw ImportProblem(
                line: 0,
                reason: "the export's version is \(found.prefix(20)); this readlist reads version 1 (a newer readlist may read it)")
        }
    }
}
