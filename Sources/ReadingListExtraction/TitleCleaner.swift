import Foundation

/// Removes a site name that pages put before or after the headline in a title,
/// such as "Headline | Site", "Site - Headline", "Headline — Site", "Headline :: Site"
/// or "Headline » Site".
enum TitleCleaner {
    static let separators = [" | ", " - ", " — ", " – ", " :: ", " » ", " · ", " / "]

    /// The title without a leading or trailing part that names the site.
    ///
    /// - Parameters:
    ///   - siteName: the site's name, if the page states it; a part that matches it is removed.
    ///   - removingShorterPart: also remove a trailing (else leading) part that is shorter
    ///     than the rest, for titles whose site name the page does not state.
    static func clean(_ title: String, siteName: String?, removingShorterPart: Bool) -> String {
        let title = title.collapsingWhitespace()
        guard let last = lastSeparator(in: title), let first = firstSeparator(in: title) else { return title }
        let suffixSplit = (kept: String(title[..<last.lowerBound]), other: String(title[last.upperBound...]))
        let prefixSplit = (kept: String(title[first.upperBound...]), other: String(title[..<first.lowerBound]))
        if let siteName, !siteName.looseComparisonKey.isEmpty {
            if names(suffixSplit.other, siteName) { return clean(suffixSplit.kept, siteName: siteName, removingShorterPart: false) }
            if names(prefixSplit.other, siteName) { return prefixSplit.kept.trimmingWhitespace() }
        }
        guard removingShorterPart else { return title }
        if isRemovable(suffixSplit.other, comparedWith: suffixSplit.kept) { return suffixSplit.kept.trimmingWhitespace() }
        if isRemovable(prefixSplit.other, comparedWith: prefixSplit.kept) { return prefixSplit.kept.trimmingWhitespace() }
        return title
    }

    private static func names(_ part: String, _ siteName: String) -> Bool {
        let partKey = part.looseComparisonKey
        let siteKey = siteName.looseComparisonKey
        guard !partKey.isEmpty else { return false }
        return partKey == siteKey || (partKey.count >= 4 && siteKey.hasPrefix(partKey))
            || (siteKey.count >= 4 && partKey.hasPrefix(siteKey) && part.wordCount <= siteName.wordCount + 2)
    }

    /// A part is taken for a site name when it is shorter than the rest, a few words long,
    /// and the rest is still a real headline.
    private static func isRemovable(_ part: String, comparedWith kept: String) -> Bool {
        let partWords = part.wordCount
        return partWords >= 1 && partWords <= 6 && part.count < kept.count && kept.wordCount >= 3
    }

    private static func lastSeparator(in title: String) -> Range<String.Index>? {
        separators.compactMap { title.range(of: $0, options: .backwards) }.max { $0.lowerBound < $1.lowerBound }
    }

    private static func firstSeparator(in title: String) -> Range<String.Index>? {
        separators.compactMap { title.range(of: $0) }.min { $0.lowerBound < $1.lowerBound }
    }
}
