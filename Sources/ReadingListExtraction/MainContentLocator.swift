/// Finds the part of a page that holds the article.
///
/// A semantic container is preferred, in this order: the `<article>`, the
/// `[itemprop=articleBody]`, the `<main>` (`[role=main]`) with the most text, provided it
/// holds a fair share of the page's prose. Otherwise paragraphs are scored (one point,
/// plus one per comma, plus one per 100 characters up to three) and their scores given to
/// their parent and, reduced, to further ancestors; the ancestor with the best score after
/// discounting link-heavy text wins, together with siblings that score nearly as well.
struct MainContentLocator {
    /// The chosen content: one or more sibling elements in document order.
    struct Selection {
        var roots: [HTMLElement]
        /// The element the article was found in: a semantic container or the best-scored one.
        var primary: HTMLElement
    }

    let filter: ContentFilter
    let statistics: TextStatistics

    /// The least text, in non-whitespace characters, a semantic container must hold.
    static let minimumSemanticCharacters = 140

    func locate(in body: HTMLElement) -> Selection {
        let candidates = scoredCandidates(in: body)
        let scored = candidates.values.max { first, second in
            if first.score != second.score { return first.score < second.score }
            return first.order > second.order
        }
        if let semantic = bestSemanticContainer(in: body, comparedWith: scored?.element) {
            // A <main> often holds calls to action around the article; when the best-scored
            // element inside it carries most of its text, that element is the article.
            let isArticleLike = semantic.name == "article"
                || semantic.attribute("itemprop")?.lowercased().contains("articlebody") == true
            if !isArticleLike, let scored, scored.element !== semantic, scored.element.isInside(semantic),
               Double(statistics.counts(for: scored.element).characters)
                >= 0.6 * Double(statistics.counts(for: semantic).characters) {
                let roots = withSiblings(of: scored.element, topScore: scored.score, candidates: candidates)
                return Selection(roots: roots, primary: scored.element)
            }
            return Selection(roots: [semantic], primary: semantic)
        }
        guard let scored, scored.score > 0 else { return Selection(roots: [body], primary: body) }
        let roots = withSiblings(of: scored.element, topScore: scored.score, candidates: candidates)
        return Selection(roots: roots, primary: scored.element)
    }

    // MARK: Semantic containers

    private func bestSemanticContainer(in body: HTMLElement, comparedWith scoredElement: HTMLElement?) -> HTMLElement? {
        let ancestry = ContentFilter(strictness: .ancestry)
        let candidates = ([body] + body.descendants()).filter { element in
            ContentFilter.isSemanticContent(element)
                && !filter.isExcluded(element)
                && !(element.parent.map(ancestry.isExcludedWithAncestors) ?? false)
        }
        let scoredCharacters = scoredElement.map { statistics.counts(for: $0).characters } ?? 0
        let kinds: [(HTMLElement) -> Bool] = [
            { $0.name == "article" },
            { $0.attribute("itemprop")?.lowercased().split(separator: " ").contains("articlebody") == true },
            { $0.name == "main" || $0.attribute("role")?.lowercased() == "main" },
        ]
        for isKind in kinds {
            let ofKind = candidates.filter(isKind)
            let best = ofKind.max { statistics.counts(for: $0).characters < statistics.counts(for: $1).characters }
            guard let best else { continue }
            let characters = statistics.counts(for: best).characters
            guard characters >= Self.minimumSemanticCharacters else { continue }
            if isListing(best: best, among: ofKind) { continue }
            if let scoredElement, scoredElement.isInside(best) { return best }
            if Double(characters) >= 0.5 * Double(scoredCharacters) { return best }
        }
        return nil
    }

    /// Whether containers of one kind are the teasers of a listing rather than one article:
    /// three or more of them, not nested in each other, and the biggest holds less than half
    /// of their text.
    private func isListing(best: HTMLElement, among containers: [HTMLElement]) -> Bool {
        let outermost = containers.filter { container in
            container.ancestor { ancestor in containers.contains { $0 === ancestor } } == nil
        }
        guard outermost.count >= 3 else { return false }
        let total = outermost.reduce(0) { $0 + statistics.counts(for: $1).characters }
        return Double(statistics.counts(for: best).characters) < 0.5 * Double(total)
    }

