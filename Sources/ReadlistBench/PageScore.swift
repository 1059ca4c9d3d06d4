import ReadingListExtraction

/// How the extractor did on one reference page. Comparisons whose reference is missing are nil.
struct PageScore: Codable, Sendable {
    var page: String
    var titleMatches: Bool?
    var bylineMatches: Bool?
    var excerptMatches: Bool?
    /// Bag-of-tokens F1 of the extracted text against the text of `expected.html`.
    var contentF1: Double?
    /// The median time of one extraction (decoding, parsing, extraction), in milliseconds.
    var milliseconds: Double
    var expectedTitle: String?
    var title: String?
    var expectedByline: String?
    var byline: String?
    var expectedExcerpt: String?
    var excerpt: String?
    var problems: [String]

    init(page: ReferencePage, article: ExtractedArticle?, milliseconds: Double) {
        self.page = page.name
        self.milliseconds = milliseconds
        problems = page.problems
        title = article?.title
        byline = article?.byline
        excerpt = article?.excerpt
        if let expected = page.expectedMetadata {
            expectedTitle = expected.title
            expectedByline = expected.byline
            expectedExcerpt = expected.excerpt
            titleMatches = ExtractionScore.matches(expected: expected.title, found: title)
            bylineMatches = ExtractionScore.matches(expected: expected.byline, found: byline)
            excerptMatches = ExtractionScore.matches(expected: expected.excerpt, found: excerpt)
        }
        if let expectedText = page.expectedText {
            contentF1 = ExtractionScore.contentF1(expected: expectedText, found: article?.text ?? "")
        }
    }
}
