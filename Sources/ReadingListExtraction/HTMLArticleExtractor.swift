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

    /// The title as Readability finds it: the JSON-LD headline or name, then `dc:title`,
    /// `og:title`, a `title` meta tag, `twitter:title` or `parsely-title`, as stated; else the
    /// headline found in `<title>` (see `TitleCleaner`); else the content's only `<h1>`.
    private func title(siteName: String?, content: ContentExtraction) -> String? {
        let documentTitle = metadata.documentTitle.map { documentTitle in
            TitleCleaner.articleTitle(
                documentTitle: documentTitle, siteName: siteName,
                headings: { root.descendants().filter { $0.name == "h1" || $0.name == "h2" }.map(\.normalizedText) },
                onlyH1: {
                    let headings = root.descendants(named: "h1")
                    return headings.count == 1 ? headings[0].normalizedText : nil
                })
        }.flatMap { $0.isEmpty ? nil : $0 }
        let stated = [
            jsonLDTitle(comparedWith: documentTitle),
            metadata.meta("dc:title", "dc.title", "dcterm:title", "dcterms:title", "dcterms.title", "og:title",
                          "weibo:article:title", "weibo:webpage:title", "title", "twitter:title", "parsely-title"),
        ]
        if let title = stated.lazy.compactMap({ $0?.collapsingWhitespace() }).first(where: { !$0.isEmpty }) {
            return title
        }
        return documentTitle ?? content.singleHeading
    }

    /// The JSON-LD `name`, or its `headline` when only the headline resembles the page title
    /// (some sites put a description in one of them), as Readability chooses.
    private func jsonLDTitle(comparedWith documentTitle: String?) -> String? {
        let jsonLD = metadata.jsonLD
        guard let headline = jsonLD.headline else { return jsonLD.name }
        guard let name = jsonLD.name, name != headline else { return headline }
        let pageTitle = documentTitle ?? ""
        let nameMatches = Self.similarity(name, pageTitle) > 0.75
        let headlineMatches = Self.similarity(headline, pageTitle) > 0.75
        return headlineMatches && !nameMatches ? headline : name
    }

    /// Readability's text similarity: one minus the share (in characters) of `other`'s words
    /// that do not occur in `text`; words are runs of ASCII letters, digits and underscores.
    static func similarity(_ text: String, _ other: String) -> Double {
        func words(_ string: String) -> [String] {
            string.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_")) }.map(String.init)
        }
        let textWords = Set(words(text))
        let otherWords = words(other)
        guard !textWords.isEmpty, !otherWords.isEmpty else { return 0 }
        let unique = otherWords.filter { !textWords.contains($0) }
        return 1 - Double(unique.joined(separator: " ").count) / Double(otherWords.joined(separator: " ").count)
    }

    /// The author stated by the page (JSON-LD, then `dc:creator`, `author`, `parsely-author`,
    /// an `article:author` that is not a link, then other author tags), without a leading "By".
    private var metaByline: String? {
        let metaAuthor = metadata.meta("dc:creator", "dc.creator", "dcterm:creator", "dcterms:creator", "dcterms.creator",
                                       "author", "parsely-author")
        let articleAuthor = metadata.meta("article:author").flatMap { $0.contains("://") || $0.hasPrefix("www.") ? nil : $0 }
        let others = metadata.meta("byl", "sailthru.author")
        return [metadata.jsonLD.authorName, metaAuthor, articleAuthor, others].lazy
            .compactMap { $0.flatMap(BylineLocator.cleanByline) }.first
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

    /// The longest excerpt taken from the text; longer first paragraphs are cut at a word boundary.
    static let maximumExcerptLength = 600

    /// The stated description (JSON-LD, then `dc:`, `og:`, `description` and `twitter:` meta, in
    /// Readability's order), else the first paragraph of 20 characters or more, as Readability
    /// takes the first paragraph (a caption-sized line such as "Photo" is skipped).
    private func excerpt(blocks: [ContentTextRenderer.Block]) -> String? {
        let described = metadata.jsonLD.description
            ?? metadata.meta("dc:description", "dc.description", "dcterm:description", "dcterms:description", "og:description",
                             "weibo:article:description", "weibo:webpage:description", "description", "twitter:description")
        if let described, !described.isEmpty { return described }
        let paragraph = blocks.first { $0.kind == .paragraph && $0.text.count >= 20 }
        return paragraph.map { $0.text.truncatedAtWordBoundary(limit: Self.maximumExcerptLength) }
    }

    /// How many short blocks (breadcrumbs, dates, "5 min read") may precede a repeated title.
    static let maximumBlocksBeforeTitle = 6

    /// The blocks without a leading repeat of the title (a heading that holds it, is held by it,
    /// or resembles it as Readability measures), the short blocks before such a repeat, and a
    /// byline right after it.
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
                        && (titleKey.contains(key) || key.contains(titleKey) || similarity(title, block.text) > 0.75))
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
