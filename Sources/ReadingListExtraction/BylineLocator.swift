import Foundation

/// Finds the element of a page that names the author: a `rel="author"` link, an
/// `itemprop="author"` element, or an element whose class or id words include "byline"
/// or "author" and whose text is short.
struct BylineLocator {
    /// The longest text, in characters, a byline element may hold.
    static let maximumLength = 100

    let filter: ContentFilter

    /// The first byline element in document order, searching `scopes` in turn and skipping
    /// navigation, footers and comments (whose "comment-author"s are not the author).
    func bylineElement(in scopes: [HTMLElement]) -> HTMLElement? {
        let isSearched = { (element: HTMLElement) in !filter.isExcluded(element) && !Self.isOffTopic(element) }
        for scope in scopes {
            let found = scope.first(where: { isSearched($0) && isBylineElement($0) }, descendingInto: isSearched)
            if let found { return found }
        }
        return nil
    }

    /// Navigation, footers, comments, and what Readability drops as unlikely candidates
    /// (headers, menus, sidebars…) before it looks for the byline.
    private static func isOffTopic(_ element: HTMLElement) -> Bool {
        ["nav", "footer"].contains(element.name) || element.classAndIDTokens.contains(where: ContentFilter.isStrongNegative)
            || element.isUnlikelyCandidate
    }

    /// The author's name in a byline element: the text of its first `itemprop="name"`
    /// descendant when it has one, else its whole text; without "By" and dates.
    static func byline(in element: HTMLElement) -> String? {
        let named = element.descendants().first { element in
            element.attribute("itemprop")?.lowercased().contains("name") == true && !element.normalizedText.isEmpty
        }
        return cleanByline((named ?? element).normalizedText)
    }

    /// A byline text without a leading "By", without a date or count that follows the name
    /// ("Dan Goodin - Apr 16, 2015", "Sarah Gooding March 9, 2017"), and without surrounding
    /// punctuation; nil when it is empty or too long to be a name.
    static func cleanByline(_ text: String) -> String? {
        var byline = text.collapsingWhitespace()
        let lowered = byline.lowercased()
        for prefix in ["by:", "by "] where lowered.hasPrefix(prefix) {
            byline = String(byline.dropFirst(prefix.count))
            break
        }
        for separator in [" | ", " - ", " – ", " — ", " • ", " · "] {
            if let range = byline.range(of: separator), byline[..<range.lowerBound].contains(where: \.isLetter) {
                byline = String(byline[..<range.lowerBound])
            }
        }
        if let firstDigit = byline.firstIndex(where: \.isNumber), byline[..<firstDigit].contains(where: \.isLetter) {
            var words = byline[..<firstDigit].split(separator: " ")
            while let last = words.last, words.count > 1, monthNames.contains(last.lowercased().trimming(charactersIn: ".,")) {
                words.removeLast()
            }
            byline = words.joined(separator: " ")
        }
        byline = byline.trimming(charactersIn: " ,;:|-–—").trimmingWhitespace()
        guard !byline.isEmpty, byline.count <= maximumLength, !byline.hasPrefix("http") else { return nil }
        guard byline.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return nil }
        return byline
    }

    private static let monthNames: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "on", "updated", "published", "posted",
    ]

    private func isBylineElement(_ element: HTMLElement) -> Bool {
        let rel = element.attribute("rel")?.lowercased().split(separator: " ") ?? []
        let itemprop = element.attribute("itemprop")?.lowercased().split(separator: " ") ?? []
        let words = element.classAndIDTokens
        guard rel.contains("author") || itemprop.contains("author")
            || words.contains("byline") || words.contains("author") || words.contains("writtenby") else { return false }
        // "author-bio" boxes and "authors" pages are not bylines.
        if words.contains(where: { ["bio", "biography", "avatar", "image", "photo", "img", "description"].contains($0) }) {
            return false
        }
        let text = element.normalizedText
        return text.count <= Self.maximumLength && Self.cleanByline(text) != nil
    }
}
