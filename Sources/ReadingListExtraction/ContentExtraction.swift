import Foundation

/// The main content of a page under one content filter: where it is, its text blocks,
/// and the headline, byline element and `<time>` found around it.
struct ContentExtraction {
    /// The element naming the author, if the page has one.
    let bylineElement: HTMLElement?
    let blocks: [ContentTextRenderer.Block]

    /// The element whose headline and dates belong to the article: the nearest
    /// `<article>` or `<main>` around the content, else the content itself.
    let scope: HTMLElement

    init(body: HTMLElement, filter: ContentFilter) {
        let statistics = TextStatistics(root: body, filter: filter)
        let selection = MainContentLocator(filter: filter, statistics: statistics).locate(in: body)
        let primary = selection.primary
        self.scope = ["article", "main"].contains(primary.name)
            ? primary
            : primary.ancestor { ["article", "main"].contains($0.name) } ?? primary
        let bylineElement = BylineLocator(filter: ContentFilter(strictness: .lenient)).bylineElement(in: [scope, body])
        self.bylineElement = bylineElement

        let roots = selection.roots
        let removableByline = bylineElement.flatMap { Self.removableBylineBlock(around: $0, roots: roots) }
        let cleaner = ConditionalCleaner(statistics: statistics)
        func render(cleaning: Bool) -> [ContentTextRenderer.Block] {
            var renderer = ContentTextRenderer { element in
                if element === removableByline { return true }
                if roots.contains(where: { $0 === element }) { return false }
                return filter.isExcluded(element) || Self.isLinkHeavy(element, statistics: statistics)
                    || Self.isStandaloneDate(element) || (cleaning && cleaner.isFurniture(element))
            }
            return renderer.render(roots)
        }
        // As Readability retries with fewer rules when the article comes out shorter than 500
        // characters, a short result is compared with the content rendered without conditional
        // cleaning, and the longer one kept.
        let cleaned = render(cleaning: true)
        if Self.characterCount(of: cleaned) < Self.minimumArticleCharacters {
            let uncleaned = render(cleaning: false)
            self.blocks = Self.characterCount(of: uncleaned) > Self.characterCount(of: cleaned) ? uncleaned : cleaned
        } else {
            self.blocks = cleaned
        }
    }

    /// Below this many characters, an article is suspected of having lost text to cleaning.
    static let minimumArticleCharacters = 500

    private static func characterCount(of blocks: [ContentTextRenderer.Block]) -> Int {
        blocks.reduce(0) { $0 + $1.text.count }
    }

    /// The author named by the byline element, without "By" and dates.
    var byline: String? {
        bylineElement.flatMap(BylineLocator.byline(in:))
    }

    /// The text of the only visible `<h1>` around the content, if there is exactly one.
    var singleHeading: String? {
        let visibility = ContentFilter(strictness: .lenient)
        let headings = ([scope] + scope.descendants { !visibility.isExcluded($0) && !visibility.isHidden($0) })
            .filter { $0.name == "h1" && !visibility.isHidden($0) }
            .filter { $0.ancestor { ["nav", "aside", "footer"].contains($0.name) } == nil }
            .map(\.normalizedText)
            .filter { !$0.isEmpty }
        return headings.count == 1 ? headings[0] : nil
    }

    /// The date of the first `<time datetime>` around the content.
    var timeElementDate: Date? {
        let times = ([scope] + scope.descendants()).filter { $0.name == "time" }
        return times.lazy.compactMap { $0.attribute("datetime").flatMap(ISO8601DateParser.date(from:)) }.first
    }

    /// A `<time>` that stands on its own between blocks is a dateline, not a sentence.
    private static func isStandaloneDate(_ element: HTMLElement) -> Bool {
        guard element.name == "time", let parent = element.parent else { return false }
        return ["div", "section", "article", "header", "footer", "main", "body", "aside"].contains(parent.name)
    }

    /// Lists and blocks made mostly of links (share bars, tag lists, "related" link lists).
    private static func isLinkHeavy(_ element: HTMLElement, statistics: TextStatistics) -> Bool {
        guard ["div", "section", "ul", "ol", "dl", "table"].contains(element.name) else { return false }
        let counts = statistics.counts(for: element)
        guard counts.characters > 0, counts.linkDensity > 0.5 else { return false }
        // Inside a link, everything is link text; the link itself is not a link list.
        guard element.ancestor(where: { $0.name == "a" }) == nil else { return false }
        if element.descendants().contains(where: { $0.name == "pre" || $0.name == "p" && statistics.counts(for: $0).linkDensity < 0.5 && statistics.counts(for: $0).characters > 80 }) {
            return false
        }
        return HTMLTagCategories.lists.contains(element.name) || counts.characters < 1000
    }

    /// The byline element, widened to the small block around it ("By <a>Name</a> on May 1"),
    /// when it lies inside the content; nil when removing it could take article text along.
    private static func removableBylineBlock(around element: HTMLElement, roots: [HTMLElement]) -> HTMLElement? {
        guard roots.contains(where: { element.isInside($0) && element !== $0 }) else { return nil }
        var block = element
        while let parent = block.parent,
              !roots.contains(where: { $0 === parent }),
              parent.normalizedText.count <= BylineLocator.maximumLength,
              !parent.descendants().contains(where: { HTMLTagCategories.headings.contains($0.name) }) {
            block = parent
        }
        return block
    }
}
