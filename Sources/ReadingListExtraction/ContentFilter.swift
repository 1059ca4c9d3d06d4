/// Decides from an element's own tag and attributes whether it can be part of the
/// article text. Excluded: non-content tags, page chrome (`nav`, `header`, `footer`, `aside`,
/// `form`, `figcaption`), hidden elements, and blocks whose class or id words say they are
/// comments, sharing tools, related links, promotions, sidebars, newsletters or ads.
struct ContentFilter {
    /// How much the filter excludes.
    enum Strictness {
        /// Every rule applies.
        case strict
        /// Only non-content tags, page chrome, hidden elements and the strong class words
        /// (comments, related, newsletter…); used to vet the ancestors of a candidate article,
        /// where a weak word such as `sidebar` often names a layout wrapper.
        case ancestry
        /// Only non-content tags; for pages whose real content is hidden or mislabelled.
        case lenient

        /// Which pair of bits of `HTMLElement.exclusionMemo` holds this strictness's decision.
        var memoBit: UInt8 {
            switch self {
            case .strict: 0
            case .ancestry: 1
            case .lenient: 2
            }
        }
    }

    let strictness: Strictness

    init(strictness: Strictness = .strict) {
        self.strictness = strictness
    }

    /// Tags whose content is never article text, wherever they appear.
    static let alwaysExcludedTags: Set<String> = [
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "base",
        "svg", "iframe", "frame", "frameset", "object", "embed", "canvas", "video", "audio",
        "map", "select", "option", "optgroup", "textarea", "input", "button", "datalist", "dialog",
    ]

    /// Page chrome tags. A `<form>` that wraps the page's prose is the exception (ASP.NET pages).
    static let chromeTags: Set<String> = ["nav", "header", "footer", "aside", "form", "menu"]

    /// Class or id words that mark a block as not being article text.
    static let negativeWords: Set<String> = [
        "ad", "ads", "adsbygoogle", "advert", "adverts", "advertisement", "advertising", "banner",
        "breadcrumb", "breadcrumbs", "consent", "masthead", "modal", "navbar", "popup", "skip", "subscribe",
    ]

    /// Beginnings of class or id words that mark a block as not being article text
    /// (`related` also catches `relatedposts`, `comment` catches `commentlist`).
    static let negativePrefixes = [
        "comment", "disqus", "share", "sharing", "social", "related", "promo", "sidebar", "newsletter",
        "sponsor", "outbrain", "taboola", "cookie", "recirc", "recommended",
    ]

    /// Words that begin like a negative word but are article text.
    static let negativeExceptions: Set<String> = [
        "commentary", "commentaries", "commentator", "commentators", "commented", "shared", "relatedness",
    ]

    /// Words that cancel a weak negative word (`article-sidebar-wrapper` stays).
    static let positiveWords: Set<String> = ["article", "body", "content", "main", "entry", "story", "text"]

    /// Beginnings of negative words strong enough to win over a positive word (`article-comments` goes).
    static let strongNegativePrefixes = [
        "comment", "disqus", "newsletter", "outbrain", "taboola", "adsbygoogle", "cookie", "consent", "related", "recirc",
    ]

    /// Words that turn a following negative word into a description of something else
    /// (`has-sidebar`, `with-comments`, `no-ads`).
    static let qualifyingWords: Set<String> = ["has", "with", "no", "show", "enable", "enabled", "allow", "hide", "without"]

    static func isNegative(_ word: String) -> Bool {
        if negativeWords.contains(word) { return true }
        return !negativeExceptions.contains(word) && negativePrefixes.contains { word.hasPrefix($0) }
    }

    static func isStrongNegative(_ word: String) -> Bool {
        !negativeExceptions.contains(word) && strongNegativePrefixes.contains { word.hasPrefix($0) }
    }

