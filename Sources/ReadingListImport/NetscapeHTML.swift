import Foundation
public import ReadingListModel

/// Netscape bookmark files (readitlater.md §2.4), the bookmark exports of browsers (Firefox,
/// Chrome, Edge, Safari) and of Pinboard, Shaarli, Raindrop, linkding and Karakeep, with or
/// without the `<!DOCTYPE NETSCAPE-Bookmark-file-1>` line. Unclosed `<DT>`, `<DD>` and `<p>`
/// tags are closed by libxml2's HTML parser.
///
/// - Each `<A HREF>` is a bookmark and its text the title; `ADD_DATE` is the save time, in Unix
///   seconds (13- and 16-digit milliseconds and microseconds are scaled down); a bookmark whose
///   `ADD_DATE` is missing, empty or unreadable (`yesterday`) is imported without it (saved at
///   the time of the import). `TAGS` holds comma-separated tags.
/// - Each folder (`<H3>`) around a bookmark adds its name as a tag, except a browser's own root
///   folders: the toolbar (`PERSONAL_TOOLBAR_FOLDER="true"`), Firefox's unfiled bookmarks
///   (`UNFILED_BOOKMARKS_FOLDER="true"`), and folders named as in ``rootFolderNames``.
/// - Read state: `TOREAD="1"` is unread. A file in which any bookmark has a `TOREAD` attribute
///   (Pinboard, linkding) keeps read state, so its bookmarks without `TOREAD="1"` are marked
///   read; a file in which none has one (a browser's) marks nothing read.
/// - readlist's own `ARCHIVED="1"` and `FAVORITE="1"` archive and make a favourite, and so does
///   Raindrop's `DATA-IMPORTANT="true"`.
/// - linkding's archive marker, the tag `linkding:bookmarks.archived` (`linkding:archived` in
///   older versions), archives the bookmark and is not kept as a tag.
/// - The `<DD>` after a bookmark is its excerpt. linkding's notes
///   (`[linkding-notes]…[/linkding-notes]`) follow the description there, after a blank line,
///   without the markers: readlist has no note on an article, and notes are the user's own words.
/// - Links to no web page (`place:` queries, `javascript:` bookmarklets, `data:`, `about:`,
///   `file:` and the like, ``HTMLLink/nonWebSchemes``) are left out and counted as ignored;
///   other addresses the URL rules refuse are skipped as problems with their lines.
public enum NetscapeHTML {
    /// Names of browsers' root folders (compared without regard to case), which are not tags.
    public static let rootFolderNames: Set<String> = [
        "bookmarks toolbar", "bookmarks bar", "bookmarks menu", "other bookmarks", "mobile bookmarks",
        "favorites bar", "other favorites",
    ]

    /// The tags with which linkding marks an archived bookmark.
    static let archivedTags: Set<String> = ["linkding:bookmarks.archived", "linkding:archived"]

    /// The bookmarks of the file at `path`, one at a time. The file is read through once
    /// first, to learn whether it keeps read state.
    /// - Throws: ``ImportProblem`` (line 0) when the file cannot be read, is empty, or holds no
    ///   bookmarks (no `<A>` element at all).
    public static func records(at path: String) throws(ImportProblem) -> HTMLArticleReader {
        let survey = try HTMLFileSurvey(path: path)
        guard survey.hasLinks else {
            throw ImportProblem(line: 0, reason: "the file holds no bookmarks (no <A HREF=…> links)")
        }
        let keepsReadState = survey.hasReadState
        return HTMLArticleReader(path: path, encoding: survey.encoding) { article(from: $0, keepsReadState: keepsReadState) }
    }

    static func article(from link: HTMLLink, keepsReadState: Bool) -> Result<ImportedArticle, ImportProblem> {
        let url: String
        switch link.address() {
        case .failure(let problem): return .failure(problem)
        case .success(let address): url = address
        }
        let addedAt = link.time("add_date")
        var tags = link.folders.filter { !isRoot($0) }.map(\.name)
        var archived = false
        for tag in link.names("tags") {
            if archivedTags.contains(tag.lowercased()) { archived = true } else { tags.append(tag) }
        }
        let unread = link.attributes["toread"]?.trimmingWhitespace() == "1"
        // readlist's own export marks archived and favourite bookmarks (SPEC.md §5.1).
        if link.attributes["archived"]?.trimmingWhitespace() == "1" { archived = true }
        // Raindrop marks its favourites DATA-IMPORTANT="true".
        let favorite = link.attributes["favorite"]?.trimmingWhitespace() == "1"
            || link.attributes["data-important"]?.trimmingWhitespace().lowercased() == "true"
        return .success(ImportedArticle(
            draft: ArticleDraft(
                source: .url(url), headline: link.headline, excerpt: link.description.flatMap(excerpt(from:)), tags: tags,
                addedAt: addedAt),
            isRead: keepsReadState && !unread, isArchived: archived, isFavorite: favorite, line: link.line))
    }

    /// Whether `folder` is one of a browser's root folders.
    static func isRoot(_ folder: HTMLLink.Folder) -> Bool {
        folder.name.isEmpty || folder.attributes["personal_toolbar_folder"]?.lowercased() == "true"
            || folder.attributes["unfiled_bookmarks_folder"]?.lowercased() == "true"
            || rootFolderNames.contains(folder.name.lowercased())
    }

    /// A `<DD>` description as an excerpt: linkding's notes after the description, after a
    /// blank line, without their markers; `nil` when nothing is left.
    static func excerpt(from description: String) -> String? {
        // Line ends as "\r\n", "\r", and linkding's "\n\r" become "\n".
        var text = description.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n\r", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
        var notes = ""
        if let start = text.range(of: "[linkding-notes]") {
            let rest = text[start.upperBound...]
            let end = rest.range(of: "[/linkding-notes]")
            notes = String(rest[..<(end?.lowerBound ?? rest.endIndex)])
            text = String(text[..<start.lowerBound]) + (end.map { String(rest[$0.upperBound...]) } ?? "")
        }
        let parts = [text, notes].map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }
}
