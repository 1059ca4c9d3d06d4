import GRDB
import ReadingListModel

/// Resolving what users type (an id, an id prefix, a URL) to one live row.
enum References {
    static let minimumPrefixLength = 4

    static func article(_ reference: String, in db: Database) throws -> ArticleID {
        let text = reference.trimmingWhitespace()
        guard !text.isEmpty else {
            throw ReadingListError(.invalidInput, "No article given. Name one by its id, an id prefix of 4+ characters, or its URL.")
        }
        if let id = ArticleID(text) {
            guard try isAlive(SyncedEntity.article, id.description, db) else { throw unknownArticle(text) }
            return id
        }
        if isIDPrefix(text) {
            let matches = try Row.fetchAll(
                db,
                sql: "SELECT id, title FROM article WHERE alive = 1 AND id >= ? AND id < ? ORDER BY id LIMIT 4",
                arguments: [text.lowercased(), text.lowercased() + "~"])
            if matches.count == 1, let id = ArticleID(matches[0]["id"] as String) { return id }
            if matches.count > 1 {
                let names = matches.prefix(3).map { "\(($0["id"] as String).prefix(12))… \"\($0["title"] as String)\"" }
                throw ReadingListError(
                    .ambiguous,
                    "Article prefix \"\(text)\" matches more than one article (\(names.joined(separator: ", "))). Type more characters of the id.")
            }
        }
        if text.contains(".") || text.contains("://"), let url = try? CanonicalURL(parsing: text) {
            let id = ArticleID(canonicalURL: url)
            if try isAlive(SyncedEntity.article, id.description, db) { return id }
        }
        throw unknownArticle(text)
    }

    static func highlight(_ reference: String, in db: Database) throws -> HighlightID {
        let text = reference.trimmingWhitespace()
        let condition = "alive = 1 AND (SELECT alive FROM article WHERE article.id = highlight.article_id) = 1"
        if let id = HighlightID(text),
            try Bool.fetchOne(db, sql: "SELECT 1 FROM highlight WHERE id = ? AND \(condition)", arguments: [id.description]) == true
        {
            return id
        }
        if isIDPrefix(text) {
            let matches = try String.fetchAll(
                db, sql: "SELECT id FROM highlight WHERE id >= ? AND id < ? AND \(condition) ORDER BY id LIMIT 4",
                arguments: [text.lowercased(), text.lowercased() + "~"])
            if matches.count == 1, let id = HighlightID(matches[0]) { return id }
            if matches.count > 1 {
                throw ReadingListError(
                    .ambiguous,
                    "Highlight prefix \"\(text)\" matches more than one highlight (\(matches.prefix(3).map { String($0.prefix(12)) + "…" }.joined(separator: ", "))). Type more characters of the id.")
            }
        }
        throw ReadingListError(
            .notFound,
            "No highlight matches \"\(text)\". Use an id or an id prefix of \(minimumPrefixLength)+ characters from 'readlist highlight list'.")
    }

    static func isAlive(_ entity: SyncedEntity, _ id: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT alive FROM \(entity.table) WHERE id = ?", arguments: [id]) == true
    }

    private static func isIDPrefix(_ text: String) -> Bool {
        text.count >= minimumPrefixLength && text.allSatisfy { $0.isHexDigit || $0 == "-" }
    }

    private static func unknownArticle(_ text: String) -> ReadingListError {
        if text.count < minimumPrefixLength, text.allSatisfy(\.isHexDigit) {
            return ReadingListError(
                .invalidInput, "Article prefix \"\(text)\" is too short. Type at least \(minimumPrefixLength) characters of the id.")
        }
        return ReadingListError(
            .notFound, "No article matches \"\(text)\". Use an id (or a unique prefix of 4+ characters) from 'readlist list --all', or the article's URL.")
    }
}
