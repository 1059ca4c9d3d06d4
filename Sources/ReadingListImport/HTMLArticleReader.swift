public import ReadingListModel

/// The articles of an HTML export file, one link at a time: each link is mapped to an article
/// or to a problem with its line, by the format's rules. The file is parsed whole into a tree
/// (libxml2), which lives as long as the reader or one of its iterators.
public struct HTMLArticleReader: Sequence {
    private let document: HTMLDocument
    private let article: @Sendable (HTMLLink) -> Result<ImportedArticle, ImportProblem>

    /// A reader of the links of `document`.
    init(document: HTMLDocument, article: @escaping @Sendable (HTMLLink) -> Result<ImportedArticle, ImportProblem>) {
        self.document = document
        self.article = article
    }

    public func makeIterator() -> Iterator {
        Iterator(links: HTMLLinkWalker(document: document), article: article)
    }

    /// The links: an article, or a problem with the link's line.
    public struct Iterator: IteratorProtocol {
        var links: HTMLLinkWalker
        let article: @Sendable (HTMLLink) -> Result<ImportedArticle, ImportProblem>

        public mutating func next() -> Result<ImportedArticle, ImportProblem>? {
            links.next().map(article)
        }
    }
}
