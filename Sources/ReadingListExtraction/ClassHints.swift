/// Readability's class and id hint lists, matched anywhere in the lowercased attribute
/// (`post-body` and `postbody` both name content).
enum ClassHints {
    /// Words that name content.
    static let positive = [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text",
        "blog", "story",
    ]

    /// Words that name furniture (with `hid` as a whole word, checked apart).
    static let negative = [
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media", "meta",
        "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping",
        "tags", "widget",
    ]

    /// Words that make an element an unlikely place for the article (Readability removes it
    /// before looking for the article or the byline).
    static let unlikely = [
        "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
        "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
        "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
        "yom-remote",
    ]

    /// Words that keep an unlikely-looking element ("article-header-column").
    static let maybeCandidate = ["and", "article", "body", "column", "content", "main", "mathjax", "shadow"]

    /// Roles of elements that are never the article.
    static let unlikelyRoles: Set<String> = ["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"]

    /// Readability's class weight: +25 for each of the class and id that holds a positive word,
    /// −25 for each that holds a negative one.
    static func weight(of element: HTMLElement) -> Int {
        var weight = 0
        for attribute in ["class", "id"] {
            guard let value = element.attributes[attribute], !value.isEmpty else { continue }
            let bytes = Array(value.lowercased().utf8)
            if negativeBytes.contains(where: { contains(bytes, $0) }) || bytes.split(separator: 0x20).contains(where: { $0.elementsEqual("hid".utf8) }) {
                weight -= 25
            }
            if positiveBytes.contains(where: { contains(bytes, $0) }) { weight += 25 }
        }
        return weight
    }

    /// Whether Readability would drop the element as an unlikely candidate: its class and id
    /// hold an unlikely word and no maybe-candidate word, or its role is an unlikely one.
    /// Links, the body, and elements inside tables or code are never unlikely.
    static func isUnlikelyCandidate(_ element: HTMLElement) -> Bool {
        if element.name == "body" || element.name == "a" { return false }
        if let role = element.attribute("role")?.lowercased(), unlikelyRoles.contains(role) { return true }
        let bytes = element.lowercasedClassAndID
        guard !bytes.isEmpty else { return false }
        guard unlikelyBytes.contains(where: { contains(bytes, $0) }),
              !maybeCandidateBytes.contains(where: { contains(bytes, $0) }) else { return false }
        return element.ancestor { $0.name == "table" || $0.name == "code" } == nil
    }

    private static let positiveBytes = positive.map { Array($0.utf8) }
    private static let negativeBytes = negative.map { Array($0.utf8) }
    private static let unlikelyBytes = unlikely.map { Array($0.utf8) }
    private static let maybeCandidateBytes = maybeCandidate.map { Array($0.utf8) }

    /// Whether `needle` occurs in `haystack` (a plain byte search; hints are short).
    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let first = needle[0]
        for start in 0...(haystack.count - needle.count) where haystack[start] == first {
            var matched = true
            for offset in 1..<needle.count where haystack[start + offset] != needle[offset] {
                matched = false
                break
            }
            if matched { return true }
        }
        return false
    }
}
