package import Foundation

/// How close an extraction comes to a reference extraction (such as Mozilla Readability's):
/// the content's bag-of-tokens F1 and whether title, byline and excerpt match.
///
/// Tokens are lowercased runs of letters, digits and combining marks; a Han ideograph, a
/// hiragana or a katakana character is a token of its own, since those scripts do not put
/// spaces between words (a Chinese page is compared character by character). Everything
/// else (punctuation, symbols, whitespace) separates tokens.
package enum ExtractionScore {
    /// The tokens of `text`, in order.
    package static func tokens(in text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        func finish() {
            if !current.isEmpty { tokens.append(String(current).lowercased()) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if isStandaloneCharacter(scalar) {
                finish()
                tokens.append(String(scalar))
            } else if isWordCharacter(scalar) {
                current.append(scalar)
            } else {
                finish()
            }
        }
        finish()
        return tokens
    }

    /// The F1 measure of two bags of tokens: the harmonic mean of precision (share of `found`
    /// tokens that are expected) and recall (share of `expected` tokens found), counting each
    /// token as often as it occurs. 1 when both are empty, 0 when only one is.
    package static func f1(expected: [String], found: [String]) -> Double {
        if expected.isEmpty && found.isEmpty { return 1 }
        guard !expected.isEmpty, !found.isEmpty else { return 0 }
        var remaining: [String: Int] = [:]
        for token in expected { remaining[token, default: 0] += 1 }
        var common = 0
        for token in found {
            if let count = remaining[token], count > 0 {
                remaining[token] = count - 1
                common += 1
            }
        }
        guard common > 0 else { return 0 }
        let precision = Double(common) / Double(found.count)
        let recall = Double(common) / Double(expected.count)
        return 2 * precision * recall / (precision + recall)
    }

    /// The F1 of the tokens of two texts.
    package static func contentF1(expected: String, found: String) -> Double {
        f1(expected: tokens(in: expected), found: tokens(in: found))
    }

    /// Whether two metadata values match after collapsing whitespace and trimming; a missing or
    /// empty value matches only another missing or empty one.
    package static func matches(expected: String?, found: String?) -> Bool {
        let expected = expected?.collapsingWhitespace() ?? ""
        let found = found?.collapsingWhitespace() ?? ""
        return expected == found
    }

    /// The visible text of an HTML fragment or page (such as Readability's `expected.html`),
    /// parsed with libxml2 as UTF-8: blocks separated by blank lines, scripts and styles left out.
    package static func text(ofHTML html: Data) -> String {
        guard let root = HTMLTreeBuilder.parse([UInt8](html), encoding: "UTF-8") else { return "" }
        var renderer = ContentTextRenderer { ContentFilter.alwaysExcludedTags.contains($0.name) }
        return ContentTextRenderer.join(renderer.render([root]))
    }

    private static func isStandaloneCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isIdeographic { return true }
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return true  // kana
        default: return false
        }
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }
}
