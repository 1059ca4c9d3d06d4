public import Foundation

/// A tag name as the user typed it, normalized (SPEC.md §2.6).
///
/// Two tag names are equal, and hash alike, when their keys are equal:
/// "Straße", "STRASSE" and " strasse " are the same tag.
public struct TagName: Hashable, Sendable, CustomStringConvertible {
    /// The name to show: trimmed, inner white space runs collapsed to one U+0020 space, NFC;
    /// the user's letter case is kept.
    public let display: String

    /// The identity of the tag: NFC of the full case folding of `display`.
    public let key: String

    /// Normalizes `input`; nil when nothing is left after trimming white space.
    public init?(_ input: String) {
        let collapsed = input.collapsingWhitespace()
        guard !collapsed.isEmpty else { return nil }
        display = UnicodeText.nfc(collapsed)
        key = UnicodeText.nfc(UnicodeText.caseFolded(display))
    }

    /// The tag's id, derived from `key`.
    public var id: UUID { Identity.tagID(forKey: key) }

    /// The display name.
    public var description: String { display }

    /// Whether both names have the same key, scalar for scalar.
    public static func == (lhs: TagName, rhs: TagName) -> Bool {
        lhs.key.unicodeScalars.elementsEqual(rhs.key.unicodeScalars)
    }

    /// Hashes the key only.
    public func hash(into hasher: inout Hasher) {
        for scalar in key.unicodeScalars {
            hasher.combine(scalar.value)
        }
    }
}
