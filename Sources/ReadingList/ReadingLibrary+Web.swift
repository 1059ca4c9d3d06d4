import Foundation
public import ReadingListFetch
public import ReadingListModel
public import ReadingListStorage
import ReadingListExtraction

extension ReadingLibrary {
    /// Saves a web address, then fetches its page and keeps the article it holds: headline,
    /// byline, site, date, excerpt and text. The save comes first and stands whatever the
    /// fetch does: a failed fetch (DNS, timeout, 404, TLS…) is recorded with its error and
    /// ``refetch(_:fetcher:)`` tries again. An article already saved with its text is not
    /// fetched again (its tags are merged); `fetcher` `nil` saves without fetching.
    ///
    /// - Throws: ``ReadingListError`` when the address or title is invalid (nothing is saved),
    ///   or the library cannot be written. A failed fetch is not thrown: it is in the result.
    public func saveWebPage(
        _ url: String, title: String? = nil, tags: [String] = [], fetcher: PageFetcher? = PageFetcher()
    ) async throws(ReadingListError) -> WebSaveResult {
        let saved = try save(ArticleDraft(source: .url(url), title: title, tags: tags))
        guard let fetcher, saved.outcome == .created || saved.article.wordCount == 0 else {
            return WebSaveResult(save: saved, fetch: nil)
        }
        let (record, update) = try await fetchPage(of: saved.article, fetcher: fetcher)
        var result = saved
        if let update {
            result.article = update.article
        } else {
            result.article = try article(saved.article.id)
        }
        return WebSaveResult(save: result, fetch: record)
    }

    /// Fetches a saved article's page again. On success the page's text and metadata replace
    /// the stored ones and the highlights are anchored again in the new text (SPEC.md §4.3);
    /// those whose quote is gone are kept, orphaned. On failure nothing but the fetch record
    /// changes.
    ///
    /// - Throws: ``ReadingListError`` when no article matches `reference`, or it has no URL
    ///   (saved from a file). A failed fetch is not thrown: see ``RefetchResult/fetch``.
    public func refetch(_ reference: String, fetcher: PageFetcher = PageFetcher()) async throws(ReadingListError) -> RefetchResult {
        let current = try article(reference)
        guard current.url != nil else {
            throw ReadingListError(
                .invalidInput,
                "Article \(current.id.short) was saved from a file without a web address, so there is no page to fetch. Save the page's address with readlist add <url>.")
        }
        let (record, update) = try await fetchPage(of: current, fetcher: fetcher)
        if let update { return RefetchResult(fetch: record, update: update) }
        let highlights = try self.highlights(of: current.id.description)
        return RefetchResult(fetch: record, update: PageUpdate(
            article: try article(current.id), contentReplaced: false,
            anchoredHighlights: highlights.count { !$0.isOrphaned }, orphanedHighlights: highlights.count { $0.isOrphaned }))
    }

    /// Fetches `article`'s URL and applies the page, or records the failure.
    private func fetchPage(of article: Article, fetcher: PageFetcher) async throws(ReadingListError) -> (FetchRecord, PageUpdate?) {
        let url = article.url ?? ""
        // An address as typed may hold what URL parsing refuses (a non-ASCII host or path);
        // its canonical form (SPEC.md §2.3) is punycoded and percent-encoded.
        let address = URL(string: url) == nil ? article.canonicalURL ?? url : url
        let page: FetchedPage
        do {
            page = try await fetcher.fetch(address)
        } catch {
            var status: Int?
            if case .httpStatus(_, let code, _) = error { status = code }
            let record = FetchRecord(requestedURL: url, statusCode: status, error: error.description, attemptedAt: Date())
            try recordFetch(record, for: article.id)
            return (record, nil)
        }
        let extracted = ArticleExtractor.extract(
            webPage: page.body, mediaType: page.mediaType, charset: page.charset, url: URL(string: page.resolvedURL))
        let record = FetchRecord(
            requestedURL: url, resolvedURL: page.resolvedURL, statusCode: page.statusCode, mediaType: page.mediaType,
            attemptedAt: Date())
        let draft = ArticleDraft(
            source: .url(url), headline: extracted.title, byline: extracted.byline, siteName: extracted.siteName,
            excerpt: extracted.excerpt, content: extracted.text.isEmpty ? nil : extracted.text,
            language: extracted.language, publishedAt: extracted.publishedAt)
        return (record, try replacePage(of: article.id, with: draft, fetch: record))
    }
}

extension ReadingLibrary {
    /// Fetches the page of every article that has a web address and no text yet (saved
    /// offline, imported from a list of links, or whose fetch failed), `concurrency` at a time.
    /// Each result is handed to `progress` as it comes, in no particular order.
    ///
    /// - Returns: every result; a failed fetch is a result, not an error.
    /// - Throws: ``ReadingListError`` only when the library cannot be read or written.
    @discardableResult
    public func fetchArticlesWithoutText(
        fetcher: PageFetcher = PageFetcher(), concurrency: Int = 4,
        progress: @Sendable (RefetchResult) -> Void = { _ in }
    ) async throws(ReadingListError) -> [RefetchResult] {
        let pending = try articlesWithoutText()
        do {
            return try await withThrowingTaskGroup(of: RefetchResult.self) { group in
                var results: [RefetchResult] = []
                var next = pending.makeIterator()
                func startNext() {
                    guard let id = next.next() else { return }
                    group.addTask { try await self.refetch(id.description, fetcher: fetcher) }
                }
                for _ in 0..<max(1, concurrency) { startNext() }
                while let result = try await group.next() {
                    progress(result)
                    results.append(result)
                    startNext()
                }
                return results
            }
        } catch let error as ReadingListError {
            throw error
        } catch {
            throw ReadingListError(.storage, "Fetching pages stopped: \(error)")
        }
    }
}
