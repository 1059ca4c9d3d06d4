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
    /// Schemes of links that browsers keep among bookmarks but that are no web pages: queries
    /// (`place:`), bookmarklets (`javascript:`), the browser's own pages, local files, mail.
    static let nonWebSchemes: Set<String> = [
        "place", "javascript", "data", "about", "blob", "chrome", "chrome-extension", "edge", "brave", "opera",
        "vivaldi", "moz-extension", "resource", "view-source", "file", "mailto", "tel", "sms",
    ]

    /// The link's address, or a problem when it has none. A link to no web page (a scheme of
    /// ``nonWebSchemes``, or an address within the exporting site such as Shaarli's `?abc123`
    /// notes) is left out on purpose, counted as ignored; other addresses that are not web pages
    /// are refused when saved, by the rules every format shares (SPEC.md §2.3).
    func address() -> Result<String, ImportProblem> {
        let href = (attributes["href"] ?? "").trimmingWhitespace()
        guard !href.isEmpty else { return .failure(ImportProblem(line: line, reason: "the link has no address (HREF)")) }
        if let colon = href.firstIndex(of: ":"), Self.nonWebSchemes.contains(href[..<colon].lowercased()) {
            return .failure(.ignored(line: line, reason: "\(href[..<colon].lowercased()): links are no web pages; not imported"))
        }
        if href.hasPrefix("?") || href.hasPrefix("#") {
            return .failure(.ignored(line: line, reason: "a link within the exporting site (\(href.prefix(40))), no web page; not imported"))
        }
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
