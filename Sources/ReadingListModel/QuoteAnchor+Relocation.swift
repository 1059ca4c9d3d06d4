extension QuoteAnchor {
    /// Finds a quote anchored earlier in new text (after a re-fetch), as SPEC.md §4.3 says:
    /// among the exact occurrences of `quote`, the one whose surroundings agree longest with
    /// `prefix` and `suffix`, the nearest to `start` on a tie; with none, the first loose match
    /// (§4.1). Returns `nil` when the quote is not in the text: the highlight is orphaned.
    public static func relocate(quote: String, prefix: String, suffix: String, start: Int, in text: String) -> QuoteAnchor? {
        guard quote.unicodeScalars.contains(where: { !UnicodeText.isWhiteSpace($0) }) else { return nil }
        let textScalars = Array(text.unicodeScalars)
        let wanted = Array(quote.unicodeScalars)
        let before = Array(prefix.unicodeScalars)
        let after = Array(suffix.unicodeScalars)
        var best: (start: Int, score: Int, distance: Int)?
        var found = 0
        while found + wanted.count <= textScalars.count {
            guard textScalars[found] == wanted[0], textScalars[found..<(found + wanted.count)].elementsEqual(wanted) else {
                found += 1
                continue
            }
            let score = commonSuffix(before, textScalars[..<found]) + commonPrefix(after, textScalars[(found + wanted.count)...])
            let distance = abs(found - start)
            if best == nil || score > best!.score || (score == best!.score && distance < best!.distance) {
                best = (found, score, distance)
            }
            found += 1
        }
        if let best { return anchor(in: textScalars, start: best.start, end: best.start + wanted.count) }
        return locate(quote, in: text)
    }

    /// How many scalars at the end of `context` equal those at the end of `text`.
    private static func commonSuffix(_ context: [Unicode.Scalar], _ text: ArraySlice<Unicode.Scalar>) -> Int {
        var count = 0
        var contextIndex = context.count - 1
        var textIndex = text.endIndex - 1
        while contextIndex >= 0, textIndex >= text.startIndex, context[contextIndex] == text[textIndex] {
            count += 1
            contextIndex -= 1
            textIndex -= 1
        }
        return count
    }

    /// How many scalars at the start of `context` equal those at the start of `text`.
    private static func commonPrefix(_ context: [Unicode.Scalar], _ text: ArraySlice<Unicode.Scalar>) -> Int {
        zip(context, text).prefix { $0 == $1 }.count
    }
}
