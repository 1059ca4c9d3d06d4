/// Where a quote sits in an article's text.
///
/// Offsets count Unicode scalar values from the start of the text, end exclusive.
public struct QuoteAnchor: Sendable, Hashable {
    /// Scalars of context kept on each side of a quote.
    public static let contextLength = 32

    /// The quote as it stands in the text (which may differ in case or spacing from what was asked).
    public var quote: String
    /// Up to ``contextLength`` scalars before the quote.
    public var prefix: String
    /// Up to ``contextLength`` scalars after the quote.
    public var suffix: String
    /// Start offset in scalars.
    public var start: Int
    /// End offset in scalars (exclusive).
    public var end: Int

    /// Creates an anchor.
    public init(quote: String, prefix: String, suffix: String, start: Int, end: Int) {
        self.quote = quote
        self.prefix = prefix
        self.suffix = suffix
        self.start = start
        self.end = end
    }

    /// Finds `quote` in `text`: exactly first, then ignoring differences of case, whitespace and
    /// typographic quotes and dashes. Returns `nil` when it is not there, or is only whitespace.
    public static func locate(_ quote: String, in text: String) -> QuoteAnchor? {
        guard quote.unicodeScalars.contains(where: { !UnicodeText.isWhiteSpace($0) }) else { return nil }
        let textScalars = Array(text.unicodeScalars)
        let wanted = Array(quote.unicodeScalars)
        if let start = firstIndex(of: wanted, in: textScalars) {
            return anchor(in: textScalars, start: start, end: start + wanted.count)
        }
        let folded = FoldedText(textScalars)
        let foldedQuote = FoldedText(wanted).scalars
        guard !foldedQuote.isEmpty, let match = firstIndex(of: foldedQuote, in: folded.scalars) else {
            return nil
        }
        let start = folded.origins[match]
        let end = folded.origins[match + foldedQuote.count - 1] + 1
        return anchor(in: textScalars, start: start, end: end)
    }

    /// Whether a quote anchored earlier can still be found in `text`.
    public static func isPresent(_ quote: String, start: Int, end: Int, in text: String) -> Bool {
        let scalars = text.unicodeScalars
        if start >= 0, end >= start, end <= scalars.count {
            let from = scalars.index(scalars.startIndex, offsetBy: start)
            let to = scalars.index(from, offsetBy: end - start)
            if String(scalars[from..<to]) == quote { return true }
        }
        return locate(quote, in: text) != nil
    }

    static func anchor(in scalars: [Unicode.Scalar], start: Int, end: Int) -> QuoteAnchor {
        func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: slice)
            return String(view)
        }
        return QuoteAnchor(
            quote: string(scalars[start..<end]),
            prefix: string(scalars[max(0, start - contextLength)..<start]),
            suffix: string(scalars[end..<min(scalars.count, end + contextLength)]),
            start: start, end: end)
    }

    static func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        let first = needle[0]
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}

/// Text reduced for loose matching, remembering where each scalar came from.
private struct FoldedText {
    var scalars: [Unicode.Scalar] = []
    var origins: [Int] = []

    init(_ source: [Unicode.Scalar]) {
        var pendingSpace: Int?
        for (offset, scalar) in source.enumerated() {
            if UnicodeText.isWhiteSpace(scalar) {
                if pendingSpace == nil, !scalars.isEmpty { pendingSpace = offset }
                continue
            }
            if let space = pendingSpace {
                scalars.append(" ")
                origins.append(space)
                pendingSpace = nil
            }
            for folded in Self.fold(scalar) {
                scalars.append(folded)
                origins.append(offset)
            }
        }
    }

    private static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        switch scalar {
        case "\u{2018}", "\u{2019}", "\u{201B}", "\u{2032}": return ["'"]
        case "\u{201C}", "\u{201D}", "\u{201F}", "\u{2033}": return ["\""]
        case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}": return ["-"]
        default: return UnicodeText.lowercaseMapping(of: scalar)
        }
    }
}
