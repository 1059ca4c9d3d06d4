import Foundation
import ReadingListExtraction
import Testing

@Suite("HTML pages")
struct HTMLExtractionTests {
    private func extract(_ html: String, fileName: String = "page.html") throws -> ExtractedArticle {
        try ArticleExtractor.extract(fileContents: Data(html.utf8), fileName: fileName)
    }

    private static let prose = """
        <p>The committee met on Tuesday to discuss the budget, which had grown by a third since last year, and agreed to delay the vote.</p>
        <p>Members said the delay would give them time to read the report, which runs to several hundred pages, before deciding.</p>
        """

    @Test("A page without <article> is found by scoring its paragraphs")
    func pageWithoutArticleElement() throws {
        let article = try extract("""
            <html><head><title>Budget vote delayed</title></head><body>
            <div id="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></div>
            <div class="story">\(Self.prose)</div>
            <div class="links"><a href="/a">Another story</a><br><a href="/b">Yet another story</a></div>
            </body></html>
            """)
        #expect(article.title == "Budget vote delayed")
        #expect(article.text.hasPrefix("The committee met on Tuesday"))
        #expect(article.text.hasSuffix("before deciding."))
        #expect(!article.text.contains("Home"))
        #expect(!article.text.contains("Another story"))
    }

    @Test("Nested layout tables: the cell with the prose wins over the navigation cell")
    func nestedTables() throws {
        let article = try extract("""
            <html><body><table><tr>
              <td><table><tr><td><a href="/1">Section one</a></td></tr><tr><td><a href="/2">Section two</a></td></tr></table></td>
              <td><table><tr><td>\(Self.prose)</td></tr></table></td>
            </tr></table></body></html>
            """)
        #expect(article.text.hasPrefix("The committee met on Tuesday"))
        #expect(article.text.contains("before deciding."))
        #expect(!article.text.contains("Section one"))
    }

    @Test("A comments section is dropped, even inside the article")
    func commentsAreDropped() throws {
        let article = try extract("""
            <html><body><article><h1>Budget vote delayed</h1>\(Self.prose)
            <section id="comments"><h2>42 Comments</h2>
              <div class="comment"><p>I think this is a terrible decision, and the committee should be ashamed of itself, frankly.</p></div>
            </section></article>
            <div class="comment-list"><p>Another long opinion that nobody asked for, which goes on and on and on about nothing at all.</p></div>
            </body></html>
            """)
        #expect(article.title == "Budget vote delayed")
        #expect(article.text.contains("before deciding."))
        #expect(!article.text.contains("Comments"))
        #expect(!article.text.contains("terrible decision"))
        #expect(!article.text.contains("Another long opinion"))
    }

    /// Readability's separators are | - \\ / > » between spaces; dashes — and – and "::" are
    /// part of the title (Readability keeps "Firefox — Customize and make it your own — …").
    @Test("Site names are removed from <title> before or after the headline, as Readability does", arguments: [
        ("Budget vote delayed as members ask for time | The Daily Example", "Budget vote delayed as members ask for time"),
        ("Budget vote delayed as members ask for time - Example", "Budget vote delayed as members ask for time"),
        ("Budget vote delayed as members ask for time — Example News", "Budget vote delayed as members ask for time — Example News"),
        ("Budget vote delayed as members ask for time :: Example", "Budget vote delayed as members ask for time :: Example"),
        ("Example » Budget vote delayed as members ask for time", "Budget vote delayed as members ask for time"),
        ("Example: Budget vote delayed as members ask for time", "Budget vote delayed as members ask for time"),
        ("Vote | Example", "Vote | Example"),
        ("Budget vote delayed", "Budget vote delayed"),
    ])
    func titleSuffixRemoval(pageTitle: String, expected: String) throws {
        let article = try extract("<html><head><title>\(pageTitle)</title></head><body>\(Self.prose)</body></html>")
        #expect(article.title == expected)
    }

    @Test("A site name stated by og:site_name is removed even when it is the longer part")
    func siteNameFromMetadata() throws {
        let article = try extract("""
            <html><head><meta property="og:site_name" content="The Very Long Name Of A Daily Newspaper">
            <title>Vote delayed | The Very Long Name Of A Daily Newspaper</title></head><body>\(Self.prose)</body></html>
            """)
        #expect(article.title == "Vote delayed")
        #expect(article.siteName == "The Very Long Name Of A Daily Newspaper")
    }

