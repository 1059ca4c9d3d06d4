import Foundation

/// Extracts an article from a parsed HTML page: metadata from `<meta>`, JSON-LD and the
/// document, text from the main content.
struct HTMLArticleExtractor {
    let root: HTMLElement
    private let metadata: PageMetadata
    private let body: HTMLElement

    init(root: HTMLElement) {
        self.root = root
        self.metadata = PageMetadata(root: root)
        self.body = root.descendants(named: "body").first ?? root
    }

    /// Decodes, parses and extracts; bytes libxml2 cannot parse give an empty article.
    static func extract(bytes: [UInt8], baseURL: URL?, transportCharset: String? = nil) -> ExtractedArticle {
        let input = HTMLCharsetResolver.parserInput(for: bytes, transportCharset: transportCharset)
        guard let root = HTMLTreeBuilder.parse(input.bytes, encoding: input.encoding, baseURL: baseURL) else {
            return ExtractedArticle(text: "")
        }
        return HTMLArticleExtractor(root: root).extract()
    }

    func extract() -> ExtractedArticle {
        var content = ContentExtraction(body: body, filter: ContentFilter(strictness: .strict))
        if content.blocks.isEmpty {
            content = ContentExtraction(body: body, filter: ContentFilter(strictness: .lenient))
        }
        let siteName = self.siteName
        let title = self.title(siteName: siteName, content: content)
        let byline = metaByline ?? content.byline
        let blocks = Self.removingRepeats(of: title, byline: byline, from: content.blocks)
        let text = ContentTextRenderer.join(blocks).trimmingWhitespace()
        return ExtractedArticle(
            title: title,
            byline: byline,
            siteName: siteName,
            excerpt: excerpt(blocks: blocks),
            text: text,
            language: language,
            publishedAt: publishedAt(content: content)
        )
    }

    // MARK: Metadata

    private var siteName: String? {
        let candidates = [metadata.meta("og:site_name"), metadata.jsonLD.publisherName, metadata.meta("application-name")]
        return candidates.lazy.compactMap { $0?.collapsingWhitespace() }.first { !$0.isEmpty }
    }

    /// og:title, twitter:title, the JSON-LD headline, the single `<h1>` around the content,
    /// then `<title>`; a site name before or after the headline is removed.
    private func title(siteName: String?, content: ContentExtraction) -> String? {
        let documentTitle = metadata.documentTitle
            .map { TitleCleaner.clean($0, siteName: siteName, removingShorterPart: true) }
            .flatMap { $0.isEmpty ? nil : $0 }
        let stated = [metadata.meta("og:title"), metadata.meta("twitter:title"), jsonLDTitle(comparedWith: documentTitle)]
        for candidate in stated.compactMap({ $0 }) {
            let cleaned = TitleCleaner.clean(candidate, siteName: siteName, removingShorterPart: false)
            if !cleaned.isEmpty && !(siteName.map(cleaned.isLooselyEqual) ?? false) { return cleaned }
        }
        guard let heading = content.singleHeading else { return documentTitle }
        guard let documentTitle else { return heading }
        // An <h1> that has nothing to do with the <title> may be a section heading ("Contents"),
        // unless the <title> is only the site's name or is shorter than the heading.
        let headingIsHeadline = Self.areRelated(heading, documentTitle)
            || (siteName.map(documentTitle.isLooselyEqual) ?? false)
            || heading.wordCount >= documentTitle.wordCount
        return headingIsHeadline ? heading : documentTitle
    }

    /// The JSON-LD headline, or its `name` when that resembles the page title more
    /// (some sites put a description in `headline`).
    private func jsonLDTitle(comparedWith documentTitle: String?) -> String? {
        let jsonLD = metadata.jsonLD
        guard let headline = jsonLD.headline else { return jsonLD.name }
        guard let name = jsonLD.name, let documentTitle, !name.isLooselyEqual(to: headline) else { return headline }
        return Self.wordOverlap(name, documentTitle) > Self.wordOverlap(headline, documentTitle) ? name : headline
    }

