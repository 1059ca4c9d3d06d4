/// Plain text made safe to put in a Markdown note: it shows as the same text in CommonMark
/// and Obsidian, never as markup (no heading, list, table, link, HTML, tag, math, block id or
/// emphasis appears that the text did not mean).
enum MarkdownText {
    /// `text` as Markdown paragraphs: line breaks kept (as line feeds), each line with its leading white space
    /// dropped (it would start a code block) and escaped by ``escapedLine(_:)``.
    static func escaped(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { escapedLine(String($0.drop { $0.isWhitespace })) }
            .joined(separator: "\n")
    }

    /// One line with a backslash before each character that would otherwise be markup:
    /// - always `\`, `` ` ``, `*`, `[`, `]`, `$` (Obsidian's math) and `|` (a table: GFM and
    ///   Obsidian need no pipe at the start of a row, `a | b` over `:-: | -:` is one);
    /// - `_` unless between two letters or digits (`snake_case` stays as it is);
    /// - `#` at the start or after white space (a heading, an Obsidian tag), not in `a#b`;
    /// - `<` before a letter, `/`, `!` or `?` (an HTML tag or autolink), `&` before a letter or
    ///   `#` (a character reference);
    /// - `=`, `~` and `%` next to the same character (`==highlight==`, `~~strike~~`,
    ///   `%%comment%%`);
    /// - at the start of the line, `>`, `-`, `+` and `=` (a quote, list, rule or heading
    ///   underline), and the `.` or `)` after leading digits when a space or the end follows
    ///   (`1. ` would start a list; `3.14` would not);
    /// - the `^` of an Obsidian block id (`^id` at the start of the line or after white space,
    ///   followed by ASCII letters, digits and `-` up to the end of the line, white space aside),
    ///   which would hide the id and make the block a link target; `x^2` and `a ^ b` stay.
    static func escapedLine(_ line: String) -> String {
        let characters = Array(line)
        var result = ""
        result.reserveCapacity(line.utf8.count)
        var index = 0
        // The digits that open the line, for `1.`, `2)`.
        let leadingDigits = characters.prefix { $0.isASCII && $0.isNumber }.count
        let blockID = blockIDCaret(in: characters)
        while index < characters.count {
            let character = characters[index]
            let previous = index > 0 ? characters[index - 1] : nil
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if index == blockID || needsEscape(character, at: index, previous: previous, next: next, leadingDigits: leadingDigits) {
                result.append("\\")
            }
            result.append(character)
            index += 1
        }
        return result
    }

    /// Where the `^` of an Obsidian block id at the end of the line is, if the line ends with
    /// one: `^` at the start or after white space, then one or more ASCII letters, digits and
    /// `-`, then only white space.
    private static func blockIDCaret(in characters: [Character]) -> Int? {
        func isIDCharacter(_ character: Character) -> Bool {
            character.isASCII && (character.isLetter || character.isNumber || character == "-")
        }
        var end = characters.count
        while end > 0, characters[end - 1].isWhitespace { end -= 1 }
        var start = end
        while start > 0, isIDCharacter(characters[start - 1]) { start -= 1 }
        let caret = start - 1
        guard caret >= 0, start < end, characters[caret] == "^" else { return nil }
        return caret == 0 || characters[caret - 1].isWhitespace ? caret : nil
    }

    private static func needsEscape(
        _ character: Character, at index: Int, previous: Character?, next: Character?, leadingDigits: Int
    ) -> Bool {
        func isWordCharacter(_ character: Character?) -> Bool { character.map { $0.isLetter || $0.isNumber } ?? false }
        switch character {
        case "\\", "`", "*", "[", "]", "$", "|":
            return true
        case "_":
            return !(isWordCharacter(previous) && isWordCharacter(next))
        case "#":
            return previous.map(\.isWhitespace) ?? true
        case "<":
            return next.map { ($0.isASCII && $0.isLetter) || $0 == "/" || $0 == "!" || $0 == "?" } ?? false
        case "&":
            return next.map { ($0.isASCII && $0.isLetter) || $0 == "#" } ?? false
        case "=", "~", "%":
            return index == 0 && character == "=" || previous == character || next == character
        case ">", "-", "+":
            return index == 0
        case ".", ")":
            return leadingDigits > 0 && index == leadingDigits && (next?.isWhitespace ?? true)
        default:
            return false
        }
    }
}