    @Test("Entities decode in the title, metadata and text")
    func entities() throws {
        let article = try extract("""
            <html><head><title>Tom &amp; Jerry&#8217;s   &quot;big&quot;
              day&mdash;out</title>
            <meta name="description" content="It&amp;#8217;s double-encoded &amp;amp; fixed"></head>
            <body><p>Caf&eacute; &lt;tag&gt; &#x1F600; and&nbsp;more text, which makes this paragraph long enough to count.</p></body></html>
            """)
        #expect(article.title == "Tom & Jerry’s \"big\" day—out")
        #expect(article.excerpt == "It’s double-encoded & fixed")
        #expect(article.text == "Café <tag> 😀 and more text, which makes this paragraph long enough to count.")
    }

    @Test("Headings are paragraphs, list items are • lines, <br> is a line break, <pre> is verbatim")
    func listsHeadingsBreaksAndPre() throws {
        let article = try extract("""
            <html><head><title>A guide to lists</title></head><body><article>
            <h1>A guide to lists</h1>
            <p>Lists are everywhere in articles, and a reader should see them as lists, one item per line, clearly.</p>
            <h2>Ingredients</h2>
            <ul><li>Flour</li><li>Two   eggs</li><li>Milk<ul><li>whole</li></ul></li></ul>
            <ol><li>Mix</li><li>Bake</li></ol>
            <p>Line one<br>Line two</p>
            <pre>let x = 1
              indented()</pre>
            </article></body></html>
            """)
        #expect(article.text == """
            Lists are everywhere in articles, and a reader should see them as lists, one item per line, clearly.

            Ingredients

            • Flour
            • Two eggs
            • Milk
              • whole

            • Mix
            • Bake

            Line one
            Line two

            let x = 1
              indented()
            """)
    }

    @Test("Hidden elements, scripts, styles, forms and share bars are not text")
    func invisibleAndChromeAreDropped() throws {
        let article = try extract("""
            <html><head><style>p { color: red }</style></head><body><article>
            \(Self.prose)
            <p hidden>Hidden by attribute.</p><p aria-hidden="true">Hidden from assistive tech.</p>
            <p style="color: red; display : none">Hidden by style.</p>
            <script>var secret = "script text";</script><noscript>Enable JavaScript</noscript>
            <div class="share-buttons"><a href="#">Share on Facebook</a></div>
            <form><button>Sign up</button><p>Newsletter blurb</p></form>
            <div class="newsletter-signup"><p>Get our newsletter every morning, it is free and you can cancel any time you like.</p></div>
            </article></body></html>
            """)
        for hidden in ["Hidden", "script text", "JavaScript", "Share on", "Sign up", "Newsletter", "newsletter", "color"] {
            #expect(!article.text.contains(hidden), "\(hidden) leaked")
        }
        #expect(article.text.hasSuffix("before deciding."))
    }

    @Test("Metadata comes from JSON-LD, then meta tags")
    func metadata() throws {
        let article = try extract("""
            <html lang="en_us"><head>
            <title>Ignored | Site</title>
            <meta property="og:title" content="The Real Headline">
            <meta property="og:site_name" content="Example Times">
            <meta name="author" content="Jane Doe">
            <meta property="article:published_time" content="2024-06-25T10:30:00+02:00">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
              "headline":"JSON-LD Headline","author":[{"@type":"Person","name":"Someone Else"}],
              "publisher":{"@type":"Organization","name":"Example Publisher"}}</script>
            </head><body>\(Self.prose)</body></html>
            """)
        // As in Readability, JSON-LD comes before meta tags for the title and the author.
        #expect(article.title == "JSON-LD Headline")
        #expect(article.siteName == "Example Times")
        #expect(article.byline == "Someone Else")
        #expect(article.language == "en-US")
        #expect(article.publishedAt == Date(timeIntervalSince1970: 1_719_304_200))
        #expect(article.excerpt == "The committee met on Tuesday to discuss the budget, which had grown by a third since last year, and agreed to delay the vote.")
    }

    @Test("JSON-LD and page elements fill in when meta tags are missing")
    func metadataFallbacks() throws {
        let article = try extract("""
            <html><head><meta http-equiv="content-language" content="de, en">
            <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Beispiel"},
              {"@type":"BlogPosting","headline":"Ein Titel","datePublished":"2020-09-21",
               "author":{"@type":"Person","name":"Max Muster"}}]}</script></head>
            <body><article><h1>Ein Titel</h1><p class="byline">By Max Muster</p>
            <time datetime="2019-01-01">Jan 1</time>\(Self.prose)</article></body></html>
            """)
        #expect(article.title == "Ein Titel")
        #expect(article.byline == "Max Muster")
        #expect(article.siteName == "Beispiel")
        #expect(article.language == "de")
        #expect(article.publishedAt == Date(timeIntervalSince1970: 1_600_646_400))
        #expect(article.text.hasPrefix("The committee met"), "no title, byline or dateline before the text")
        #expect(!article.text.contains("By Max Muster"), "the byline is not repeated in the text")
    }

    @Test("The single <h1> of the article is the title when no metadata names one; it is not repeated")
    func headingTitleNotRepeated() throws {
        let article = try extract("""
            <html><head><title>Example Site</title></head><body>
            <article><header><h1>Why The Vote Was Delayed Again</h1><span class="author">By Ann Lee</span></header>
            \(Self.prose)</article></body></html>
            """)
        #expect(article.title == "Why The Vote Was Delayed Again")
        #expect(article.byline == "Ann Lee")
        #expect(article.text.hasPrefix("The committee met"))
    }

    @Test("Bylines come from rel=author and byline classes, lose dates, and leave the text", arguments: [
        ("<p>By <a rel=\"author\" href=\"/ann\">Ann Lee</a> on <time>May 1</time></p>", "Ann Lee"),
        ("<div class=\"post-byline\">Dan Goodin - Apr 16, 2015 8:02 pm UTC</div>", "Dan Goodin"),
        ("<div class=\"meta\"><span class=\"author-name\">Sarah Gooding</span> <span>March 9, 2017</span></div>", "Sarah Gooding"),
    ])
    func bylines(markup: String, expected: String) throws {
        let article = try extract("""
            <html><body><article>\(markup)\(Self.prose)
            <div class="comments"><span class="comment-author">Troll</span><p>First!</p></div></article></body></html>
            """)
        #expect(article.byline == expected)
        #expect(!article.text.contains(expected))
        #expect(article.text.hasPrefix("The committee met"))
    }

    @Test("A commenter is never the byline")
    func commenterIsNotTheByline() throws {
        let article = try extract("""
            <html><body><article>\(Self.prose)</article>
            <section class="comments"><span class="comment-author">Troll</span><p>First!</p></section></body></html>
            """)
        #expect(article.byline == nil)
    }

    /// Readability takes the first paragraph whole; ours skips caption-sized lines and cuts
    /// paragraphs longer than 600 characters.
    @Test("Excerpt falls back to the first paragraph of 20 characters or more, cut near 600")
    func excerptFallback() throws {
        let long = String(repeating: "Sentence with several words in it. ", count: 40)
        let article = try extract("<html><body><p>Short intro.</p><p>\(long)</p><p>\(long)</p></body></html>")
        let excerpt = try #require(article.excerpt)
        #expect(excerpt.hasPrefix("Sentence with several words"))
        #expect(excerpt.count <= 600)
        #expect(excerpt.hasSuffix("…"))
        #expect(!excerpt.dropLast().hasSuffix(" "))
    }

    @Test("Text is plain: no leading or trailing whitespace, no triple newlines, and a word count")
    func textShape() throws {
        let article = try extract("<html><body>\n\n<div>  \(Self.prose)  </div>\n\n<div><p>  </p></div></body></html>")
        #expect(article.text == article.text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(!article.text.contains("\n\n\n"))
        #expect(article.wordCount == 44)
    }

    @Test("extract(html:baseURL:) reads the same page as extract(fileContents:fileName:)")
    func directHTMLEntryPoint() throws {
        let html = Data("<html><head><title>Direct entry into the extractor | Site</title></head><body>\(Self.prose)</body></html>".utf8)
        let direct = ArticleExtractor.extract(html: html, baseURL: URL(string: "https://example.com/story"))
        let viaFile = try ArticleExtractor.extract(fileContents: html, fileName: "story.html")
        #expect(direct == viaFile)
        #expect(direct.title == "Direct entry into the extractor")
    }
}