    // MARK: Scoring

    private struct ScoredCandidate {
        var element: HTMLElement
        var score: Double
        /// When the candidate was first seen; breaks ties in favour of the earlier one.
        var order: Int
    }

    /// Every ancestor of a paragraph, with its score after discounting link-heavy text.
    private func scoredCandidates(in body: HTMLElement) -> [ObjectIdentifier: ScoredCandidate] {
        var candidates: [ObjectIdentifier: ScoredCandidate] = [:]
        for paragraph in paragraphs(in: body) {
            let counts = statistics.counts(for: paragraph)
            guard counts.characters >= 25 else { continue }
            let score = 1 + Double(counts.commas) + Double(min(counts.characters / 100, 3))
            var ancestor = paragraph.parent
            var level = 0
            while let element = ancestor, level < 3 {
                let key = ObjectIdentifier(element)
                let divider: Double = level == 0 ? 1 : (level == 1 ? 2 : Double(level) * 3)
                if candidates[key] == nil {
                    candidates[key] = ScoredCandidate(element: element, score: initialScore(of: element), order: candidates.count)
                }
                candidates[key]?.score += score / divider
                if element === body { break }
                ancestor = element.parent
                level += 1
            }
        }
        for (key, candidate) in candidates {
            candidates[key]?.score = candidate.score * (1 - statistics.counts(for: candidate.element).linkDensity)
        }
        return candidates
    }

    /// Paragraph-like elements outside excluded regions, in document order.
    private func paragraphs(in body: HTMLElement) -> [HTMLElement] {
        body.descendants(descendingInto: { !filter.isExcluded($0) }).filter { element in
            guard !filter.isExcluded(element) else { return false }
            if HTMLTagCategories.paragraphLike.contains(element.name) { return true }
            return HTMLTagCategories.blockContainers.contains(element.name)
                && !HTMLTagCategories.hasBlockChildren(element)
                && element.parent.map { !HTMLTagCategories.paragraphLike.contains($0.name) } ?? true
                && element.children.contains { if case .text(let text) = $0 { !text.trimmingWhitespace().isEmpty } else { false } }
        }
    }

    private func initialScore(of element: HTMLElement) -> Double {
        var score: Double
        switch element.name {
        case "div", "article", "section", "main": score = 5
        case "pre", "td", "blockquote": score = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: score = 0
        }
        let words = element.classAndIDTokens
        if words.contains(where: { Self.positiveScoreWords.contains($0) }) { score += 25 }
        if words.contains(where: { Self.negativeScoreWords.contains($0) }) { score -= 25 }
        return score
    }

    private static let positiveScoreWords: Set<String> = [
        "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story", "prose",
    ]

    private static let negativeScoreWords: Set<String> = [
        "comment", "comments", "meta", "footer", "footnote", "related", "share", "sidebar", "sponsor",
        "widget", "ad", "ads", "promo", "masthead", "hidden", "byline", "author", "tags",
    ]

    /// The top candidate and, in document order, the siblings that score at least a fifth as
    /// well or are plain paragraphs of real prose.
    private func withSiblings(
        of top: HTMLElement, topScore: Double, candidates: [ObjectIdentifier: ScoredCandidate]
    ) -> [HTMLElement] {
        guard let parent = top.parent else { return [top] }
        let threshold = max(10, topScore * 0.2)
        var roots: [HTMLElement] = []
        for sibling in parent.childElements where !filter.isExcluded(sibling) {
            if sibling === top {
                roots.append(sibling)
                continue
            }
            let counts = statistics.counts(for: sibling)
            let siblingScore = candidates[ObjectIdentifier(sibling)]?.score ?? 0
            let isProse = sibling.name == "p" && counts.characters > 80 && counts.linkDensity < 0.25
            let isStrong = siblingScore >= threshold
            if isProse || isStrong { roots.append(sibling) }
        }
        return roots
    }
}
