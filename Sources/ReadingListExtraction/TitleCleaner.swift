/// Finds the headline in a page's `<title>` the way Mozilla Readability does (`_getArticleTitle`):
///
/// - With a spaced separator (` | `, ` - `, ` \ `, ` / `, ` > `, ` » `), the part after the
///   last one is dropped; if fewer than three words remain, the part up to the first one is
///   dropped instead.
/// - Otherwise, with a `: `, the part after the last colon is kept (after the first colon when
///   that is too short; the whole title when more than five words precede the colon), unless an
///   `<h1>`/`<h2>` holds exactly the title.
/// - Otherwise a title shorter than 15 or longer than 150 characters gives way to the page's
///   only `<h1>`.
/// - A result of four words or fewer is replaced by the whole title, unless only the site part
///   of a title with hierarchical separators (` \ `, ` / `, ` > `, ` » `) was removed.
///
/// One addition: when the result is the site's own name, the other part is kept instead.
enum TitleCleaner {
    static let separators: Set<Character> = ["|", "-", "\\", "/", ">", "»"]
    static let hierarchicalSeparators: Set<Character> = ["\\", "/", ">", "»"]

    /// The headline in `documentTitle`.
    ///
    /// - Parameters:
    ///   - siteName: the site's name, if the page states it.
    ///   - headings: the texts of the page's `<h1>` and `<h2>` elements, asked for only when needed.
    ///   - onlyH1: the text of the page's `<h1>` when it has exactly one, asked for only when needed.
    static func articleTitle(
        documentTitle: String, siteName: String?, headings: () -> [String], onlyH1: () -> String?
    ) -> String {
        let original = documentTitle.collapsingWhitespace()
        var title = original
        var hadHierarchicalSeparators = false
        let separatorPositions = spacedSeparatorPositions(in: original)
        if let last = separatorPositions.last, let first = separatorPositions.first {
            hadHierarchicalSeparators = separatorPositions.contains { hierarchicalSeparators.contains(original[$0]) }
            title = String(original[..<original.index(before: last)])
            if wordCount(title) < 3 {
                title = String(original[original.index(after: firstSeparatorCharacter(in: original) ?? first)...])
            }
            if let siteName, title.isLooselyEqual(to: siteName) {
                // The site's name is the longer part ("Vote delayed | The Very Long Name Of A Newspaper").
                let other = original.index(after: last) == original.endIndex ? "" : String(original[original.index(after: last)...])
                let before = String(original[..<original.index(before: last)])
                title = other.isLooselyEqual(to: siteName) ? before : other
                if wordCount(title) <= 4 { return title.collapsingWhitespace() }
            }
        } else if original.contains(": ") {
            if !headings().contains(where: { $0.collapsingWhitespace() == original }) {
                let lastColon = original.lastIndex(of: ":")!
                let firstColon = original.firstIndex(of: ":")!
                title = String(original[original.index(after: lastColon)...])
                if wordCount(title) < 3 {
                    title = String(original[original.index(after: firstColon)...])
                } else if wordCount(String(original[..<firstColon])) > 5 {
                    title = original
                }
            }
        } else if original.utf16.count > 150 || original.utf16.count < 15, let heading = onlyH1() {
            title = heading
        }
        title = title.collapsingWhitespace()
        let words = wordCount(title)
        let originalWithoutSeparators = String(original.filter { !separators.contains($0) })
        if words <= 4 && (!hadHierarchicalSeparators || words != wordCount(originalWithoutSeparators) - 1) {
            return original
        }
        return title
    }

    /// Positions of separator characters with a space on each side, in order.
    private static func spacedSeparatorPositions(in title: String) -> [String.Index] {
        var positions: [String.Index] = []
        var index = title.startIndex
        while index < title.endIndex {
            let next = title.index(after: index)
            if separators.contains(title[index]), index > title.startIndex, next < title.endIndex,
               title[title.index(before: index)] == " ", title[next] == " " {
                positions.append(index)
            }
            index = next
        }
        return positions
    }

    /// The first separator character, spaced or not (Readability drops everything up to it).
    private static func firstSeparatorCharacter(in title: String) -> String.Index? {
        title.firstIndex { separators.contains($0) }
    }

    /// Words as Readability counts them: runs separated by whitespace.
    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }
}
