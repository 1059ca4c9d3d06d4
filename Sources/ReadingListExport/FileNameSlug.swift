import Foundation

/// File names made from titles: ASCII lowercase letters and digits joined by hyphens.
public enum FileNameSlug {
    /// The longest slug, in characters.
    public static let maximumLength = 80

    /// The slug of `title`, at most ``maximumLength`` characters; `article` when the title has
    /// no letter or digit that folds to ASCII (a title in Japanese, say).
    ///
    /// Letters lose their accents (canonical decomposition, combining marks dropped: `é` → `e`),
    /// a few letters without a decomposition are spelled out (`ß` → `ss`, `æ` → `ae`, `ø` → `o`,
    /// `œ` → `oe`, `ł` → `l`, `đ`/`ð` → `d`, `þ` → `th`, `ı` → `i`), apostrophes are dropped
    /// (`don't` → `dont`), and every other run of characters becomes one hyphen. A slug longer
    /// than the limit is cut at its last hyphen within it (or at the limit if that would leave
    /// less than half).
    public static func slug(_ title: String) -> String {
        var slug = ""
        var pendingHyphen = false
        func append(_ text: String) {
            if pendingHyphen, !slug.isEmpty { slug += "-" }
            pendingHyphen = false
            slug += text
        }
        for scalar in title.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                append(String(scalar).lowercased())
            } else if let spelled = spelledOut[scalar] {
                append(spelled)
            } else if isMark(scalar) || apostrophes.contains(scalar) {
                continue
            } else {
                pendingHyphen = true
            }
        }
        if slug.count > maximumLength {
            let cut = slug.prefix(maximumLength)
            if let hyphen = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: hyphen) >= maximumLength / 2 {
                slug = String(cut[..<hyphen])
            } else {
                slug = String(cut)
                while slug.hasSuffix("-") { slug.removeLast() }
            }
        }
        return slug.isEmpty ? "article" : slug
    }

    private static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{02BC}"]

    private static let spelledOut: [Unicode.Scalar: String] = [
        "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe", "Œ": "oe",
        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ı": "i",
    ]

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
