/// Extracts an article from plain text, such as a page's text saved as a `.txt` file.
///
/// The headline is the most headline-like of the short lines before the body starts:
/// 4–25 words, not ending like a sentence, preferring Title Case and longer lines, never a
/// line of site chrome ("Connect with us", "Subscribe", "via ABC News"). Chrome lines before
/// it are dropped; a short "By …" or "via …" line right after it becomes the byline or site
/// name; a trailing "Most Popular", "You May Also Like"… section is cut off.
enum PlainTextArticleParser {
    /// The longest title taken from the first line when no line looks like a headline.
    static let maximumFallbackTitleLength = 200

    /// How many non-empty lines at the start are considered for the headline.
    static let headlineSearchLines = 30

    static func extract(_ rawText: String) -> ExtractedArticle {
        var text = rawText.replacingLineEndings()
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).collapsingWhitespace() }
        let nonEmpty = lines.indices.filter { !lines[$0].isEmpty }
        guard let firstLine = nonEmpty.first else { return ExtractedArticle(text: "") }

        let bodyStart = nonEmpty.first { isBodyParagraph(lines[$0]) } ?? lines.count
        let leading = nonEmpty.prefix { $0 < bodyStart }.prefix(headlineSearchLines)
        var title: String?
        var lastConsumed: Int  // lines up to and including this index are not body text
        let scores = Dictionary(uniqueKeysWithValues: leading.enumerated().map { position, index in
            let followedByCredit = nonEmpty.first(where: { $0 > index }).map { isCreditLine(lines[$0]) } ?? false
            return (index, headlineScore(lines[index], position: position, of: leading.count, followedByCredit: followedByCredit))
        })
        if let headline = leading.max(by: { scores[$0, default: 0] < scores[$1, default: 0] }), scores[headline, default: 0] > 0 {
            title = withoutHeadingMarkers(lines[headline])
            lastConsumed = headline
            // A Markdown/Setext underline ("=====") belongs to the headline.
            if let next = nonEmpty.first(where: { $0 > headline }), next == headline + 1,
               lines[next].allSatisfy({ $0 == "=" || $0 == "-" }) {
                lastConsumed = next
            }
        } else {
            title = lines[firstLine].truncatedAtWordBoundary(limit: maximumFallbackTitleLength)
            lastConsumed = firstLine == bodyStart ? firstLine - 1 : firstLine
        }

        var byline: String?
        var siteName: String?
        if let next = nonEmpty.first(where: { $0 > lastConsumed }), isCreditLine(lines[next]) {
            let line = lines[next]
            let lowered = line.lowercased()
            if lowered.hasPrefix("via ") {
                siteName = String(line.dropFirst(4)).trimmingTrailing { ".,;:".contains($0) }
                lastConsumed = next
            } else if lowered.hasPrefix("by "), let name = BylineLocator.cleanByline(line) {
                byline = name
                lastConsumed = next
            }
        }

        let bodyLines = withoutTrailingBoilerplate(Array(lines[(lastConsumed + 1)...]))
        let paragraphs = paragraphs(from: bodyLines)
        let excerpt = paragraphs.first { $0.count >= 80 && !$0.hasPrefix("• ") }
            .map { $0.truncatedAtWordBoundary(limit: 300) }
        return ExtractedArticle(
            title: title?.isEmpty == false ? title : nil,
            byline: byline,
            siteName: siteName?.isEmpty == false ? siteName : nil,
            excerpt: excerpt,
            text: paragraphs.joined(separator: "\n\n")
        )
    }

    // MARK: Headline

    /// Long prose, where the article body begins: 25 words or more, or a sentence of 12 or more.
    static func isBodyParagraph(_ line: String) -> Bool {
        let words = line.wordCount
        return words >= 25 || (words >= 12 && endsLikeSentence(line))
    }

    /// The line without Markdown heading markers ("## Title" → "Title").
    static func withoutHeadingMarkers(_ line: String) -> String {
        guard line.hasPrefix("#") else { return line }
        return line.drop { $0 == "#" }.trimmingWhitespace()
    }

    /// A short "By …" or "via …" line.
    static func isCreditLine(_ line: String) -> Bool {
        let lowered = line.lowercased()
        return (lowered.hasPrefix("by ") || lowered.hasPrefix("via ")) && line.wordCount <= 10
    }

    /// Zero for lines that cannot be a headline; otherwise higher for Title Case, longer lines,
    /// lines nearer the body (site chrome comes first) and lines followed by a "By"/"via" line.
    static func headlineScore(_ line: String, position: Int, of count: Int, followedByCredit: Bool) -> Double {
        let base = headlineScore(line)
        guard base > 0 else { return 0 }
        let nearness = count > 1 ? Double(position) / Double(count - 1) : 1
        return base + 2 * nearness + (followedByCredit ? 2 : 0)
    }

    /// Zero for lines that cannot be a headline; otherwise higher for Title Case and longer lines.
    static func headlineScore(_ rawLine: String) -> Double {
        let line = withoutHeadingMarkers(rawLine)
        let words = line.wordCount
        guard (4...25).contains(words), let last = line.last, !".?!:;,".contains(last) else { return 0 }
        let lowered = line.lowercased()
        guard !lowered.hasPrefix("via "), !lowered.hasPrefix("by "), !isChrome(lowered) else { return 0 }
        let separators = line.filter { "|•·»".contains($0) }.count
        guard separators < 2 else { return 0 }
        return 1 + 1.5 * titleCaseRatio(line) + Double(min(words, 15)) / 15
    }

    private static func endsLikeSentence(_ line: String) -> Bool {
        var trimmed = Substring(line)
        while let last = trimmed.last, "\"'”’)]»".contains(last) { trimmed = trimmed.dropLast() }
        guard let last = trimmed.last else { return false }
        return ".!?…。！？".contains(last)
    }

    /// The share of words, small function words aside, that start with a capital letter.
    static func titleCaseRatio(_ line: String) -> Double {
        let words = line.split(whereSeparator: { $0.isWhitespace })
            .map { $0.drop { !$0.isLetter && !$0.isNumber } }
            .filter { $0.first?.isLetter == true && !smallWords.contains($0.lowercased()) }
        guard !words.isEmpty else { return 0 }
        let capitalized = words.filter { $0.first?.isUppercase == true }.count
        return Double(capitalized) / Double(words.count)
    }

    private static let smallWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
        "from", "as", "is", "vs", "via", "per", "up", "off", "into", "onto", "over",
    ]

    /// Phrases of site navigation and calls to action, which are never headlines.
    private static let chromePhrases = [
        "connect with us", "what are you looking for", "skip to", "sign in", "sign up", "log in", "login",
        "subscribe", "newsletter", "follow us", "share this", "advertisement", "cookie", "privacy policy",
        "terms of", "all rights reserved", "menu", "search", "download the app", "contact us", "about us",
        "click here", "read more", "jump to", "toggle", "navigation",
    ]

    private static func isChrome(_ lowered: String) -> Bool {
        if lowered.contains("http://") || lowered.contains("https://") || lowered.contains("www.") || lowered.contains("©") {
            return true
        }
        let key = " " + String(lowered.map { $0.isLetter || $0.isNumber ? $0 : " " }).collapsingWhitespace() + " "
        return chromePhrases.contains { key.contains(" " + $0 + " ") }
    }

    // MARK: Body

    /// Short lines that open the related-links and sharing sections sites append to articles.
    private static let trailingSectionHeadings: Set<String> = [
        "most popular", "most read", "you may also like", "you might also like", "related", "related articles",
        "related stories", "related posts", "related content", "read more", "read next", "more stories",
        "recommended", "recommended for you", "trending", "trending now", "share this", "share this article",
        "share this story", "share", "comments", "leave a comment", "leave a reply", "advertisement",
        "sponsored", "sponsored content", "also read", "popular posts", "latest news", "more from us",
        "sign up for our newsletter", "subscribe to our newsletter", "don't miss", "don’t miss",
    ]

    /// The lines up to the first trailing-section heading that starts in the last third of the text.
    static func withoutTrailingBoilerplate(_ lines: [String]) -> [String] {
        let total = lines.reduce(0) { $0 + $1.count + 1 }
        var offset = 0
        for (index, line) in lines.enumerated() {
            defer { offset += line.count + 1 }
            guard offset * 3 >= total * 2, line.wordCount <= 8 else { continue }
            let key = line.lowercased().trimmingTrailing { ":.!…-–—»›>".contains($0) }
            if trailingSectionHeadings.contains(key) {
                return Array(lines[..<index])
            }
        }
        return lines
    }

    /// Groups lines into paragraphs at blank lines. Within a group, hard-wrapped lines are
    /// joined with spaces, long unwrapped lines each become a paragraph, bulleted lines become
    /// "• " items, and other short lines keep their line breaks.
    static func paragraphs(from lines: [String]) -> [String] {
        var groups: [[String]] = [[]]
        for line in lines {
            if line.isEmpty {
                if !(groups.last?.isEmpty ?? true) { groups.append([]) }
            } else {
                groups[groups.count - 1].append(line)
            }
        }
        return groups.filter { !$0.isEmpty }.flatMap(paragraphs(fromGroup:))
    }

    private static func paragraphs(fromGroup group: [String]) -> [String] {
        if group.contains(where: { listItemText($0) != nil }) {
            var items: [String] = []
            for line in group {
                if let item = listItemText(line) {
                    items.append(item)
                } else if let last = items.popLast() {
                    items.append(last + " " + line)
                } else {
                    items.append(line)
                }
            }
            return [items.joined(separator: "\n")]
        }
        let longest = group.map(\.count).max() ?? 0
        if group.count > 1 && longest <= 100 && longest >= 40
            && group.dropLast().allSatisfy({ Double($0.count) >= 0.6 * Double(longest) }) {
            return [group.joined(separator: " ")]
        }
        if longest > 100 { return group }
        return [group.joined(separator: "\n")]
    }

    /// A line that starts with a list marker as a list line: bullets ("- ", "* ", "• ")
    /// become "• ", numbered items ("1. ", "2) ") keep their number.
    private static func listItemText(_ line: String) -> String? {
        for marker in ["- ", "* ", "• ", "· ", "– ", "+ "] where line.hasPrefix(marker) {
            let item = String(line.dropFirst(marker.count)).trimmingWhitespace()
            return item.isEmpty ? nil : "• " + item
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count) else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
        return rest.dropFirst(2).trimmingWhitespace().isEmpty ? nil : line
    }
}
