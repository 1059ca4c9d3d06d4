import ReadingListModel
import Testing

/// Titles and excerpts are stored with their White_Space collapsed (SPEC.md §2.2), ASCII or not.
@Suite struct WhitespaceTests {
    @Test(arguments: [
        ("", ""), ("a b", "a b"), (" a", "a"), ("a ", "a"), ("a  b", "a b"), ("a\tb", "a b"), ("a\nb", "a b"),
        ("\n", ""), ("  ", ""), ("a\r\n\tb  c", "a b c"), ("a\u{1F}b", "a\u{1F}b"),
        ("é x", "é x"), ("é  x", "é x"), (" é", "é"), ("a\u{A0}b", "a b"), ("a\u{2003}", "a"), ("\u{3000}日本", "日本"),
        ("naïve café", "naïve café"), ("x \u{85}y", "x y"),
    ])
    func collapsesEveryRunToOneSpace(text: String, expected: String) {
        #expect(text.collapsingWhitespace() == expected)
    }
}
