import Foundation

/// Turns any text a user types into a valid FTS5 query, so that no input is a syntax error.
///
/// Words are matched as literal tokens (quoted), so `AND`, `NEAR`, `(`, `:` and the like are
/// ordinary words. Supported: `"exact phrase"`, `word*` (prefix), `-word` (exclude), and
/// `OR` between words. Words are otherwise all required.
enum SearchPattern {
    /// The FTS5 query, or `nil` when the text has nothing to search for.
    static func fts5(from text: String) -> String? {
        var groups: [[String]] = [[]]
        var excluded: [String] = []
        for token in tokens(of: text) {
            switch token {
            case .or:
                if !(groups.last?.isEmpty ?? true) { groups.append([]) }
            case let .term(words, isPhrase, isPrefix, isExcluded):
                guard words.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
                var term = "\"" + words.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                if isPrefix, !isPhrase { term += "*" }
                if isExcluded { excluded.append(term) } else { groups[groups.count - 1].append(term) }
            }
        }
        let required = groups.filter { !$0.isEmpty }.map { "(" + $0.joined(separator: " AND ") + ")" }
        guard !required.isEmpty else { return nil }
        var query = required.joined(separator: " OR ")
        if !excluded.isEmpty { query = "(\(query)) NOT (\(excluded.joined(separator: " OR ")))" }
        return query
    }

    private enum Token {
        case or
        case term(String, isPhrase: Bool, isPrefix: Bool, isExcluded: Bool)
    }

    private static func tokens(of text: String) -> [Token] {
        var tokens: [Token] = []
        var characters = Substring(text)
        while let first = characters.first {
            if first.isWhitespace {
                characters = characters.dropFirst()
                continue
            }
            var excluded = false
            if first == "-", characters.dropFirst().first.map({ !$0.isWhitespace }) == true {
                excluded = true
                characters = characters.dropFirst()
            }
            if characters.first == "\"" {
                let rest = characters.dropFirst()
                let close = rest.firstIndex(of: "\"") ?? rest.endIndex
                tokens.append(.term(String(rest[..<close]), isPhrase: true, isPrefix: false, isExcluded: excluded))
                characters = close == rest.endIndex ? rest[close...] : rest[rest.index(after: close)...]
                continue
            }
            let end = characters.firstIndex(where: \.isWhitespace) ?? characters.endIndex
            var word = String(characters[..<end])
            characters = characters[end...]
            if word == "OR", !excluded {
                tokens.append(.or)
                continue
            }
            let isPrefix = word.hasSuffix("*")
            while word.hasSuffix("*") { word.removeLast() }
            tokens.append(.term(word, isPhrase: false, isPrefix: isPrefix, isExcluded: excluded))
        }
        return tokens
    }
}
