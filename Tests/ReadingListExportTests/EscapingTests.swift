@testable import ReadingListExport
import Testing

/// The escaping functions the writers share: YAML scalars, HTML text, Markdown text, slugs and
/// separated tag lists.
@Suite struct EscapingTests {
    /// Reads a double-quoted YAML scalar back (the escapes `YAMLScalar` writes, and the YAML
    /// rule that an unescaped line break inside quotes folds): the test's own reader.
    static func unquoted(_ yaml: String) -> String? {
        var scalars = Array(yaml.unicodeScalars)
        guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else { return nil }
        scalars = Array(scalars.dropFirst().dropLast())
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" || scalar == "\n" || scalar == "\r" { return nil }
            guard scalar == "\\" else {
                result.append(scalar)
                index += 1
                continue
            }
            guard index + 1 < scalars.count else { return nil }
            switch scalars[index + 1] {
            case "\\": result.append("\\")
            case "\"": result.append("\"")
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "t": result.append("\t")
            case "u":
                guard index + 6 <= scalars.count - 0, index + 5 < scalars.count,
                    let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)...(index + 5)])), radix: 16),
                    let decoded = Unicode.Scalar(value)
                else { return nil }
                result.append(decoded)
                index += 4
            default: return nil
            }
            index += 2
        }
        return String(result)
    }

    static let awkwardTexts = [
        "Plain", "Title: with a colon", "He said \"no\"", "# not a comment", "- not a list item", "[not, a, list]",
        "{not: a map}", "yes", "no", "null", "~", "3.14", "0x1F", "2026-01-01", "back\\slash", "two\nlines", "tab\there",
        "cr\r\nlf", "bell\u{07}", "del\u{7F}", "nel\u{85}", "line separator\u{2028}", "bom\u{FEFF}", "café Straße 日本語 🙂",
        "'single quotes'", "&anchor", "*alias", "!tag", "%directive", "@at", "`tick`", "|", ">", "   spaces around   ", "",
    ]

    @Test(arguments: awkwardTexts)
    func yamlScalarsReadBackExactly(_ text: String) {
        let quoted = YAMLScalar.quoted(text)
        #expect(Self.unquoted(quoted) == text, "\(quoted)")
        #expect(!quoted.contains("\n") && !quoted.contains("\r"), "one line")
        #expect(quoted.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) })
    }

    @Test func yamlScalarsEscapeOnlyWhatTheyMust() {
        #expect(YAMLScalar.quoted("Title: a \"quote\" # b") == #""Title: a \"quote\" # b""#)
        #expect(YAMLScalar.quoted("a\\b\nc\td") == #""a\\b\nc\td""#)
        #expect(YAMLScalar.quoted("\u{07}\u{85}\u{2028}\u{FEFF}") == #""\u0007\u0085\u2028\uFEFF""#)
        #expect(YAMLScalar.quoted("- café") == "\"- café\"")
    }

    @Test func htmlTextIsEscapedAndOnOneLine() {
        #expect(HTMLText.escaped("Tom & Jerry <b>\"hi\"</b>") == "Tom &amp; Jerry &lt;b&gt;&quot;hi&quot;&lt;/b&gt;")
        #expect(HTMLText.escaped("  two\n  lines\r\n\tthree  ") == "two lines three")
        #expect(HTMLText.escaped("nul\u{0}bell\u{07}c1\u{9F}\u{85}end") == "nulbellc1 end", "NEL is white space")
        #expect(HTMLText.escaped("&amp; stays text") == "&amp;amp; stays text")
        #expect(HTMLText.escaped("日本語 'single'") == "日本語 'single'")
    }

    @Test func tagListsNeverHoldTheirSeparatorInAName() {
        #expect(TagList.names(["a,b", "c", "A B", ",", "  d  "], separator: ",") == ["a b", "c", "d"])
        #expect(TagList.names(["x|y", "x y", "z"], separator: "|") == ["x y", "z"])
        #expect(TagList.names(["Café", "with space"], separator: ",") == ["Café", "with space"])
        #expect(TagList.names([], separator: ",").isEmpty)
    }

    @Test func slugsAreAsciiLowercaseHyphenatedAndShort() {
        #expect(FileNameSlug.slug("Local-first Software: You Own Your Data") == "local-first-software-you-own-your-data")
        #expect(FileNameSlug.slug("Crème brûlée à la Straße — Ærø, Łódź") == "creme-brulee-a-la-strasse-aero-lodz")
        #expect(FileNameSlug.slug("Don't “quote” me: #1?!") == "dont-quote-me-1")
        #expect(FileNameSlug.slug("   ") == "article")
        #expect(FileNameSlug.slug("日本語のタイトル") == "article")
        #expect(FileNameSlug.slug("Swift 6 と Linux") == "swift-6-linux")
        #expect(FileNameSlug.slug("../../etc/passwd") == "etc-passwd")
        let long = String(repeating: "word ", count: 40)
        let slug = FileNameSlug.slug(long)
        #expect(slug.count <= 80 && slug.hasPrefix("word-word") && !slug.hasSuffix("-") && slug.hasSuffix("word"))
        let unbroken = FileNameSlug.slug(String(repeating: "x", count: 200))
        #expect(unbroken == String(repeating: "x", count: 80))
        #expect(FileNameSlug.slug("A" + String(repeating: "b", count: 100)).count == 80)
    }

    @Test func markdownTextShowsAsWritten() {
        #expect(MarkdownText.escapedLine("# Not a heading") == "\\# Not a heading")
        #expect(MarkdownText.escapedLine("a #tag and a#b and https://x.org/#frag") == "a \\#tag and a#b and https://x.org/#frag")
        #expect(MarkdownText.escapedLine("- item") == "\\- item")
        #expect(MarkdownText.escapedLine("+ item") == "\\+ item")
        #expect(MarkdownText.escapedLine("> quote") == "\\> quote")
        #expect(MarkdownText.escapedLine("1. first") == "1\\. first")
        #expect(MarkdownText.escapedLine("2026) year") == "2026\\) year")
        #expect(MarkdownText.escapedLine("3.14 is pi") == "3.14 is pi")
        #expect(MarkdownText.escapedLine("===") == "\\=\\=\\=")
        #expect(MarkdownText.escapedLine("a = b, a == b") == "a = b, a \\=\\= b")
        #expect(MarkdownText.escapedLine("*bold* [link](x) `code` $5 \\") == "\\*bold\\* \\[link\\](x) \\`code\\` \\$5 \\\\")
        #expect(MarkdownText.escapedLine("snake_case but _emphasis_") == "snake_case but \\_emphasis\\_")
        #expect(MarkdownText.escapedLine("<script>alert(1)</script> and a < b") == "\\<script>alert(1)\\</script> and a < b")
        #expect(MarkdownText.escapedLine("&amp; AT&T & co") == "\\&amp; AT\\&T & co")
        #expect(MarkdownText.escapedLine("~~strike~~ %%comment%% 50%") == "\\~\\~strike\\~\\~ \\%\\%comment\\%\\% 50%")
        #expect(MarkdownText.escapedLine("a - b + c > d") == "a - b + c > d")
        #expect(MarkdownText.escapedLine("Ærø: 日本語") == "Ærø: 日本語")
    }

    @Test func markdownTablesAndBlockIDsShowAsWritten() {
        #expect(MarkdownText.escapedLine("| a | b |") == "\\| a \\| b \\|", "a table row")
        #expect(MarkdownText.escapedLine("|---|---|") == "\\|---\\|---\\|", "a delimiter row")
        #expect(MarkdownText.escapedLine(":-: | -:") == ":-: \\| -:", "a delimiter row needs no leading pipe")
        #expect(MarkdownText.escapedLine("Title | Site") == "Title \\| Site")
        #expect(MarkdownText.escapedLine("See this ^abc-123") == "See this \\^abc-123", "an Obsidian block id")
        #expect(MarkdownText.escapedLine("trailing space ^quote1  ") == "trailing space \\^quote1  ")
        #expect(MarkdownText.escapedLine("^id") == "\\^id", "a block id on its own line names the block before")
        #expect(MarkdownText.escapedLine("x^2 and 2 ^ 3") == "x^2 and 2 ^ 3")
        #expect(MarkdownText.escapedLine("a ^word then more") == "a ^word then more")
        #expect(MarkdownText.escapedLine("end^id") == "end^id")
        #expect(MarkdownText.escapedLine("not ascii ^café") == "not ascii ^café")
        #expect(MarkdownText.escapedLine("lonely ^") == "lonely ^")
        #expect(MarkdownText.escaped("A | B\n:-- | --:\nc | d") == "A \\| B\n:-- \\| --:\nc \\| d")
    }

    @Test func markdownParagraphsKeepLineBreaksAndDropIndentation() {
        #expect(MarkdownText.escaped("First.\n\n    indented code?\r\n- dash") == "First.\n\nindented code?\n\\- dash")
    }
}
