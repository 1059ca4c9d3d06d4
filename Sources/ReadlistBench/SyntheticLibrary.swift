import Foundation
import ReadingList

/// A deterministic synthetic reading list: URLs, titles of about 8 words, 1–3 tags from a pool
/// of 50, excerpts of about 40 words and, optionally, bodies of about 600 words.
struct SyntheticLibrary: Sendable {
    /// One saved article, as a user would have it in another service.
    struct Article: Sendable {
        var url: String
        var title: String
        var tags: [String]
        var excerpt: String
        var body: String?
        /// Unix seconds.
        var addedAt: Int
        var isRead: Bool
    }

    let articles: [Article]
    /// The tag pool the articles draw from.
    let tagPool: [String]

    /// Generates `count` articles from `seed`; the same arguments always give the same library.
    init(count: Int, bodies: Bool, seed: UInt64 = 0x5EAD_1157) {
        var random = SeededGenerator(seed: seed)
        let vocabulary = Self.vocabulary(&random)
        let sites = (0..<200).map { _ in Self.word(&random) + Self.word(&random) }
        tagPool = (0..<50).map { index in index % 5 == 0 ? "\(Self.word(&random)) \(Self.word(&random))" : Self.word(&random) }
        func words(_ count: Int) -> String {
            (0..<count).map { _ in random.pick(vocabulary) }.joined(separator: " ")
        }
        var articles: [Article] = []
        articles.reserveCapacity(count)
        let start = 1_500_000_000
        for index in 0..<count {
            let site = random.pick(sites)
            let title = words(6 + random.below(5))
            let slug = title.split(separator: " ").prefix(5).joined(separator: "-")
            let tagCount = 1 + random.below(3)
            var tags: [String] = []
            while tags.count < tagCount {
                let tag = tagPool[random.below(tagPool.count)]
                if !tags.contains(tag) { tags.append(tag) }
            }
            let body: String? = bodies
                ? (0..<20).map { _ in words(25 + random.below(11)) + "." }.joined(separator: index % 3 == 0 ? "\n\n" : " ")
                : nil
            articles.append(Article(
                url: "https://\(site).example/\(2015 + index % 10)/\(slug)-\(index)",
                title: title.prefix(1).uppercased() + title.dropFirst(),
                tags: tags,
                excerpt: words(35 + random.below(11)) + ".",
                body: body,
                addedAt: start + index * 600 + random.below(600),
                isRead: random.below(4) == 0))
        }
        self.articles = articles
    }

    /// The articles as an import reads them, for `importArticles`: with their excerpts, and
    /// their bodies when `bodies`; read articles archived too.
    func importRecords(bodies: Bool) -> [Result<ImportedArticle, ImportProblem>] {
        articles.enumerated().map { index, article in
            .success(ImportedArticle(
                draft: ArticleDraft(
                    source: .url(article.url), title: article.title, excerpt: article.excerpt,
                    content: bodies ? article.body : nil, tags: article.tags,
                    addedAt: Date(timeIntervalSince1970: TimeInterval(article.addedAt))),
                isRead: article.isRead, isArchived: article.isRead, line: index + 1))
        }
    }

    /// 4,000 pronounceable words of 1–4 syllables, so text tokenizes like prose.
    private static func vocabulary(_ random: inout SeededGenerator) -> [String] {
        var words = Set<String>()
        while words.count < 4_000 { words.insert(word(&random)) }
        return words.sorted()
    }

    private static func word(_ random: inout SeededGenerator) -> String {
        let onsets = ["b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w", "st", "tr", "pl", "ch", "sh"]
        let vowels = ["a", "e", "i", "o", "u", "ea", "ou", "ai"]
        let codas = ["", "", "n", "r", "s", "t", "l", "nd", "rk"]
        let syllables = 1 + random.below(4)
        return (0..<syllables).map { _ in
            random.pick(onsets) + random.pick(vowels) + random.pick(codas)
        }.joined()
    }
}
