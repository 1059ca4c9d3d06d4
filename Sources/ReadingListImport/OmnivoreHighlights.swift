import Foundation
import ReadingListModel

/// The highlights of one article in Omnivore's export, `highlights/<slug>.md`, as Omnivore's
/// `highlightToMarkdown` writes them, blocks separated by a blank line:
///
/// ```
/// > The quote, whose blank lines are written as "> " lines
/// >
/// and whose other lines follow as they are.
///
/// #label #other-label
///
/// The note, in as many paragraphs as it has.
/// ```
///
/// What is accepted, tolerantly:
/// - A highlight starts with a paragraph whose first line starts with `>`; the quote is that
///   paragraph, each line without its leading `>` and one space (lines without one are kept as
///   they are, and a `>` line alone is a paragraph break), trimmed.
/// - A one-line paragraph right after the quote that starts with `#` and a character other than
///   a space or `#` holds the highlight's labels, which readlist has no place for: it is read
///   and left out.
/// - Every other paragraph until the next quote is the note, paragraphs joined by a blank line.
/// - Paragraphs before the first quote are Omnivore's notes on the article itself, which
///   readlist has no place for either: they are left out. A note on the article written after a
///   highlight cannot be told from that highlight's note (the export does not mark it), so it
///   becomes part of it.
/// - Line ends `\n`, `\r\n` and `\r`; a byte-order mark.
enum OmnivoreHighlights {
    /// The highlights in `text`, in order; quotes that are empty once trimmed are left out.
    static func parse(_ text: String) -> [ImportedHighlight] {
        var text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var highlights: [ImportedHighlight] = []
        var quote: String?
        var notes: [String] = []
        var expectingLabels = false
        func finish() {
            if let quote, !quote.isEmpty {
                let note = notes.joined(separator: "\n\n")
                highlights.append(ImportedHighlight(quote: quote, note: note.isEmpty ? nil : note))
            }
            quote = nil
            notes = []
        }
        for paragraph in paragraphs(of: text) {
            if paragraph[0].hasPrefix(">") {
                finish()
                quote = quoteText(paragraph)
                expectingLabels = true
                continue
            }
            guard quote != nil else { continue }
            if expectingLabels, paragraph.count == 1, isLabelLine(paragraph[0]) {
                expectingLabels = false
                continue
            }
            expectingLabels = false
            notes.append(paragraph.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines))
        }
        finish()
        return highlights
    }

    /// The paragraphs of `text`: runs of lines that are not blank, each line's trailing white
    /// space removed.
    private static func paragraphs(of text: String) -> [[String]] {
        var paragraphs: [[String]] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(line)
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { paragraphs.append(current) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
    }

    /// A quote paragraph's text: each line without its leading `>` and one space.
    private static func quoteText(_ lines: [String]) -> String {
        lines.map { line in
            guard line.hasPrefix(">") else { return line }
            let rest = line.dropFirst()
            return String(rest.hasPrefix(" ") ? rest.dropFirst() : rest)
        }
        .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `#label #other`: a `#` followed by something other than a space or another `#` (which
    /// would make a Markdown heading).
    private static func isLabelLine(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("#"), let second = trimmed.dropFirst().first else { return false }
        return second != " " && second != "#"
    }
}
