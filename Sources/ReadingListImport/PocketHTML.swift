import Foundation
public import ReadingListModel

/// Pocket's legacy HTML export, `ril_export.html` (readitlater.md §2.1): a list of links under
/// the heading `Unread` and another under `Read Archive`, read by the same walk as Netscape
/// bookmark files.
///
/// Links under `Read Archive` (any heading naming an archive) are marked read and archived,
/// the others are unread. `time_added` is the save time in Unix seconds (a link whose
/// `time_added` is missing or unreadable is imported without it, as a bookmark without
/// `ADD_DATE` is); `tags` holds comma-separated tags; a title that only repeats the address is
/// left out.
public enum PocketHTML {
    /// The links of the file at `path`, one at a time (after a first reading that checks the
    /// file holds some).
    /// - Throws: ``ImportProblem`` (line 0) when the file cannot be read, is empty, or holds no
    ///   links (no `<a>` element at all).
    public static func records(at path: String) throws(ImportProblem) -> HTMLArticleReader {
        let survey = try HTMLFileSurvey(path: path)
        guard survey.hasLinks else {
            throw ImportProblem(line: 0, reason: "the file holds no saved links (no <a href=…> items)")
        }
        return HTMLArticleReader(path: path, encoding: survey.encoding, article: article(from:))
    }

    static func article(from link: HTMLLink) -> Result<ImportedArticle, ImportProblem> {
        let url: String
        switch link.address() {
        case .failure(let problem): return .failure(problem)
        case .success(let address): url = address
        }
        let addedAt = link.time("time_added")
        let archived = link.section?.lowercased().contains("archive") ?? false
        return .success(ImportedArticle(
            draft: ArticleDraft(source: .url(url), headline: link.headline, tags: link.names("tags"), addedAt: addedAt),
            isRead: archived, isArchived: archived, line: link.line))
    }
}