    /// A `<form>` that wraps the page's prose (as ASP.NET pages do) rather than being a form.
    private func isPageWideForm(_ element: HTMLElement) -> Bool {
        element.name == "form" && element.descendants(named: "p").count >= 3
    }

    /// Whether the element or one of its ancestors is excluded.
    func isExcludedWithAncestors(_ element: HTMLElement) -> Bool {
        var current: HTMLElement? = element
        while let node = current {
            if isExcluded(node) { return true }
            current = node.parent
        }
        return false
    }

    /// Class or id words of responsive helpers (`hidden-xs`, `hidden-print`) that hide content
    /// only on some screens or on paper.
    static let responsiveWords: Set<String> = ["xs", "sm", "md", "lg", "xl", "mobile", "desktop", "tablet", "print"]

    /// Whether the element, with everything inside it, is left out. Decided once per element
    /// and strictness: extraction asks many times.
    func isExcluded(_ element: HTMLElement) -> Bool {
        let known: UInt8 = 1 << (strictness.memoBit * 2)
        let excluded: UInt8 = known << 1
        if element.exclusionMemo & known != 0 { return element.exclusionMemo & excluded != 0 }
        let result = decideExclusion(element)
        element.exclusionMemo |= known | (result ? excluded : 0)
        return result
    }

    private func decideExclusion(_ element: HTMLElement) -> Bool {
        if Self.alwaysExcludedTags.contains(element.name) { return true }
        if element.attribute("type")?.lowercased() == "hidden" { return true }
        if strictness == .lenient { return false }
        if Self.chromeTags.contains(element.name) && !isPageWideForm(element) { return true }
        if let role = element.attribute("role")?.lowercased(),
           ["navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search"].contains(role) {
            return true
        }
        if isHidden(element) { return true }
        if strictness == .strict && element.isUnlikelyCandidate { return true }
        return hasNegativeClassOrID(element)
    }

    /// Hidden by the `hidden` attribute, `aria-hidden="true"`, an inline `display:none` or
    /// `visibility:hidden`, or a class such as `sr-only` / `visually-hidden`.
    func isHidden(_ element: HTMLElement) -> Bool {
        if element.attributes["hidden"] != nil { return true }
        if element.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = element.attribute("style") {
            for declaration in style.lowercased().split(separator: ";") {
                let parts = declaration.split(separator: ":", maxSplits: 1).map { $0.filter { !$0.isWhitespace } }
                guard parts.count == 2 else { continue }
                if parts[0] == "display" && parts[1].hasPrefix("none") { return true }
                if parts[0] == "visibility" && parts[1].hasPrefix("hidden") { return true }
            }
        }
        // "hidden", "is-hidden", "visually-hidden", "sr-only", "screenreader-text".
        let words = element.classAndIDTokens
        let hiddenByClass = words.contains("hidden") || words.contains("invisible") || words.contains("screenreader")
            || (words.contains("sr") && words.contains("only"))
        return hiddenByClass && !words.contains(where: Self.responsiveWords.contains)
    }

    private func hasNegativeClassOrID(_ element: HTMLElement) -> Bool {
        if element.name == "body" || element.name == "html" || element.name == "a" { return false }
        let words = element.classAndIDTokens
        guard !words.isEmpty else { return false }
        var negatives: [String] = []
        for (index, word) in words.enumerated() where Self.isNegative(word) {
            if index > 0 && Self.qualifyingWords.contains(words[index - 1]) { continue }
            negatives.append(word)
        }
        guard !negatives.isEmpty else { return false }
        if negatives.contains(where: Self.isStrongNegative) { return true }
        if strictness == .ancestry { return false }
        return !words.contains { Self.positiveWords.contains($0) }
    }

    static func isSemanticContent(_ element: HTMLElement) -> Bool {
        switch element.name {
        case "article", "main": return true
        default:
            if element.attribute("itemprop")?.lowercased().split(separator: " ").contains("articlebody") == true { return true }
            return element.attribute("role")?.lowercased() == "main"
        }
    }
}
