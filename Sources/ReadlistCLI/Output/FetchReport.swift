import Foundation
import ReadingList

/// The lines `add` and `refetch` print about a fetch.
enum FetchReport {
    /// "Fetched …" on standard output, or the error and what to do on standard error.
    static func print(_ fetch: FetchRecord, article: Article) {
        if let error = fetch.error {
            Console.printError("\(error)\nThe address is saved; try again with: readlist refetch \(article.id.short)")
            return
        }
        Console.print("Fetched \(fetch.resolvedURL ?? fetch.requestedURL)  \(summary(fetch, article: article))")
    }

    /// "text/html, 1234 words" or "application/pdf, no text".
    static func summary(_ fetch: FetchRecord, article: Article) -> String {
        let length = article.wordCount > 0 ? pluralized(article.wordCount, "word") : "no text"
        return [fetch.mediaType ?? "unknown type", length].joined(separator: ", ")
    }

    /// The `fetch` line of `show`.
    static func detail(_ fetch: FetchRecord) -> String {
        let when = RFC3339.string(from: fetch.attemptedAt)
        if let error = fetch.error { return "failed \(when): \(error)" }
        var parts = [when, fetch.mediaType ?? "unknown type"]
        if let resolved = fetch.resolvedURL, resolved != fetch.requestedURL { parts.append("from \(resolved)") }
        return parts.joined(separator: " · ")
    }
}