    /// Whether one text contains the other, or they share at least half their words.
    private static func areRelated(_ first: String, _ second: String) -> Bool {
        let firstKey = first.looseComparisonKey
        let secondKey = second.looseComparisonKey
        guard !firstKey.isEmpty, !secondKey.isEmpty else { return false }
        return firstKey.contains(secondKey) || secondKey.contains(firstKey) || wordOverlap(first, second) >= 0.5
    }

    /// Shared words divided by the words of the shorter text.
    private static func wordOverlap(_ first: String, _ second: String) -> Double {
        let firstWords = Set(first.lowercased().identifierWords())
        let secondWords = Set(second.lowercased().identifierWords())
        let smaller = min(firstWords.count, secondWords.count)
        guard smaller > 0 else { return 0 }
        return Double(firstWords.intersection(secondWords).count) / Double(smaller)
    }

    private var metaByline: String? {
        let metaAuthor = metadata.meta("author", "article:author", "byl", "dc.creator", "dcterms.creator",
                                       "parsely-author", "sailthru.author")
        return [metaAuthor, metadata.jsonLD.authorName].lazy.compactMap { $0.flatMap(BylineLocator.cleanByline) }.first
    }

    private var language: String? {
        let candidates = [
            metadata.rootLanguage,
            metadata.meta("content-language").map { String($0.split(separator: ",").first ?? "") },
            metadata.meta("og:locale"),
        ]
        return candidates.lazy.compactMap { $0.flatMap(LanguageTag.normalized) }.first
    }

    private func publishedAt(content: ContentExtraction) -> Date? {
        let stated = [
            metadata.meta("article:published_time", "og:published_time"),
            metadata.jsonLD.datePublished,
        ]
        if let date = stated.lazy.compactMap({ $0.flatMap(ISO8601DateParser.date(from:)) }).first {
            return date
        }
        if let date = content.timeElementDate { return date }
        let more = metadata.meta("datepublished", "date", "pubdate", "publishdate", "publish-date", "dc.date",
                                 "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date")
        return more.flatMap(ISO8601DateParser.date(from:))
    }

    private func excerpt(blocks: [ContentTextRenderer.Block]) -> String? {
        let described = metadata.meta("description", "og:description", "twitter:description") ?? metadata.jsonLD.description
        if let described, !described.isEmpty { return described }
        let paragraph = blocks.first { $0.kind == .paragraph && $0.text.count >= 80 }
        return paragraph.map { $0.text.truncatedAtWordBoundary(limit: 300) }
    }

    /// How many short blocks (breadcrumbs, dates, "5 min read") may precede a repeated title.
    static let maximumBlocksBeforeTitle = 6

    /// The blocks without a leading repeat of the title, the short blocks before such a repeat,
    /// and a byline right after it.
    private static func removingRepeats(
        of title: String?, byline: String?, from blocks: [ContentTextRenderer.Block]
    ) -> [ContentTextRenderer.Block] {
        var blocks = blocks
        if let title {
            let titleKey = title.looseComparisonKey
            let repeatIndex = blocks.prefix(maximumBlocksBeforeTitle + 1).firstIndex { block in
                let key = block.text.looseComparisonKey
                return key == titleKey
                    || (block.kind == .heading && !key.isEmpty && !titleKey.isEmpty
                        && (titleKey.contains(key) || key.contains(titleKey)))
            }
            if let repeatIndex, blocks[..<repeatIndex].allSatisfy({ $0.text.count <= 80 && $0.kind != .preformatted }) {
                blocks.removeFirst(repeatIndex + 1)
            }
        }
        if let byline, let first = blocks.first, first.text.count <= BylineLocator.maximumLength,
           BylineLocator.cleanByline(first.text).map({ $0.isLooselyEqual(to: byline) }) == true {
            blocks.removeFirst()
        }
        return blocks
    }
}
