import Foundation
import ReadingListExtraction
import Testing

/// Small pages for the layouts real sites use around an article, written inline.
@Suite("Page layouts")
struct PageLayoutTests {
    private func extract(_ html: String) throws -> ExtractedArticle {
        try ArticleExtractor.extract(fileContents: Data(html.utf8), fileName: "page.html")
    }

    private static let paragraphs = [
        "The council voted on Monday to keep the old library open, a decision that surprised many residents, who had expected the building to be sold.",
        "Supporters had gathered signatures for months, arguing that the library, with its reading rooms and archives, served people nobody else served.",
        "The mayor said the city would look for money elsewhere, perhaps by delaying road works, and promised a full budget by the end of the year.",
    ]

    private static let prose = paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n")

    private static let navigation = """
        <div class="top"><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
        <li><a href="/culture">Culture</a></li><li><a href="/sport">Sport</a></li></ul></div>
        """

    private func expectWholeArticle(_ article: ExtractedArticle, sourceLocation: SourceLocation = #_sourceLocation) {
        for paragraph in Self.paragraphs {
            #expect(article.text.contains(paragraph), "missing: \(paragraph.prefix(40))", sourceLocation: sourceLocation)
        }
    }

    @Test("Without <article>, the paragraphs' container is found and the menu left out")
    func noArticleElement() throws {
        let article = try extract("""
            <html><head><title>Library stays open</title></head><body>
            \(Self.navigation)
            <div class="wrapper"><div class="column">\(Self.prose)</div>
            <div class="rail"><p>Sign up for our morning briefing.</p></div></div>
            </body></html>
            """)
        expectWholeArticle(article)
        #expect(!article.text.contains("Politics"))
        #expect(article.text.hasPrefix("The council voted"))
    }

    @Test("Nested layout tables: the prose cell is the article, the menu cell is not")
    func nestedLayoutTables() throws {
        let article = try extract("""
            <html><head><title>Library stays open</title></head><body>
            <table width="100%"><tr><td colspan="2"><a href="/"><img src="logo.gif"></a></td></tr>
            <tr><td width="150"><table><tr><td><a href="/a">Archive</a></td></tr><tr><td><a href="/b">Contact us</a></td></tr></table></td>
            <td><table><tr><td><font size="2">\(Self.prose)</font></td></tr></table></td></tr></table>
            </body></html>
            """)
        expectWholeArticle(article)
        #expect(!article.text.contains("Archive"))
        #expect(!article.text.contains("Contact us"))
    }

    @Test("A comments section after the article is left out")
    func commentsAfterArticle() throws {
        let article = try extract("""
            <html><head><title>Library stays open</title></head><body><div id="page">
            <div class="post-body">\(Self.prose)</div>
            <div id="comments"><h3>3 comments</h3>
              <div class="comment"><p>What a relief, honestly, I have been going there every Saturday since I was a child, and so have my kids.</p></div>
              <div class="comment"><p>Typical council, always delaying the road works, and then they wonder why nobody trusts them anymore.</p></div>
            </div></div></body></html>
            """)
        expectWholeArticle(article)
        #expect(!article.text.contains("comments"))
        #expect(!article.text.contains("What a relief"))
        #expect(!article.text.contains("Typical council"))
    }

    @Test("Lazy images (data-src, placeholders) do not break the text around them")
    func lazyImages() throws {
        let article = try extract("""
            <html><head><title>Library stays open</title></head><body><article>
            <p>\(Self.paragraphs[0])</p>
            <figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/photo.jpg" class="lazyload" alt="The library">
            <noscript><img src="/photo.jpg"></noscript><figcaption>The library's reading room.</figcaption></figure>
            <p>\(Self.paragraphs[1])</p>
            <div class="image-wrapper"><img data-srcset="/a.jpg 1x, /b.jpg 2x" src="placeholder.png"></div>
            <p>\(Self.paragraphs[2])</p>
            </article></body></html>
            """)
        expectWholeArticle(article)
        #expect(article.text.contains("The library's reading room."))
        #expect(!article.text.contains("data:image"))
        #expect(!article.text.contains("photo.jpg"))
    }

    @Test("A 'most popular' box and related links next to the article are left out")
    func mostPopularAndRelated() throws {
        let article = try extract("""
            <html><head><title>Library stays open</title></head><body><div class="content">
            <div class="entry">\(Self.prose)</div>
            <div class="most-popular"><h3>Most popular</h3><ol>
              <li><a href="/1">Ten things you did not know about the old library building</a></li>
              <li><a href="/2">Mayor promises full budget by the end of the year</a></li>
              <li><a href="/3">Road works delayed again on the high street</a></li></ol></div>
            <div class="related-stories"><h3>Read more</h3><p><a href="/4">Council sells the swimming pool after all, despite protests</a></p></div>
            </div></body></html>
            """)
        expectWholeArticle(article)
        #expect(!article.text.contains("Most popular"))
        #expect(!article.text.contains("Ten things"))
        #expect(!article.text.contains("swimming pool"))
    }

    @Test("Navigation (nav, menus, breadcrumbs, link lists) is left out")
    func navigationExcluded() throws {
        let article = try extract("""
            <html><head><title>Library stays open</title></head><body>
            <nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <div class="breadcrumbs"><a href="/">Home</a> › <a href="/local">Local</a></div>
            <div role="navigation"><a href="/prev">Previous story</a></div>
            <main><div class="article-text">\(Self.prose)
            <div class="tags"><a href="/t/library">library</a> <a href="/t/council">council</a></div></div></main>
            <div class="footer-links"><ul><li><a href="/about">About us</a></li><li><a href="/jobs">Jobs</a></li></ul></div>
            </body></html>
            """)
        expectWholeArticle(article)
        for chrome in ["Home", "News", "Local", "Previous story", "About us", "Jobs"] {
            #expect(!article.text.contains(chrome), "\(chrome) leaked")
        }
    }

    @Test("A listing of <article> teasers is not taken for one of its articles")
    func listingOfTeasers() throws {
        let teasers = (1...4).map { index in
            "<article><h2><a href=\"/s\(index)\">Story \(index)</a></h2><p>Summary \(index) of a story, which is short and says little about it.</p></article>"
        }.joined()
        let article = try extract("""
            <html><head><title>Front page</title></head><body><section id="stories">\(teasers)</section></body></html>
            """)
        for index in 1...4 {
            #expect(article.text.contains("Summary \(index)"), "teaser \(index) missing")
        }
    }

    @Test("Inside the article, a teaser block whose text is mostly links is dropped")
    func teaserInsideArticle() throws {
        let article = try extract("""
            <html><head><title>Library stays open</title></head><body><article>\(Self.prose)\(Self.prose)
            <div class="box"><a href="/next">Read next: the swimming pool closes</a> after a long debate.</div>
            </article></body></html>
            """)
        expectWholeArticle(article)
        #expect(!article.text.contains("swimming pool"))
    }

    @Test("A short article made mostly of links keeps its text (cleaning is undone when too little is left)")
    func shortLinkHeavyArticle() throws {
        let article = try extract("""
            <html><head><title>Links of the week</title></head><body><article><div class="links">
            <p><a href="/a">The council keeps the library open</a>, says our reporter.</p>
            <p><a href="/b">Road works are delayed again</a>, residents complain.</p>
            </div></article></body></html>
            """)
        #expect(article.text.contains("The council keeps the library open, says our reporter."))
        #expect(article.text.contains("Road works are delayed again, residents complain."))
    }
}
