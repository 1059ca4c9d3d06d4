import ReadingListModel

/// Tag names for a field that lists them with a separator character (`TAGS="a,b"` in a
/// bookmark file, `a|b` in Pocket CSV).
enum TagList {
    /// The names of `tags` as such a field lists them: the separator inside a name becomes a
    /// space, then the name is normalized as tag names are (SPEC.md §2.6: trimmed, white space
    /// runs collapsed), so `a,b` is listed as `a b` in a comma-separated list. Names left empty
    /// and names equal to an earlier one (by tag key) are left out; the order is kept.
    static func names(_ tags: [String], separator: Unicode.Scalar) -> [String] {
        var seen = Set<TagName>()
        var names: [String] = []
        for tag in tags {
            var replaced = String.UnicodeScalarView()
            for scalar in tag.unicodeScalars { replaced.append(scalar == separator ? " " : scalar) }
            guard let name = TagName(String(replaced)), seen.insert(name).inserted else { continue }
            names.append(name.display)
        }
        return names
    }
}
