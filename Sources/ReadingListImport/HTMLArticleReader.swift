public import ReadingListModel
import ReadingListSupport

/// The articles of an HTML export file, one link at a time: each link is mapped to an article
/// or to a problem with its line, by the format's rules. Each iteration parses the file anew,
/// without building a tree (``HTMLSAXParser``), on a thread of its own that stays a bounded
/// number of links ahead, so a file of any size is read in bounded memory.
public struct HTMLArticleReader: Sequence {
    private let path: String
    private let encoding: HTMLSAXParser.Encoding
    private let article: @Sendable (HTMLLink) -> Result<ImportedArticle, ImportProblem>

    /// A reader of the links of the file at `path`, decoded as `encoding`.
    init(path: String, encoding: HTMLSAXParser.Encoding, article: @escaping @Sendable (HTMLLink) -> Result<ImportedArticle, ImportProblem>) {
        self.path = path
        self.encoding = encoding
        self.article = article
    }

    public func makeIterator() -> Iterator {
        let (path, encoding, article) = (path, encoding, article)
        return Iterator(links: Links(BackgroundSequence { emit in
            withoutActuallyEscaping(emit) { emit in
                let walker = HTMLLinkWalker { emit(article($0)) }
                do throws(ImportProblem) {
                    try HTMLSAXParser.parse(path: path, encoding: encoding, into: walker)
                    walker.finish()
                } catch {
                    walker.finish()
                    _ = emit(.failure(error))
                }
            }
        }))
    }

    /// The links: an article, or a problem with the link's line.
    public struct Iterator: IteratorProtocol {
        fileprivate let links: Links

        public mutating func next() -> Result<ImportedArticle, ImportProblem>? {
            links.records.next()
        }
    }

    /// The parse in progress, stopped when the last iterator using it goes.
    fileprivate final class Links {
        let records: BackgroundSequence<Result<ImportedArticle, ImportProblem>>

        init(_ records: BackgroundSequence<Result<ImportedArticle, ImportProblem>>) {
            self.records = records
        }

        deinit { records.finish() }
    }
}
