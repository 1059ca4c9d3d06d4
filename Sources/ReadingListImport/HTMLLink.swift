import Foundation
import ReadingListModel

/// A link (`<a href>`) of an HTML export file, with where it stands in the file: the folders
/// around it, the heading above it and the description after it.
struct HTMLLink {
    /// A folder: a heading (`<H3>`) whose list (`<DL>`) holds the link.
    struct Folder {
        /// The heading's text, whitespace collapsed.
        var name: String
        /// The heading's attributes by lowercased name.
        var attributes: [String: String]
    }

    /// The link's attributes by lowercased name, entities decoded.
    var attributes: [String: String]
    /// The link's text, whitespace collapsed.
    var title: String
    /// The line the link starts on.
    var line: Int
    /// The folders holding the link, outermost first.
    var folders: [Folder]
    /// The text of the last `<h1>` or `<h2>` before the link, whitespace collapsed.
    var section: String?
    /// The text of a `<DD>` right after the link, line ends kept.
    var description: String?
}

extension HTMLLink {
    /// The link's address, or a problem when it has none. Addresses that are not web pages
    /// (`place:` queries, `javascript:` bookmarklets, `data:` URLs) are refused when saved, by
    /// the rules every format shares (SPEC.md §2.3), and skipped with their lines then.
    func address() -> Result<String, ImportProblem> {
        let href = (attributes["href"] ?? "").trimmingWhitespace()
        guard !href.isEmpty else { return .failure(ImportProblem(line: line, reason: "the link has no address (HREF)")) }
        return .success(href)
    }

    /// The time in the attribute `name` (Unix seconds, or milliseconds or microseconds), or
    /// `nil` when it is missing, empty, 0 (unknown) or unreadable (`yesterday`, a negative
    /// number): a link is worth importing without its time, which is then the import's.
    func time(_ name: String) -> Date? {
        let text = (attributes[name] ?? "").trimmingWhitespace()
        guard !text.isEmpty, text != "0" else { return nil }
        return Date(exportedTime: text)
    }

    /// The comma-separated names in the attribute `name`, trimmed, empty ones left out.
    func names(_ name: String) -> [String] {
        (attributes[name] ?? "").split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// The link's text as a headline: `nil` when it is empty or only repeats the address.
    var headline: String? {
        title.isEmpty || title == attributes["href"]?.trimmingWhitespace() ? nil : title
    }
}
