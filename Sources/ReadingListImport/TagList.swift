import Foundation
import ReadingListModel

/// A list of tag names as exports write them in one field: a Python list (`['a', 'b']`, as
/// Readwise Reader writes it), a JSON list (`["a","b"]`), or names separated by commas.
enum TagList {
    /// The names in `text`, trimmed, empty ones left out; `nil` when it starts like a list
    /// (`[`) but is not one.
    static func parse(_ text: String) -> [String]? {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.hasPrefix("[") else {
            return trimmed.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        }
        guard trimmed.hasSuffix("]"), trimmed.count >= 2 else { return nil }
        var names: [String] = []
        var rest = Substring(trimmed.dropFirst().dropLast())
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard let first = rest.first else { break }
            if first == "'" || first == "\"" {
                guard let (name, after) = quoted(rest) else { return nil }
                names.append(name)
                rest = after.drop { $0.isWhitespace }
            } else {
                // A bare name, up to the next comma.
                let name = rest.prefix { $0 != "," }
                names.append(String(name))
                rest = rest.dropFirst(name.count)
            }
            guard let separator = rest.first else { break }
            guard separator == "," else { return nil }
            rest = rest.dropFirst()
        }
        return names.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// The names in `text`, read leniently: as ``parse(_:)`` reads them, or, from a list that
    /// is not well formed (`['a', 'b'` cut short), the names between its commas, without
    /// brackets and quotes. A record is never lost for its tags.
    static func names(in text: String) -> [String] {
        if let names = parse(text) { return names }
        let inner = text.trimmingWhitespace().drop { $0 == "[" }
        return inner.split(separator: ",").map { part in
            part.trimmingCharacters(in: CharacterSet(charactersIn: "[]'\"").union(.whitespacesAndNewlines))
        }.filter { !$0.isEmpty }
    }

    /// A string in single or double quotes at the start of `text`, with backslash escapes
    /// (`\'`, `\"`, `\\`, `\n`, `\t`), and what follows it; `nil` when it is not closed.
    private static func quoted(_ text: Substring) -> (String, Substring)? {
        guard let quote = text.first else { return nil }
        var value = ""
        var index = text.index(after: text.startIndex)
        var escaped = false
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            if escaped {
                switch character {
                case "n": value.append("\n")
                case "t": value.append("\t")
                default: value.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == quote {
                return (value, text[index...])
            } else {
                value.append(character)
            }
        }
        return nil
    }
}
