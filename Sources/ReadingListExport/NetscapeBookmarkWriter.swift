public import Foundation
public import ReadingListModel

/// Writes a Netscape bookmark file (`NETSCAPE-Bookmark-file-1`), the HTML that browsers
/// (Firefox, Chrome, Safari) and read-it-later services (Pinboard, linkding, Karakeep,
/// Wallabag, Shiori) import. Protocol/SPEC.md §5.1 describes exactly what is written.
///
/// One `<DT><A>` per article, at the top level (no folders), with:
/// - `HREF`: the URL as saved; `ADD_DATE`: the save time in Unix seconds;
/// - `LAST_MODIFIED`: the latest time the library records for the article (saved, read, or a
///   highlight made), in Unix seconds;
/// - `TAGS`: the tag names separated by commas (a comma inside a name becomes a space), left
///   out when there are none;
/// - `TOREAD="1"` when the article is unread (the linkding and Pinboard convention), and the
///   non-standard `ARCHIVED="1"` and `FAVORITE="1"` when it is archived or a favourite;
/// - the title as the link text, and the excerpt, if any, in a `<DD>` line.
///
/// Text is on one line (white space collapsed) and `&`, `<`, `>`, `"` are escaped. Articles
/// without a URL (saved from a file) cannot be bookmarked and are left out.
public enum NetscapeBookmarkWriter {
    /// The file's first lines, up to the opening of the bookmark list.
    static let preamble = """
        <!DOCTYPE NETSCAPE-Bookmark-file-1>
        <!-- This is an automatically generated file.
             It will be read and overwritten.
             DO NOT EDIT! -->
        <META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
        <TITLE>Bookmarks</TITLE>
        <H1>Bookmarks</H1>
        <DL><p>

        """

    /// The file's last line, closing the bookmark list.
    static let closing = "</DL><p>\n"

    /// The bookmark file of the articles that have a URL, in the order given: ``preamble``,
    /// the ``entries(_:)`` of the articles, ``closing``.
    public static func document(_ articles: [Article]) -> Data {
        Data(preamble.utf8) + entries(articles) + Data(closing.utf8)
    }

    /// The lines of the articles that have a URL, in the order given.
    static func entries(_ articles: [Article]) -> Data {
        var text = ""
        for article in articles {
            guard let entry = entry(article) else { continue }
            text += entry
        }
        return Data(text.utf8)
    }

    /// The `<DT>` line (and `<DD>` line) of `article`; `nil` when it has no URL.
    static func entry(_ article: Article) -> String? {
        guard let url = article.url, !url.isEmpty else { return nil }
        var attributes = [
            ("HREF", url),
            ("ADD_DATE", unixSeconds(article.addedAt)),
            ("LAST_MODIFIED", unixSeconds(lastModified(article))),
        ]
        let tags = TagList.names(article.tags, separator: ",")
        if !tags.isEmpty { attributes.append(("TAGS", tags.joined(separator: ","))) }
        attributes.append(("TOREAD", article.isRead ? "0" : "1"))
        if article.isArchived { attributes.append(("ARCHIVED", "1")) }
        if article.isFavorite { attributes.append(("FAVORITE", "1")) }
        let list = attributes.map { "\($0.0)=\"\(HTMLText.escaped($0.1))\"" }.joined(separator: " ")
        var line = "    <DT><A \(list)>\(HTMLText.escaped(article.title))</A>\n"
        if let excerpt = article.excerpt.map(HTMLText.escaped), !excerpt.isEmpty {
            line += "    <DD>\(excerpt)\n"
        }
        return line
    }

    /// The latest time the library records for `article`: when it was saved, read, or last
    /// highlighted. (A time from the sync stamps would differ between replicas with equal
    /// state, and exports of equal libraries are byte-identical.)
    static func lastModified(_ article: Article) -> Date {
        ([article.addedAt] + [article.readAt].compactMap { $0 } + article.highlights.map(\.createdAt)).max() ?? article.addedAt
    }

    /// Whole seconds since 1970, rounded down.
    static func unixSeconds(_ date: Date) -> String {
        String(Int64((date.timeIntervalSince1970).rounded(.down)))
    }
}
