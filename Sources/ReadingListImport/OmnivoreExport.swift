import Foundation
public import ReadingListModel
import ReadingListExtraction

/// Omnivore's export (readitlater.md §2.6): a zip archive, or the folder it unpacks to, holding
/// `metadata_<n>_to_<m>.json` files (lists of items), `content/<slug>.html` (the readable
/// text of each item, when saved) and `highlights/<slug>.md` (see ``OmnivoreHighlights``).
///
/// - Metadata files are read in the order of their first number, one whole file at a time
///   (Omnivore writes 20 items to each), and their items one at a time with their content and
///   highlights; problems name the metadata file and the line where the item starts.
/// - `url` is the article; `title` its headline; `author` its byline; `description` its
///   excerpt; `labels` (names, or objects with a `name`) its tags; `savedAt` its save time and
///   `publishedAt` its publication time (ISO 8601; a `publishedAt` that is not one is left out);
///   `readingProgress` (a percentage) its progress, only ever moved forward.
/// - `state` `Archived` (in any case, as `ARCHIVED` too) marks it read and archived; `Deleted`
///   leaves it out, as an ignored record (``ImportProblem/ignored(line:reason:file:)``), not a
///   problem, since exports hold the items deleted in Omnivore; any other state (`Active`,
///   `Unknown`, `SUCCEEDED`, …) leaves it unread.
/// - `content/<slug>.html` gives the article's text (through ``ArticleExtractor``), in which
///   its highlights are then anchored; a highlight whose quote the text does not hold, or of an
///   article without text, is kept orphaned. The content's title, site and language fill in what
///   the metadata lacks. A content or highlights file that cannot be read is reported as a
///   problem, and the article is imported without it.
/// - Other files (PDFs, thumbnails) are ignored.
public enum OmnivoreExport {
    /// The items of the zip archive or folder at `path`, read one at a time.
    /// - Throws: ``ImportProblem`` (line 0) when it cannot be opened or holds no metadata file.
    public static func records(at path: String) throws(ImportProblem) -> OmnivoreReader {
        let archive = try ExportArchive(path: path)
        let files = metadataFiles(of: archive.files)
        guard !files.isEmpty else {
            throw ImportProblem(
                line: 0,
                reason: "it holds no metadata_<n>_to_<m>.json files, which list the items of Omnivore's export (it holds \(archive.fileListing)); check that it is Omnivore's export")
        }
        return OmnivoreReader(archive: archive, metadataFiles: files)
    }

    /// The metadata files among `files`, by their first number (then by name).
    static func metadataFiles(of files: [String]) -> [String] {
        files.compactMap { name in metadataNumber(name).map { (name, $0) } }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
    }

    /// `metadata_40_to_60.json` → 40; `nil` for a name that is not a metadata file's. A name
    /// without numbers (`metadata.json`) counts as 0.
    static func metadataNumber(_ name: String) -> Int? {
        let base = (name as NSString).lastPathComponent.lowercased()
        guard base.hasPrefix("metadata"), base.hasSuffix(".json") else { return nil }
        let middle = base.dropFirst("metadata".count).dropLast(".json".count)
        guard middle.isEmpty || middle.hasPrefix("_") else { return nil }
        return Int(middle.dropFirst().prefix { $0.isASCII && $0.isNumber }) ?? 0
    }

    /// The article of `item`, at `line` of the metadata file `file`, with its content and
    /// highlights from `archive`; before it, problems with its content or highlights files; or
    /// the problem that skips it (an ignored one for a deleted item).
    static func results(
        for item: OmnivoreItem, file: String, line: Int, archive: ExportArchive
    ) -> [Result<ImportedArticle, ImportProblem>] {
        func problem(_ reason: String) -> ImportProblem { ImportProblem(line: line, reason: reason, file: file) }
        let label = item.slug.map { " (\($0))" } ?? ""
        let state = item.state?.trimmingWhitespace().lowercased()
        if state == "deleted" {
            // Left out whatever else is wrong with it: it is no longer the user's article.
            return [.failure(.ignored(line: line, reason: "the item\(label) was deleted in Omnivore (state \(item.state ?? ""))", file: file))]
        }
        guard let url = item.url?.trimmingWhitespace(), !url.isEmpty else {
            return [.failure(problem("the item\(label) has no url"))]
        }
        // An unreadable savedAt is left out: the article is saved at the time of the import.
        let addedAt = item.savedAt.flatMap(Date.init(exportedTime:))
        var progress: ReadingProgress?
        if let percent = item.readingProgress, percent.isFinite, percent > 0 {
            progress = ReadingProgress(clamping: Int((min(percent, 100) * 100).rounded()))
        }
        let archived = state == "archived"
        var draft = ArticleDraft(
            source: .url(url), headline: nonEmpty(item.title), byline: nonEmpty(item.author),
            excerpt: nonEmpty(item.description), publishedAt: item.publishedAt.flatMap(Date.init(exportedTime:)),
            tags: item.labels, addedAt: addedAt)
        var results: [Result<ImportedArticle, ImportProblem>] = []
        var highlights: [ImportedHighlight] = []
        if let slug = item.slug, isPlainName(slug) {
            let folder = (file as NSString).deletingLastPathComponent
            let prefix = folder.isEmpty ? "" : folder + "/"
            let contentFile = prefix + "content/\(slug).html"
            if archive.contains(contentFile) {
                do throws(ImportProblem) {
                    let extracted = ArticleExtractor.extract(html: try archive.data(of: contentFile), baseURL: URL(string: url))
                    if !extracted.text.isEmpty { draft.content = extracted.text }
                    draft.headline = draft.headline ?? extracted.title
                    draft.siteName = extracted.siteName
                    draft.language = extracted.language
                    if draft.byline == nil { draft.byline = extracted.byline }
                } catch {
                    results.append(.failure(error))
                }
            }
            let highlightsFile = prefix + "highlights/\(slug).md"
            if archive.contains(highlightsFile) {
                do throws(ImportProblem) {
                    highlights = OmnivoreHighlights.parse(String(decoding: try archive.data(of: highlightsFile), as: UTF8.self))
                } catch {
                    results.append(.failure(error))
                }
            }
        }
        results.append(.success(ImportedArticle(
            draft: draft, isRead: archived, isArchived: archived, progress: progress, highlights: highlights, line: line,
            file: file)))
        return results
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.trimmingWhitespace(), !text.isEmpty else { return nil }
        return text
    }

    /// Whether a slug names a file and nothing else: no folder separators, not `.` or `..`.
    private static func isPlainName(_ slug: String) -> Bool {
        !slug.isEmpty && slug != "." && slug != ".." && !slug.contains("/") && !slug.contains("\\")
    }
}
