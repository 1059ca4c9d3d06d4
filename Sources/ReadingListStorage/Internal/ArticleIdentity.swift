import Foundation
import ReadingListModel

/// The identity a save derives from its source.
struct ArticleIdentity: Sendable {
    let id: ArticleID
    let url: String?
    let canonicalURL: String?
    /// A title for an article saved without one: from the URL's last path segment, or its host.
    var derivedTitle: String { Self.derivedTitle(canonicalURL: canonicalURL) }

    /// The title of an article saved without one, from its canonical URL (or none).
    static func derivedTitle(canonicalURL: String?) -> String {
        canonicalURL.map(title(fromCanonicalURL:)) ?? "Untitled"
    }

    init(_ source: ArticleDraft.Source) throws(ReadingListError) {
        switch source {
        case .url(let text):
            let canonical: CanonicalURL
            do {
                canonical = try CanonicalURL(parsing: text)
            } catch {
                throw ReadingListError(.invalidInput, error.description)
            }
            id = ArticleID(canonicalURL: canonical)
            url = Self.removingCredentials(from: text.trimmingWhitespace())
            canonicalURL = canonical.rawValue
        case .fileContents(let data):
            id = ArticleID(Identity.articleID(forContent: data))
            url = nil
            canonicalURL = nil
        }
    }

    /// The URL without a `user:password@` part, which must never be stored or exported.
    static func removingCredentials(from url: String) -> String {
        let bytes = url.utf8
        guard let schemeEnd = bytes.firstRange(of: "://".utf8)?.upperBound else { return url }
        let authorityEnd = bytes[schemeEnd...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }
            ?? bytes.endIndex
        guard let at = bytes[schemeEnd..<authorityEnd].lastIndex(of: UInt8(ascii: "@")) else { return url }
        return String(url[..<schemeEnd] + url[bytes.index(after: at)...])
    }

    /// "https://example.com/blog/why-sync-is-hard.html" → "Why sync is hard".
    static func title(fromCanonicalURL url: String) -> String {
        let afterScheme = url.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        let host = afterScheme.count > 2 ? String(afterScheme[2].split(separator: "/").first ?? "") : url
        let path = url.split(separator: "?").first.map(String.init) ?? url
        let segments = path.split(separator: "/").dropFirst(2)
        if let last = segments.last {
            var words = (String(last).removingPercentEncoding ?? String(last))
            if let dot = words.lastIndex(of: "."), words.distance(from: dot, to: words.endIndex) <= 6 {
                words = String(words[..<dot])
            }
            words = words.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
                .collapsingWhitespace()
            if words.contains(where: \.isLetter) {
                return words.prefix(1).uppercased() + words.dropFirst()
            }
        }
        let bareHost = host.split(separator: ":").first.map(String.init) ?? host
        return bareHost.hasPrefix("www.") ? String(bareHost.dropFirst(4)) : bareHost
    }
}
